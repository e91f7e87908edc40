// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "credentialbroker.h"
#include "demoactivity.h"
#include "domainevents.h"
#include "inventory.h"
#include "inventoryreader.h"
#include "libvirthandles.h"
#include "machinediff.h"
#include "machinerequest.h"
#include "metrics.h"
#include "metricsstore.h"
#include "nodestatus.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

namespace Flotilla
{

/// One node's connection and everything read through it. A session lives on
/// its own worker thread (see Fleet) and is the only owner of its
/// connection: every libvirt call for this node happens here, never on the
/// UI thread. libvirt's events arrive here (posted from the event thread);
/// what the session learns leaves as signals carrying plain values.
///
/// It keeps the connection alive (libvirt keepalive plus the close
/// callback), reconnects with exponential backoff and jitter when it is
/// lost, and calls itself degraded when the node answers slowly.
class NodeSession : public QObject
{
    Q_OBJECT

public:
    /// A round of calls slower than this makes the node degraded.
    static constexpr qint64 slowCallMs = 2000;

    /// A full re-read at this interval heals anything an event did not tell.
    static constexpr std::chrono::milliseconds defaultResyncInterval{60000};

    static constexpr std::chrono::milliseconds defaultTickInterval{1000};

    /// Ticks write into @p metrics (shared with the UI thread, which reads it).
    /// @p credentials (may be null) asks the person for what libvirt asks while connecting.
    explicit NodeSession(QString uri, std::shared_ptr<MetricsStore> metrics, CredentialBroker *credentials,
        std::chrono::milliseconds resyncInterval = defaultResyncInterval,
        std::chrono::milliseconds tickInterval = defaultTickInterval, QObject *parent = nullptr);
    ~NodeSession() override;

    // Invoke these queued, on the session's thread.
    /// Opens the connection (again) and reads everything.
    Q_INVOKABLE void open();
    /// Forgets any waiting and opens a fresh connection at once.
    Q_INVOKABLE void reconnectNow();
    /// Closes the connection and stays disconnected until told otherwise.
    Q_INVOKABLE void disconnectNode();
    /// Closes everything; call before the thread ends.
    Q_INVOKABLE void shutdown();
    /// Carries out a person's request for one of this node's machines, then
    /// re-reads the machine; the outcome comes back as requestFinished().
    void perform(quint64 requestId, const MachineRequest &request);

Q_SIGNALS:
    void statusChanged(const Flotilla::NodeStatus &status);
    void inventoryChanged(const Flotilla::InventoryChange &change);
    /// Once per tick while connected: the rates just recorded.
    void ticked(const Flotilla::NodeTick &tick);
    void requestFinished(const Flotilla::MachineRequestResult &result);

private:
    void readEverything();
    void tick();
    void readNodeParts();
    /// Addresses and disk capacities of @p machines, published as changes.
    void readDetails(const QList<Machine> &machines);
    void carryDetails(Machine &machine) const;
    void readTouchedMachines();
    void machineTouched(const QString &uuid);
    void connectionClosed(int reason);
    void lose(const Error &error);
    void dropConnection();
    /// After a failed call: true (and the session has moved on) if the connection is gone.
    bool lostAfter(const Error &error);
    void noteCallTime(qint64 ms);
    void setStatus(NodeStatus status);
    void publish(const InventoryChange &change);

    QString m_uri;
    CredentialBroker *m_credentials;
    Libvirt::Connection m_connection;
    std::unique_ptr<Libvirt::EventSubscription> m_events;
    MachineSet m_machines;
    QSet<QString> m_touched;
    NodeStatus m_status;
    QTimer m_resync;
    QTimer m_reconnect;
    QTimer m_touchedBatch;
    QTimer m_tick;

    std::shared_ptr<MetricsStore> m_metrics;
    bool m_simulated = false; ///< the node has no counters: DemoActivity feeds it
    DemoActivity m_demo;
    NodeFacts m_facts;
    QHash<QString, MachineCounters> m_previous;
    InventoryReader::DiskCapacities m_diskCapacities; ///< forgotten when pools change
    NodeCounters m_previousNode;
    qint64 m_previousMs = 0;
};

} // namespace Flotilla
