// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinelistmodel.h"

#include "fleet.h"

#include <KFormat>
#include <KLocalizedString>

#include <QLocale>

#include <algorithm>

namespace Flotilla
{

// QML's names for the states mirror libvirt's order in the backend.
static_assert(int(MachineListModel::Running) == int(MachineState::Running));
static_assert(int(MachineListModel::Off) == int(MachineState::Off));
static_assert(int(MachineListModel::Suspended) == int(MachineState::Suspended));

MachineListModel::MachineListModel(Fleet *fleet, QObject *parent)
    : QAbstractListModel(parent)
    , m_fleet(fleet)
{
    connect(fleet, &Fleet::machinesChanged, this, &MachineListModel::applyChange);
    connect(fleet, &Fleet::nodeChanged, this, [this](qsizetype node) {
        // The node's name or place may show on its machines' rows.
        const auto first = std::ranges::lower_bound(m_rows, node, {}, &Row::node);
        const auto last = std::ranges::upper_bound(m_rows, node, {}, &Row::node);
        if (first != last) {
            Q_EMIT dataChanged(
                index(int(first - m_rows.begin())), index(int(last - m_rows.begin()) - 1), {NodeNameRole});
        }
    });
    // Each tick changes the live columns of that node's rows, and nothing else.
    connect(fleet, &Fleet::ticked, this, [this](qsizetype node) {
        const auto first = std::ranges::lower_bound(m_rows, node, {}, &Row::node);
        const auto last = std::ranges::upper_bound(m_rows, node, {}, &Row::node);
        if (first != last) {
            Q_EMIT dataChanged(index(int(first - m_rows.begin())), index(int(last - m_rows.begin()) - 1),
                {CpuPercentRole, CpuTextRole, MemoryUsedBytesRole});
        }
    });
    // A removed node's machines have gone already; the nodes after it move up.
    connect(fleet, &Fleet::nodeRemoved, this, [this](qsizetype node) {
        for (Row &row : m_rows) {
            row.node -= row.node > node ? 1 : 0;
        }
    });
    for (qsizetype node = 0; node < fleet->nodes().size(); ++node) {
        const QList<Machine> machines = fleet->nodes().at(node).machines.machines().values();
        applyChange(node, InventoryChange{.complete = true, .added = machines});
    }
}

int MachineListModel::rowOf(const QString &uuid)
{
    if (m_indexStale) {
        m_rowOfUuid.clear();
        m_rowOfUuid.reserve(m_rows.size());
        for (int row = 0; row < m_rows.size(); ++row) {
            m_rowOfUuid.insert(m_rows.at(row).machine.uuid, row);
        }
        m_indexStale = false;
    }
    return m_rowOfUuid.value(uuid, -1);
}

void MachineListModel::removeRows(const QList<int> &rows)
{
    // From the bottom up, a run of neighbouring rows at a time.
    QList<int> sorted = rows;
    std::ranges::sort(sorted, std::greater<>());
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j + 1 < sorted.size() && sorted.at(j + 1) == sorted.at(j) - 1) {
            ++j;
        }
        beginRemoveRows({}, sorted.at(j), sorted.at(i));
        m_rows.remove(sorted.at(j), sorted.at(i) - sorted.at(j) + 1);
        endRemoveRows();
        i = j + 1;
    }
    m_indexStale = true;
}

void MachineListModel::applyChange(qsizetype node, const InventoryChange &change)
{
    QList<int> gone;
    for (const QString &uuid : change.removed) {
        if (const int row = rowOf(uuid); row >= 0) {
            gone.append(row);
        }
    }
    if (!gone.isEmpty()) {
        removeRows(gone);
    }
    for (const Machine &machine : change.changed) {
        const int row = rowOf(machine.uuid);
        if (row >= 0) {
            m_rows[row].machine = machine;
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    if (!change.added.isEmpty()) {
        const int first = int(std::ranges::upper_bound(m_rows, node, {}, &Row::node) - m_rows.begin());
        beginInsertRows({}, first, first + int(change.added.size()) - 1);
        QList<Row> added;
        added.reserve(change.added.size());
        for (const Machine &machine : change.added) {
            added.append(Row{node, machine});
        }
        m_rows.insert(first, added.size(), Row{});
        std::ranges::move(added, m_rows.begin() + first);
        endInsertRows();
        m_indexStale = true;
    }
}

int MachineListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString MachineListModel::stateText(MachineState state)
{
    switch (state) {
    case MachineState::Running:
        return i18nc("@info:status machine", "Running");
    case MachineState::Blocked:
        return i18nc("@info:status machine", "Blocked");
    case MachineState::Paused:
        return i18nc("@info:status machine", "Paused");
    case MachineState::ShuttingDown:
        return i18nc("@info:status machine", "Shutting down");
    case MachineState::Off:
        return i18nc("@info:status machine", "Off");
    case MachineState::Crashed:
        return i18nc("@info:status machine", "Crashed");
    case MachineState::Suspended:
        return i18nc("@info:status machine", "Suspended");
    case MachineState::Unknown:
        break;
    }
    return i18nc("@info:status machine", "Unknown");
}

QVariant MachineListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const Machine &machine = row.machine;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return machine.name;
    case UuidRole:
        return machine.uuid;
    case NodeIdRole:
        return m_fleet->nodes().at(row.node).entry.id;
    case NodeNameRole:
        return m_fleet->nodes().at(row.node).entry.name;
    case StateRole:
        return int(machine.state);
    case StateTextRole:
        return stateText(machine.state);
    case ActiveRole:
        return machine.isActive();
    case VcpusRole:
        return machine.vcpus;
    case MemoryBytesRole:
        return double(machine.memoryBytes);
    case MemoryTextRole:
        return KFormat().formatByteSize(double(machine.memoryBytes), 0);
    case PersistentRole:
        return machine.persistent;
    case CpuPercentRole:
    case CpuTextRole:
    case MemoryUsedBytesRole: {
        const auto &rates = m_fleet->nodes().at(row.node).machineRates;
        const auto found = rates.constFind(machine.uuid);
        const Rates live = found == rates.cend() ? unknownRates() : found->rates;
        const double cpu = at(live, Channel::CpuPercent);
        if (role == CpuTextRole) {
            return std::isnan(cpu) ? QString()
                                   : i18nc("@info CPU use", "%1 %", QLocale().toString(cpu, 'f', cpu < 10 ? 1 : 0));
        }
        return role == CpuPercentRole ? cpu : at(live, Channel::MemoryUsedBytes);
    }
    }
    return {};
}

QHash<int, QByteArray> MachineListModel::roleNames() const
{
    return {
        {UuidRole, "uuid"},
        {NameRole, "name"},
        {NodeIdRole, "nodeId"},
        {NodeNameRole, "nodeName"},
        {StateRole, "machineState"},
        {StateTextRole, "stateText"},
        {ActiveRole, "active"},
        {VcpusRole, "vcpus"},
        {MemoryBytesRole, "memoryBytes"},
        {MemoryTextRole, "memoryText"},
        {PersistentRole, "persistent"},
        {CpuPercentRole, "cpuPercent"},
        {CpuTextRole, "cpuText"},
        {MemoryUsedBytesRole, "memoryUsedBytes"},
    };
}

} // namespace Flotilla
