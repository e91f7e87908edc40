// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "machinequery.h"

#include <QSortFilterProxyModel>
#include <QtQmlIntegration>

namespace Flotilla
{

/// Machines of one node or of all, matching a search (see MachineQuery),
/// sorted by any column. Live columns re-sort as their figures change.
class MachineFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    /// Only this node's machines; empty for all nodes.
    Q_PROPERTY(QString nodeId READ nodeId WRITE setNodeId NOTIFY nodeIdChanged)
    /// Words and qualifiers: `node:`, `state:`, `tag:`, `ip:`, `name:`, negated with `-`.
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    /// What in the search could not be understood; empty when all could.
    Q_PROPERTY(QString searchProblem READ searchProblem NOTIFY searchTextChanged)
    Q_PROPERTY(SortKey sortKey READ sortKey WRITE setSortKey NOTIFY sortChanged)
    Q_PROPERTY(bool descending READ isDescending WRITE setDescending NOTIFY sortChanged)

public:
    enum SortKey { ByName, ByNode, ByState, ByVcpus, ByMemory, ByCpu, ByMemoryUse, ByDisk, ByNetwork, ByAddress };
    Q_ENUM(SortKey)

    explicit MachineFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString nodeId() const { return m_nodeId; }
    void setNodeId(const QString &nodeId);
    [[nodiscard]] QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    [[nodiscard]] QString searchProblem() const { return m_query.problem(); }
    [[nodiscard]] SortKey sortKey() const { return m_sortKey; }
    void setSortKey(SortKey key);
    [[nodiscard]] bool isDescending() const { return sortOrder() == Qt::DescendingOrder; }
    void setDescending(bool descending);

    /// The UUIDs of the rows shown, in their order.
    Q_INVOKABLE [[nodiscard]] QStringList uuids() const;

Q_SIGNALS:
    void nodeIdChanged();
    void searchTextChanged();
    void sortChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_nodeId;
    QString m_searchText;
    MachineQuery m_query;
    SortKey m_sortKey = ByName;
};

} // namespace Flotilla
