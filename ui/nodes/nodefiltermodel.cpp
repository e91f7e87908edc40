// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodefiltermodel.h"

#include "fleet/nodelistmodel.h"

namespace Flotilla
{

void NodeFilterModel::setNodeId(const QString &nodeId)
{
    if (nodeId == m_nodeId) {
        return;
    }
    m_nodeId = nodeId;
    invalidateRowsFilter();
    Q_EMIT nodeIdChanged();
}

bool NodeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return sourceModel()->index(sourceRow, 0, sourceParent).data(NodeListModel::IdRole).toString() == m_nodeId;
}

} // namespace Flotilla
