// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QSortFilterProxyModel>
#include <QtQmlIntegration>

namespace Flotilla
{

/// Machines of one node or of all, matching a search text, sorted by name.
class MachineFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    /// Only this node's machines; empty for all nodes.
    Q_PROPERTY(QString nodeId READ nodeId WRITE setNodeId NOTIFY nodeIdChanged)
    /// Keeps machines whose name or node contains it, ignoring case.
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)

public:
    explicit MachineFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString nodeId() const { return m_nodeId; }
    void setNodeId(const QString &nodeId);
    [[nodiscard]] QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);

Q_SIGNALS:
    void nodeIdChanged();
    void searchTextChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_nodeId;
    QString m_searchText;
};

} // namespace Flotilla
