// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "model/inventory.h"
#include "model/machinediff.h"
#include "nodes/nodeentry.h"
#include "session/nodestatus.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

namespace Flotilla
{

/// Something that happened in the fleet, worth a line in the recent events.
struct FleetEvent {
    enum class Kind {
        NodeLost, ///< was connected, is now reconnecting
        NodeBack, ///< connected again after being lost or disconnected
        NodeDegraded, ///< answers slowly
        NodeDisconnected, ///< the person disconnected it
        NodeError, ///< a connection that failed: libvirt's message in error
        MachineStarted,
        MachineStopped,
        MachinePaused,
        MachineResumed,
        MachineCrashed,
        MachineAdded,
        MachineRemoved,
    };

    Kind kind = Kind::NodeError;
    QDateTime time;
    QString nodeId;
    QString nodeName;
    QString machineUuid; ///< empty for node events
    QString machineName;
    Error error; ///< lost and error events: why
    /// The person asked for it through Flotilla: a stop they requested, a
    /// node back after they disconnected it.
    bool expected = false;
};

/// Watches the fleet's changes and turns transitions into FleetEvents: the
/// last `capacity` of them, oldest first. The fleet hands it the old and
/// new values before it applies a change. A node's first connection and its
/// first reading make no events, so that starting up is quiet.
class FleetEvents : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype capacity = 500;
    /// How long a stop the person asked for is waited for.
    static constexpr qint64 expectedStopSeconds = 600;

    using QObject::QObject;

    /// The node's status goes from @p before to @p after.
    void statusChanging(const NodeEntry &node, const NodeStatus &before, const NodeStatus &after);
    /// @p change is about to be applied to @p before, the node's machines.
    /// Call only once the node has been read whole.
    void machinesChanging(const NodeEntry &node, const MachineSet &before, const InventoryChange &change);
    /// The person asked Flotilla to disconnect the node.
    void expectDisconnect(const QString &nodeId);
    /// The person asked Flotilla to shut the machine down or turn it off:
    /// its stop, when it comes, is not unexpected.
    void expectStop(const QString &nodeId, const QString &uuid);
    /// Adds an event as it is (a test, or an event found elsewhere).
    void record(FleetEvent event);

    [[nodiscard]] const QList<FleetEvent> &events() const { return m_events; }

Q_SIGNALS:
    /// A new event, already at the end of events(); the oldest may be gone.
    void recorded(const Flotilla::FleetEvent &event);

private:
    void machineChanging(const NodeEntry &node, const Machine &before, const Machine &after);
    [[nodiscard]] bool takeExpectedStop(const QString &nodeId, const QString &uuid);

    QList<FleetEvent> m_events;
    QSet<QString> m_everConnected; ///< node ids
    QSet<QString> m_disconnectRequested; ///< node ids
    QHash<QString, QDateTime> m_expectedStops; ///< "node/uuid" → when asked
};

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::FleetEvent)
