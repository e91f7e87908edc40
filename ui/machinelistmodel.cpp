// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinelistmodel.h"

#include "fleet.h"

#include <KFormat>
#include <KLocalizedString>

#include <algorithm>

namespace Flotilla
{

MachineListModel::MachineListModel(Fleet *fleet, QObject *parent)
    : QAbstractListModel(parent)
    , m_fleet(fleet)
{
    connect(fleet, &Fleet::nodeChanged, this, &MachineListModel::updateNode);
    for (qsizetype node = 0; node < fleet->nodes().size(); ++node) {
        updateNode(node);
    }
}

void MachineListModel::updateNode(qsizetype node)
{
    const QList<Machine> &machines = m_fleet->nodes().at(node).inventory.machines;
    // The node's rows are one block: find where it is, or where it goes.
    const auto begin = std::ranges::lower_bound(m_rows, node, {}, &Row::node);
    const auto end = std::ranges::upper_bound(m_rows, node, {}, &Row::node);
    const int first = int(begin - m_rows.begin());
    const int oldCount = int(end - begin);

    const bool sameMachines = oldCount == machines.size()
        && std::ranges::equal(begin, end, machines.begin(), machines.end(),
            [](const Row &row, const Machine &machine) { return row.machine.uuid == machine.uuid; });
    if (sameMachines) {
        for (int i = 0; i < oldCount; ++i) {
            m_rows[first + i].machine = machines.at(i);
        }
        if (oldCount > 0) {
            Q_EMIT dataChanged(index(first), index(first + oldCount - 1));
        }
        return;
    }
    if (oldCount > 0) {
        beginRemoveRows({}, first, first + oldCount - 1);
        m_rows.remove(first, oldCount);
        endRemoveRows();
    }
    if (!machines.isEmpty()) {
        beginInsertRows({}, first, first + int(machines.size()) - 1);
        for (qsizetype i = 0; i < machines.size(); ++i) {
            m_rows.insert(first + i, Row{node, machines.at(i)});
        }
        endInsertRows();
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
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
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
    };
}

} // namespace Flotilla
