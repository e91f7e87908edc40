// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinefiltermodel.h"

#include "machinelistmodel.h"

#include <QCollator>

#include <cmath>

namespace Flotilla
{
namespace
{
int roleOf(MachineFilterModel::SortKey key)
{
    switch (key) {
    case MachineFilterModel::ByName:
        return MachineListModel::NameRole;
    case MachineFilterModel::ByNode:
        return MachineListModel::NodeNameRole;
    case MachineFilterModel::ByState:
        return MachineListModel::StateTextRole;
    case MachineFilterModel::ByVcpus:
        return MachineListModel::VcpusRole;
    case MachineFilterModel::ByMemory:
        return MachineListModel::MemoryBytesRole;
    case MachineFilterModel::ByCpu:
        return MachineListModel::CpuPercentRole;
    case MachineFilterModel::ByMemoryUse:
        return MachineListModel::MemoryPercentRole;
    case MachineFilterModel::ByDisk:
        return MachineListModel::DiskBytesPerSecondRole;
    case MachineFilterModel::ByNetwork:
        return MachineListModel::NetBytesPerSecondRole;
    case MachineFilterModel::ByAddress:
        return MachineListModel::AddressesTextRole;
    }
    return MachineListModel::NameRole;
}

QCollator &collator()
{
    static QCollator collator = [] {
        QCollator c;
        c.setCaseSensitivity(Qt::CaseInsensitive);
        c.setNumericMode(true); // "web-2" before "web-10"
        return c;
    }();
    return collator;
}
} // namespace

MachineFilterModel::MachineFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MachineListModel::NameRole);
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
    m_query = MachineQuery::parse(text);
    invalidateRowsFilter();
    Q_EMIT searchTextChanged();
}

void MachineFilterModel::setSortKey(SortKey key)
{
    if (key == m_sortKey) {
        return;
    }
    m_sortKey = key;
    setSortRole(roleOf(key)); // re-sorts; live columns re-sort when this role changes
    Q_EMIT sortChanged();
}

void MachineFilterModel::setDescending(bool descending)
{
    if (descending == isDescending()) {
        return;
    }
    sort(0, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    Q_EMIT sortChanged();
}

QStringList MachineFilterModel::uuids() const
{
    QStringList result;
    result.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row) {
        result.append(index(row, 0).data(MachineListModel::UuidRole).toString());
    }
    return result;
}

bool MachineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_nodeId.isEmpty() && index.data(MachineListModel::NodeIdRole).toString() != m_nodeId) {
        return false;
    }
    if (m_query.isEmpty()) {
        return true;
    }
    return m_query.matches(MachineQuery::Subject{.name = index.data(MachineListModel::NameRole).toString(),
        .nodeName = index.data(MachineListModel::NodeNameRole).toString(),
        .state = MachineState(index.data(MachineListModel::StateRole).toInt()),
        .tags = index.data(MachineListModel::TagsRole).toStringList(),
        .addresses = index.data(MachineListModel::AddressesRole).toStringList()});
}

bool MachineFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int role = sortRole();
    const bool live = role == MachineListModel::CpuPercentRole || role == MachineListModel::MemoryPercentRole
        || role == MachineListModel::DiskBytesPerSecondRole || role == MachineListModel::NetBytesPerSecondRole;
    const auto *machines = qobject_cast<const MachineListModel *>(sourceModel());
    const QVariant a = live && machines ? QVariant() : left.data(role);
    const QVariant b = live && machines ? QVariant() : right.data(role);
    if (live || a.typeId() == QMetaType::Double || a.typeId() == QMetaType::Int) {
        // Live columns straight from the rows: no QVariant per comparison.
        const double x = machines && live ? machines->liveFigure(left.row(), role) : a.toDouble();
        const double y = machines && live ? machines->liveFigure(right.row(), role) : b.toDouble();
        if (std::isnan(x) != std::isnan(y)) {
            return std::isnan(x) == isDescending(); // the unknown last, either way
        }
        if (!std::isnan(x) && x != y) {
            return x < y;
        }
    } else if (const int order = collator().compare(a.toString(), b.toString()); order != 0) {
        return order < 0;
    }
    // Equal keys: by name, then by UUID, so the order is stable.
    const int byName = collator().compare(
        left.data(MachineListModel::NameRole).toString(), right.data(MachineListModel::NameRole).toString());
    if (byName != 0) {
        return byName < 0;
    }
    return left.data(MachineListModel::UuidRole).toString() < right.data(MachineListModel::UuidRole).toString();
}

} // namespace Flotilla
