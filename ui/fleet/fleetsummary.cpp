// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleetsummary.h"

#include "fleet/fleet.h"

#include <KFormat>

namespace Flotilla
{

namespace
{

FleetSummary::Counts countNode(const Fleet &fleet, const Fleet::Node &node)
{
    FleetSummary::Counts counts{.nodes = 1, .notAnswering = fleet.heartbeat().isAnswering(node.entry.id) ? 0 : 1};
    switch (node.status.state) {
    case NodeState::Connected:
        counts.up = 1;
        break;
    case NodeState::Degraded:
        counts.degraded = 1;
        break;
    case NodeState::Reconnecting:
        counts.reconnecting = 1;
        break;
    case NodeState::Disconnected:
        counts.disconnected = 1;
        break;
    case NodeState::Connecting:
        break;
    }
    for (const Machine &machine : node.machines.machines()) {
        ++counts.machines;
        if (machine.isRunning()) {
            ++counts.running;
        } else if (machine.state == MachineState::Paused || machine.state == MachineState::Suspended) {
            ++counts.paused;
        } else if (!machine.isActive()) {
            ++counts.off;
        }
        if (machine.isActive()) {
            counts.vcpus += machine.vcpus;
            counts.memory += machine.memoryBytes;
        }
    }
    counts.cpus = node.facts.cpus;
    counts.memoryCapacity = node.facts.memoryBytes;
    for (const StoragePool &pool : node.pools) {
        counts.storageUsed += pool.allocationBytes;
        counts.storageCapacity += pool.capacityBytes;
    }
    return counts;
}

} // namespace

FleetSummary::Counts &FleetSummary::Counts::operator+=(const Counts &other)
{
    nodes += other.nodes;
    up += other.up;
    degraded += other.degraded;
    reconnecting += other.reconnecting;
    disconnected += other.disconnected;
    notAnswering += other.notAnswering;
    machines += other.machines;
    running += other.running;
    paused += other.paused;
    off += other.off;
    vcpus += other.vcpus;
    cpus += other.cpus;
    memory += other.memory;
    memoryCapacity += other.memoryCapacity;
    storageUsed += other.storageUsed;
    storageCapacity += other.storageCapacity;
    return *this;
}

FleetSummary::FleetSummary(Fleet *fleet, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{
    for (qsizetype i = 0; i < fleet->nodes().size(); ++i) {
        m_nodes.append(countNode(*fleet, fleet->nodes().at(i)));
        m_total += m_nodes.constLast();
    }
    m_recount.setSingleShot(true);
    m_recount.setInterval(100);
    connect(&m_recount, &QTimer::timeout, this, &FleetSummary::recount);
    connect(fleet, &Fleet::nodeAdded, this, &FleetSummary::noteChange);
    connect(fleet, &Fleet::nodeChanged, this, &FleetSummary::noteChange); // machine changes come with it
    connect(fleet, &Fleet::nodeRemoved, this, [this](qsizetype index) {
        if (index < m_nodes.size()) {
            m_nodes.removeAt(index);
        }
        m_changed.clear(); // the indexes after it moved: count them all again
        for (qsizetype node = 0; node < m_fleet->nodes().size(); ++node) {
            m_changed.insert(node);
        }
        m_recount.start();
    });
}

int FleetSummary::percentOf(double used, double capacity)
{
    return capacity > 0 ? qRound(100.0 * used / capacity) : 0;
}

FleetSummary::Allocation FleetSummary::allocationOf(int percent, int farPercent)
{
    if (percent > farPercent) {
        return Allocation::FarOvercommitted;
    }
    return percent > 100 ? Allocation::Overcommitted : Allocation::Within;
}

QString FleetSummary::formatBytes(double bytes)
{
    return KFormat().formatByteSize(bytes, 1);
}

void FleetSummary::noteChange(qsizetype node)
{
    m_changed.insert(node);
    if (!m_recount.isActive()) {
        m_recount.start();
    }
}

void FleetSummary::recount()
{
    m_nodes.resize(m_fleet->nodes().size());
    for (const qsizetype node : std::exchange(m_changed, {})) {
        if (node < m_fleet->nodes().size()) {
            m_nodes[node] = countNode(*m_fleet, m_fleet->nodes().at(node));
        }
    }
    Counts total;
    for (const Counts &counts : std::as_const(m_nodes)) {
        total += counts;
    }
    if (total != m_total) {
        m_total = total;
        Q_EMIT changed();
    }
}

} // namespace Flotilla
