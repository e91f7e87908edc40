// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "demo/demoactivity.h"
#include "libvirt/credentialbroker.h"
#include "libvirt/domainevents.h"
#include "libvirt/libvirthandles.h"
#include "metrics/metrics.h"
#include "metrics/metricsstore.h"
#include "model/inventory.h"
#include "model/machinediff.h"
#include "session/asidecalls.h"
#include "session/consolestream.h"
#include "session/inventoryreader.h"
#include "session/machinerequest.h"
#include "session/nodereading.h"
#include "session/noderequest.h"
#include "session/nodestatus.h"
#include "session/provisioningjob.h"
#include "session/screenroute.h"
#include "session/statsreader.h"

#include <QMutex>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <map>
#include <memory>

namespace Flotilla
{

class ConnectionOpening;
class CredentialAccess;

/// One node's connection and everything read through it. A session lives on
/// its own worker thread (see Fleet) and is the only owner of its
/// connection: every libvirt call for this node happens here, never on the
/// UI thread. libvirt's events arrive here (posted from the event thread);
/// what the session learns leaves as signals carrying plain values.
///
/// It keeps the connection alive (libvirt keepalive plus the close
/// callback), reconnects with exponential backoff and jitter when it is
/// lost, and calls itself degraded when the node answers slowly. Opening
/// happens on a helper thread with a time limit (ConnectionOpening), so a
/// node that never answers cannot hold the session.
class NodeSession : public QObject
{
    Q_OBJECT

public:
    /// A round of calls slower than this, plus slowMachineMs for each
    /// machine it reads, makes the node degraded: a big node's full reading
    /// is long because the node is big, not because it answers slowly.
    static constexpr qint64 slowCallMs = 2000;
    static constexpr qint64 slowMachineMs = 5;

    /// An opening without an answer for this long is given up (and retried
    /// later, as a lost connection is).
    static constexpr std::chrono::milliseconds defaultOpenTimeLimit{15000};

    /// A re-read at this interval heals anything an event did not tell: the
    /// machines, their states, addresses and disk sizes, pools and networks.
    static constexpr std::chrono::milliseconds defaultResyncInterval{60000};
    /// Every this many re-reads, the node's facts and every machine's
    /// definition are read again too (the others read a definition only for
    /// a machine new, started or stopped): a change that no event tells,
    /// such as a vCPU count set live by another tool, shows within ten
    /// minutes, and a node of 5,000 machines is not asked for 5,000 XML
    /// documents every minute.
    static constexpr int fullReadingEvery = 10;

    static constexpr std::chrono::milliseconds defaultTickInterval{tickSeconds * 1000};

    /// Ticks write into @p metrics (shared with the UI thread, which reads it).
    /// @p credentials (may be null) asks the person for what libvirt asks while connecting.
    explicit NodeSession(QString uri, std::shared_ptr<MetricsStore> metrics, CredentialBroker *credentials,
        std::chrono::milliseconds resyncInterval = defaultResyncInterval,
        std::chrono::milliseconds tickInterval = defaultTickInterval, QObject *parent = nullptr);
    ~NodeSession() override;

    /// Before open(): how long an opening may go unanswered.
    void setOpenTimeLimit(std::chrono::milliseconds limit) { m_openDeadline.setInterval(limit); }
    /// Before open(): the reads to make (tests put in failing or slow ones).
    void setReading(NodeReading reading) { m_reading = std::move(reading); }
    /// Before open(): a node whose activity is simulated (the test driver's)
    /// and whose history is empty at its first tick fills the last @p span
    /// with it first, as the demo does for a newcomer's first look.
    void setSimulatedPast(std::chrono::seconds span) { m_simulatedPast = span; }

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
    /// Carries out a person's request for this node's storage or networks,
    /// then re-reads its pools, networks and volumes; the outcome comes back
    /// as nodeRequestFinished().
    void perform(quint64 requestId, const NodeRequest &request);

    /// Makes what @p request asks on a thread of its own (the session goes
    /// on ticking meanwhile), through the session's connection; its steps'
    /// states come as provisioningUpdated(), its end as provisioningFinished().
    /// Setting @p cancel stops it before its next step, and undoes it.
    void provision(quint64 jobId, const ProvisioningRequest &request, const std::shared_ptr<std::atomic_bool> &cancel);
    /// Reads what the node offers new machines and its pools' volumes: stockRead().
    Q_INVOKABLE void readStock();
    /// Lends the connection for job @p jobId, a transfer onto this node that
    /// another node's session runs: connectionLent() brings it, or no
    /// connection when this node is not connected.
    void lendConnection(quint64 jobId);
    /// Reads the machine @p uuid, the pools and the stock again after a
    /// transfer onto this node ended (made, or undone).
    void readAfterTransfer(const QString &uuid);

    /// Opens the serial console of the machine with @p uuid as console
    /// @p consoleId: consoleOpened() tells how it went, consoleOutput()
    /// brings what the machine writes, consoleEnded() its end.
    void openConsole(quint64 consoleId, const QString &uuid);
    void sendToConsole(quint64 consoleId, const QByteArray &bytes);
    void closeConsole(quint64 consoleId);
    /// Finds the way to the screen of the running machine @p uuid:
    /// screenOpened() brings it, or why there is none.
    void openScreen(quint64 screenId, const QString &uuid);

    /// How long a round of calls that reads @p machines may take before the node counts as slow.
    [[nodiscard]] static qint64 slowRoundMs(qsizetype machines) { return slowCallMs + slowMachineMs * machines; }

Q_SIGNALS:
    void statusChanged(const Flotilla::NodeStatus &status);
    void inventoryChanged(const Flotilla::InventoryChange &change);
    /// Once per tick while connected: the rates just recorded.
    void ticked(const Flotilla::NodeTick &tick);
    void requestFinished(const Flotilla::MachineRequestResult &result);
    void nodeRequestFinished(const Flotilla::NodeRequestResult &result);
    void provisioningUpdated(const Flotilla::ProvisioningUpdate &update);
    void provisioningFinished(const Flotilla::ProvisioningResult &result);
    void stockRead(const Flotilla::NodeStock &stock);
    void connectionLent(quint64 jobId, const Flotilla::TransferTarget &target);
    /// @p error is empty when the console is open.
    void consoleOpened(quint64 consoleId, const Flotilla::Error &error);
    /// From libvirt's event thread.
    void consoleOutput(quint64 consoleId, const QByteArray &bytes);
    void consoleEnded(quint64 consoleId, const Flotilla::Error &why);
    /// @p error is empty when @p route leads to the screen.
    void screenOpened(quint64 screenId, const Flotilla::ScreenRoute &route, const Flotilla::Error &error);

private:
    /// The opening with @p generation ended: with a connection, or not.
    void opened(quint64 generation, std::shared_ptr<Libvirt::Connection> connection, const Error &error);
    void openTimedOut();
    /// Full: the node's facts and every machine's definition. Refresh:
    /// definitions only where they may have changed (Definitions::FetchChanged).
    enum class Depth { Full, Refresh };
    void readEverything(Depth depth);
    void readHostname(quint64 generation);
    void scheduleResync();
    void tick();
    /// Rates from @p counters (each running machine's) and @p node's since
    /// the last ones, recorded at @p nowMs.
    [[nodiscard]] NodeTick measure(qint64 nowMs, QList<MachineCounters> &counters, const NodeCounters &node);
    /// Ticks of the simulated activity over the last m_simulatedPast before
    /// @p nowMs, recorded as the live ones are (nodesessionpast.cpp).
    void fillSimulatedPast(qint64 nowMs);
    void readNodeParts();
    /// Addresses and disk capacities of @p machines, published as changes.
    void readDetails(const QList<Machine> &machines, const QHash<QString, virDomainPtr> &handles = {});
    void carryDetails(Machine &machine) const;
    [[nodiscard]] bool needsDetails(const Machine &fresh) const;
    /// Running without an address on a virtual network yet, or with a disk
    /// not measured yet: what a refresh reads the details of.
    [[nodiscard]] bool lacksDetails(const Machine &machine) const;
    void readTouchedMachines();
    void machineTouched(const QString &uuid, Libvirt::MachineTouch touch = Libvirt::MachineTouch::Everything,
        const Libvirt::SharedDomain &domain = {});
    /// The connection of @p generation closed; a late word about an older one is ignored.
    void connectionClosed(quint64 generation, int reason);
    void lose(const Error &error);
    void dropConnection();
    /// After a failed call: true (and the session has moved on) if the connection is gone.
    bool lostAfter(const Error &error);
    /// A round of calls that read @p machines took @p ms.
    void noteCallTime(qint64 ms, qsizetype machines = 0);
    /// Pools or networks read (or not): the last good reading stays, marked stale.
    void notePartsRead(InventoryChange &change, const Result<QList<StoragePool>> &pools,
        const Result<QList<VirtualNetwork>> &networks);
    void setStatus(NodeStatus status);
    /// Removes what plans lost with the connection left half made (MachineProvisioning::removeLeftovers).
    void removeLeftovers();
    void provisioningEnded(const ProvisioningRequest &request, const ProvisioningResult &result);
    /// Closes every console, telling @p why.
    void endConsoles(const Error &why);
    /// The connection, held for a call aside for as long as it takes.
    [[nodiscard]] std::shared_ptr<Libvirt::Connection> heldConnection() const;
    void publish(const InventoryChange &change);

    QString m_uri;
    std::chrono::milliseconds m_resyncInterval;
    int m_resyncs = 0; ///< since the connection opened
    StatsReader::NodeStatsShape m_nodeStatsShape; ///< of the open connection
    std::shared_ptr<CredentialAccess> m_credentials;
    NodeReading m_reading;
    Libvirt::Connection m_connection;
    std::shared_ptr<ConnectionOpening> m_opening; ///< the opening under way, if any
    std::shared_ptr<ConnectionOpening> m_unanswered; ///< one given up that libvirt still holds
    QTimer m_openDeadline;
    quint64 m_generation = 0; ///< counts openings: which connection a late word is about
    bool m_poolsStale = false;
    bool m_networksStale = false;
    std::unique_ptr<Libvirt::EventSubscription> m_events;
    MachineSet m_machines;
    struct Touched {
        Libvirt::MachineTouch touch = Libvirt::MachineTouch::State;
        Libvirt::SharedDomain domain; ///< from the event, if one brought it
    };
    QHash<QString, Touched> m_touched; ///< by UUID: what to read again
    NodeStatus m_status;
    QTimer m_resync;
    QTimer m_reconnect;
    QTimer m_touchedBatch;
    QTimer m_tick;

    std::shared_ptr<MetricsStore> m_metrics;
    bool m_simulated = false; ///< the node has no counters: DemoActivity feeds it
    DemoActivity m_demo;
    std::chrono::seconds m_simulatedPast{0};
    NodeFacts m_facts;
    bool m_factsPublished = false; ///< the first full reading sends the facts, even empty ones
    /// A machine's counters at the tick that last reported it.
    struct Previous {
        MachineCounters counters;
        quint64 round = 0; ///< that tick's; 0 for a machine not reported yet
    };
    QHash<QString, Previous> m_previous; ///< by UUID
    quint64 m_tickRound = 0;
    InventoryReader::DiskCapacities m_diskCapacities; ///< forgotten when pools change
    AsideCalls m_aside;
    std::map<quint64, std::unique_ptr<ConsoleStream>> m_consoles;
    NodeCounters m_previousNode;
    qint64 m_previousMs = 0;
};

} // namespace Flotilla
