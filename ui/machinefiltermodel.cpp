// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinefiltermodel.h"

#include "machinelistmodel.h"

namespace Flotilla
{

MachineFilterModel::MachineFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MachineListModel::NameRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
    sort(0);
}

void MachineFilterModel::setNodeId(const QString &nodeId)
{
    if (nodeId == m_nodeId) {
        return;
    }
    m_nodeId = nodeId;
    invalidateRowsFilter();
    Q_EMIT nodeIdChanged();
}

void MachineFilterModel::setSearchText(const QString &text)
{
    if (text == m_searchText) {
        return;
    }
    m_searchText = text;
    invalidateRowsFilter();
    Q_EMIT searchTextChanged();
}

bool MachineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_nodeId.isEmpty() && index.data(MachineListModel::NodeIdRole).toString() != m_nodeId) {
        return false;
    }
    const QString text = m_searchText.trimmed();
    return text.isEmpty() || index.data(MachineListModel::NameRole).toString().contains(text, Qt::CaseInsensitive)
        || index.data(MachineListModel::NodeNameRole).toString().contains(text, Qt::CaseInsensitive);
}

} // namespace Flotilla
