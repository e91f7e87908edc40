// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleetevents.h"

namespace Flotilla
{

namespace
{

bool isPaused(MachineState state)
{
    return state == MachineState::Paused || state == MachineState::Suspended;
}

QString stopKey(const QString &nodeId, const QString &uuid)
{
    return nodeId + QLatin1Char('/') + uuid;
}

} // namespace

void FleetEvents::statusChanging(const NodeEntry &node, const NodeStatus &before, const NodeStatus &after)
{
    if (before.state == after.state) {
        return;
    }
    FleetEvent event{.nodeId = node.id, .nodeName = node.name, .error = after.error};
    const bool wasConnected = m_everConnected.contains(node.id);
    if (isUp(after.state)) {
        m_everConnected.insert(node.id);
    }
    if (isUp(after.state) && !isUp(before.state)) {
        if (!wasConnected) {
            return; // the first connection is no news
        }
        event.kind = FleetEvent::Kind::NodeBack;
        event.expected = m_disconnectRequested.contains(node.id);
        event.error = {};
        m_disconnectRequested.remove(node.id);
    } else if (after.state == NodeState::Degraded) {
        event.kind = FleetEvent::Kind::NodeDegraded;
    } else if (after.state == NodeState::Reconnecting && isUp(before.state)) {
        event.kind = FleetEvent::Kind::NodeLost;
    } else if (after.state == NodeState::Disconnected && m_disconnectRequested.contains(node.id)) {
        event.kind = FleetEvent::Kind::NodeDisconnected;
        event.expected = true;
        event.error = {};
    } else if (!after.error.isEmpty()
        && (after.state == NodeState::Disconnected || before.state == NodeState::Connecting)) {
        event.kind = FleetEvent::Kind::NodeError; // a connection that failed, or cannot mend itself
    } else {
        return; // Degraded back to Connected, another reconnect attempt: no news
    }
    record(event);
}

void FleetEvents::machinesChanging(const NodeEntry &node, const MachineSet &before, const InventoryChange &change)
{
    const QHash<QString, Machine> &machines = before.machines();
    for (const Machine &machine : change.added) {
        const auto known = machines.constFind(machine.uuid);
        if (known != machines.cend()) {
            machineChanging(node, *known, machine); // a resync re-reports what it already had
            continue;
        }
        record(FleetEvent{.kind = FleetEvent::Kind::MachineAdded,
            .nodeId = node.id,
            .nodeName = node.name,
            .machineUuid = machine.uuid,
            .machineName = machine.name});
    }
    for (const Machine &machine : change.changed) {
        const auto known = machines.constFind(machine.uuid);
        if (known != machines.cend()) {
            machineChanging(node, *known, machine);
        }
    }
    for (const QString &uuid : change.removed) {
        const auto known = machines.constFind(uuid);
        m_expectedStops.remove(stopKey(node.id, uuid));
        record(FleetEvent{.kind = FleetEvent::Kind::MachineRemoved,
            .nodeId = node.id,
            .nodeName = node.name,
            .machineUuid = uuid,
            .machineName = known != machines.cend() ? known->name : uuid});
    }
}

void FleetEvents::machineChanging(const NodeEntry &node, const Machine &before, const Machine &after)
{
    if (before.state == after.state) {
        return;
    }
    FleetEvent event{.nodeId = node.id, .nodeName = node.name, .machineUuid = after.uuid, .machineName = after.name};
    if (after.isRunning() && !before.isRunning()) {
        event.kind = isPaused(before.state) ? FleetEvent::Kind::MachineResumed : FleetEvent::Kind::MachineStarted;
    } else if (isPaused(after.state) && !isPaused(before.state)) {
        event.kind = FleetEvent::Kind::MachinePaused;
    } else if (after.state == MachineState::Crashed) {
        event.kind = FleetEvent::Kind::MachineCrashed;
        m_expectedStops.remove(stopKey(node.id, after.uuid));
    } else if (after.state == MachineState::Off && before.isActive()) {
        event.kind = FleetEvent::Kind::MachineStopped;
        event.expected = takeExpectedStop(node.id, after.uuid);
    } else {
        return; // running to blocked, shutting down, and the like
    }
    record(event);
}

void FleetEvents::expectDisconnect(const QString &nodeId)
{
    m_disconnectRequested.insert(nodeId);
}

void FleetEvents::expectStop(const QString &nodeId, const QString &uuid)
{
    m_expectedStops.insert(stopKey(nodeId, uuid), QDateTime::currentDateTimeUtc());
}

bool FleetEvents::takeExpectedStop(const QString &nodeId, const QString &uuid)
{
    const QDateTime asked = m_expectedStops.take(stopKey(nodeId, uuid));
    return asked.isValid() && asked.secsTo(QDateTime::currentDateTimeUtc()) <= expectedStopSeconds;
}

void FleetEvents::record(FleetEvent event)
{
    if (!event.time.isValid()) {
        event.time = QDateTime::currentDateTimeUtc();
    }
    m_events.append(event);
    if (m_events.size() > capacity) {
        m_events.removeFirst();
    }
    Q_EMIT recorded(m_events.constLast());
}

} // namespace Flotilla
