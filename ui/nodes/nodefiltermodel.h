// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QSortFilterProxyModel>
#include <QtQmlIntegration>

namespace Flotilla
{

/// The nodes list narrowed to one node, for pages that show a single node
/// with the same roles as the list.
class NodeFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString nodeId READ nodeId WRITE setNodeId NOTIFY nodeIdChanged)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    [[nodiscard]] QString nodeId() const { return m_nodeId; }
    void setNodeId(const QString &nodeId);

Q_SIGNALS:
    void nodeIdChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_nodeId;
};

} // namespace Flotilla
