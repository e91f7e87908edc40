// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
//
// How MachineFilterModel follows the machine list: rows added, removed and
// changed there are shown, hidden and moved here with the smallest signal
// that says so, so views keep their place and their delegates.
#include "machines/machinefiltermodel.h"

#include "fleet/machinelistmodel.h"

#include <algorithm>

namespace Flotilla
{
namespace
{
/// The roles a search or a node filter looks at.
bool touchesFilter(const QList<int> &roles)
{
    static constexpr std::array filterRoles
        = {MachineListModel::NameRole, MachineListModel::NodeIdRole, MachineListModel::NodeNameRole,
            MachineListModel::NodeCityRole, MachineListModel::NodeCountryRole, MachineListModel::NodeCountryCodeRole,
            MachineListModel::StateRole, MachineListModel::TagsRole, MachineListModel::AddressesRole};
    return roles.isEmpty() || std::ranges::any_of(roles, [](int role) {
        return std::ranges::find(filterRoles, role) != filterRoles.end();
    });
}

/// Past this many changed rows, one re-sort of all is cheaper than moving each.
constexpr int rowsPlacedOneByOne = 16;
} // namespace

void MachineFilterModel::followSource()
{
    if (!m_machines) {
        return;
    }
    const auto *source = m_machines;
    m_sourceConnections = {
        connect(source, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { sourceRowsInserted(first, last); }),
        connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { sourceRowsAboutToBeRemoved(first, last); }),
        connect(source, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { sourceRowsRemoved(first, last); }),
        connect(source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &first, const QModelIndex &last, const QList<int> &roles) {
                sourceDataChanged(first.row(), last.row(), roles);
            }),
        // The machine list neither resets nor moves rows; should it ever, start again.
        connect(source, &QAbstractItemModel::modelAboutToBeReset, this, &MachineFilterModel::beginResetModel),
        connect(source, &QAbstractItemModel::modelReset, this, &MachineFilterModel::rebuildAfterReset),
        connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this, &MachineFilterModel::beginResetModel),
        connect(source, &QAbstractItemModel::layoutChanged, this, &MachineFilterModel::rebuildAfterReset),
        connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, &MachineFilterModel::beginResetModel),
        connect(source, &QAbstractItemModel::rowsMoved, this, &MachineFilterModel::rebuildAfterReset),
    };
}

void MachineFilterModel::rebuildAfterReset()
{
    fill();
    endResetModel();
}

void MachineFilterModel::sourceRowsInserted(int first, int last)
{
    const int count = last - first + 1;
    for (int &sourceRow : m_order) {
        sourceRow += sourceRow >= first ? count : 0;
    }
    m_rowOfSource.clear();
    if (m_textKeys.size() >= first) {
        m_textKeys.insert(first, count, std::nullopt);
    }
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        if (accepts(sourceRow)) {
            showRow(sourceRow);
        }
    }
}

void MachineFilterModel::sourceRowsAboutToBeRemoved(int first, int last)
{
    QList<int> gone;
    for (int row = 0; row < m_order.size(); ++row) {
        if (m_order.at(row) >= first && m_order.at(row) <= last) {
            gone.append(row);
        }
    }
    hideRows(gone);
}

void MachineFilterModel::sourceRowsRemoved(int first, int last)
{
    const int count = last - first + 1;
    for (int &sourceRow : m_order) {
        sourceRow -= sourceRow > last ? count : 0;
    }
    m_rowOfSource.clear();
    if (m_textKeys.size() > last) {
        m_textKeys.remove(first, count);
    } else {
        m_textKeys.clear();
    }
}

void MachineFilterModel::sourceDataChanged(int first, int last, const QList<int> &roles)
{
    const bool orderMayChange = roles.isEmpty() || roles.contains(sortRole());
    for (int sourceRow = first; orderMayChange && sourceRow <= last && sourceRow < m_textKeys.size(); ++sourceRow) {
        m_textKeys[sourceRow].reset();
    }
    if ((!m_nodeId.isEmpty() || !m_query.isEmpty()) && touchesFilter(roles)) {
        for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
            const int row = rowOfSource(sourceRow);
            if (const bool shown = accepts(sourceRow); shown && row < 0) {
                showRow(sourceRow);
            } else if (!shown && row >= 0) {
                hideRows({row});
            }
        }
    }
    if (orderMayChange && last - first < rowsPlacedOneByOne) {
        for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
            if (const int row = rowOfSource(sourceRow); row >= 0) {
                placeRow(row);
            }
        }
    } else if (orderMayChange) {
        resort();
    }
    if (m_order.isEmpty()) {
        return;
    }
    const int row = first == last ? rowOfSource(first) : -1;
    if (first == last && row >= 0) {
        Q_EMIT dataChanged(index(row, 0), index(row, 0), roles);
    } else if (first != last) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_order.size()) - 1, 0), roles);
    }
}

void MachineFilterModel::showRow(int sourceRow)
{
    const int row = insertionPoint(sourceRow);
    beginInsertRows({}, row, row);
    m_order.insert(row, sourceRow);
    m_rowOfSource.clear();
    endInsertRows();
}

void MachineFilterModel::hideRows(const QList<int> &rows)
{
    // rows ascend; from the bottom up, a run of neighbouring rows at a time.
    for (qsizetype end = rows.size(); end > 0;) {
        qsizetype start = end - 1;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1) {
            --start;
        }
        beginRemoveRows({}, rows.at(start), rows.at(end - 1));
        m_order.remove(rows.at(start), end - start);
        m_rowOfSource.clear();
        endRemoveRows();
        end = start;
    }
}

void MachineFilterModel::placeRow(int row)
{
    const int sourceRow = m_order.at(row);
    const int place = insertionPoint(sourceRow, row);
    if (place == row) {
        return;
    }
    // beginMoveRows counts the destination before the row leaves.
    beginMoveRows({}, row, row, {}, place > row ? place + 1 : place);
    m_order.removeAt(row);
    m_order.insert(place, sourceRow);
    m_rowOfSource.clear();
    endMoveRows();
}

} // namespace Flotilla
