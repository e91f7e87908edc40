// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetevents.h"
#include "fleet/nodeheartbeat.h"
#include "fleet/tickmailbox.h"
#include "libvirt/credentialbroker.h"
#include "metrics/metrics.h"
#include "metrics/metricsstore.h"
#include "metrics/workloadhistories.h"
#include "model/inventory.h"
#include "model/machinediff.h"
#include "nodes/nodeentry.h"
#include "nodes/nodeliststore.h"
#include "session/machinerequest.h"
#include "session/noderequest.h"
#include "session/nodestatus.h"
#include "session/provisioningjob.h"
#include "session/screenroute.h"

#include <QObject>
#include <QTimer>

#include <chrono>

#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace Flotilla
{

class NodeSession;

/// All the nodes Flotilla watches: their entries, and the latest of what
/// each node's session reported. Lives on the UI thread; owns one worker
/// thread and one NodeSession per node, and hears from them through queued
/// signals only. It keeps the last known picture of a node that is lost.
class Fleet : public QObject
{
    Q_OBJECT

public:
    /// How long closing the fleet waits for all its sessions together;
    /// a session still stuck in a call then is left to end by itself.
    static constexpr std::chrono::milliseconds exitGrace{1200};

    struct Node {
        NodeEntry entry;
        NodeStatus status;
        NodeFacts facts;
        QList<StoragePool> pools;
        QList<VirtualNetwork> networks;
        bool poolsStale = false; ///< the last read of the pools failed: they may be out of date
        bool networksStale = false; ///< the same, for the networks
        MachineSet machines;
        bool hasInventory = false; ///< a full reading has arrived at least once
        int fullReads = 0; ///< full readings so far: the first, the resyncs, those after reconnecting
        qint64 lastFullReadMs = 0; ///< how long the last full reading took the session
        std::shared_ptr<MetricsStore> metrics = std::make_shared<MetricsStore>();
        Rates rates = unknownRates(); ///< the node's, at its last tick
        QHash<QString, MachineRates> machineRates; ///< each running machine's, at the last tick
        bool simulatedActivity = false;
        qint64 lastTickWorkMs = 0;
        bool saved = false; ///< part of the user's saved list (not a --connect node for this run)
        quint64 session = 0; ///< which of the node's sessions reports now
        /// What the node offers new machines and its pools' volumes, as
        /// last read (readStock()); hasStock is false until then.
        NodeStock stock;
        bool hasStock = false;
        quint64 stockAskedOf = 0; ///< the session readStockOnce() asked
    };

    explicit Fleet(QObject *parent = nullptr);
    ~Fleet() override;

    /// How often sessions added from now on re-read their node whole.
    void setResyncInterval(std::chrono::milliseconds interval) { m_resyncInterval = interval; }
    /// How often a node is asked for its figures, unless setTickInterval says otherwise.
    static constexpr std::chrono::milliseconds defaultTickInterval{tickSeconds * 1000};

    /// How often sessions added from now on read their counters.
    void setTickInterval(std::chrono::milliseconds interval)
    {
        m_tickInterval = interval;
        m_tickDelivery.setInterval(std::min(interval, tickDeliveryInterval));
        m_heartbeat.setTickInterval(interval);
    }
    /// How long sessions added from now on wait for a node to answer an opening.
    void setOpenTimeLimit(std::chrono::milliseconds limit) { m_openTimeLimit = limit; }
    /// Simulated nodes added from now on fill the last @p span of an empty
    /// history with their simulated activity (NodeSession::setSimulatedPast):
    /// the demo's first day.
    void setSimulatedPast(std::chrono::seconds span) { m_simulatedPast = span; }

    /// Adds a node and starts its session. Ids must be unique. A @p saved
    /// node belongs to the user's list and is written by save().
    void addNode(const NodeEntry &entry, bool saved = false);
    /// Takes a node out of the fleet (the node itself is not touched): its
    /// machines leave the lists, its session stops on its own thread, and
    /// the UI thread never waits for it, even if the node hangs.
    bool removeNode(const QString &id);
    /// Changes a node's name, place and tags; a changed URI reconnects with
    /// a fresh session. False if there is no node with @p entry's id.
    bool updateNode(const NodeEntry &entry);
    /// Marks a node in maintenance, or ends the mark (NodeEntry::maintenance),
    /// and saves the list. False if there is no such node; an error if the
    /// list could not be written (the mark holds for this run).
    Result<bool> setMaintenance(const QString &id, bool maintenance);
    /// Where save() writes the user's list; none (the default, as in the
    /// demo): save() writes nothing.
    void setStore(std::optional<NodeListStore> store) { m_store = std::move(store); }
    [[nodiscard]] bool hasStore() const { return m_store.has_value(); }
    /// Writes the saved nodes' entries to the store, atomically.
    [[nodiscard]] Result<bool> save() const;
    void reconnectNow(const QString &id);
    void disconnectNode(const QString &id);
    /// Hands @p request to the node's session; returns its id, which
    /// requestFinished() carries back. Every request ends with a result: a
    /// request for a node that does not exist is refused (queued, so the
    /// caller has its id first), and one whose node is removed or replaced
    /// before it answers ends with an error saying so.
    quint64 request(const QString &nodeId, const MachineRequest &request);
    /// The same for a request of a node's storage or networks; it ends
    /// with nodeRequestFinished(), and the node's pools, networks and stock
    /// (its volumes) are read again after it.
    quint64 request(const QString &nodeId, const NodeRequest &request);

    /// Hands @p request to the node's session, which makes it on a thread of
    /// its own; returns the job's id, which provisioningUpdated() and
    /// provisioningFinished() carry back. Every job ends with a result, as
    /// a request does.
    quint64 provision(const QString &nodeId, const ProvisioningRequest &request);
    /// Stops job @p jobId before its next step; what it made is undone.
    void cancelProvisioning(quint64 jobId);
    /// Reads again what the node offers and holds (Node::stock), and its
    /// pools' room (Node::pools); nodeChanged() tells when it is in.
    void readStock(const QString &nodeId);
    /// Reads the stock of a connected node that has none yet, once for its
    /// session: what every view that needs the nodes' libraries calls.
    void readStockOnce(const QString &nodeId);

    /// Opens the serial console of machine @p uuid on @p nodeId; returns its
    /// id, which consoleOpened(), consoleOutput() and consoleEnded() carry.
    /// Every console that opens ends with consoleEnded(), also when its node
    /// is lost or removed.
    quint64 openConsole(const QString &nodeId, const QString &uuid);
    void sendToConsole(quint64 consoleId, const QByteArray &bytes);
    void closeConsole(quint64 consoleId);
    /// Finds the way to the screen of the running machine @p uuid on
    /// @p nodeId; returns its id, which screenOpened() carries back, always
    /// (also when the node is lost or removed first).
    quint64 openScreen(const QString &nodeId, const QString &uuid);

    [[nodiscard]] const QList<Node> &nodes() const { return m_nodes; }
    /// Each workload's month by the hour, filled by the keeper of the history on disk.
    [[nodiscard]] WorkloadHistories &workloadHistories() { return *m_workloadHistories; }
    [[nodiscard]] const WorkloadHistories &workloadHistories() const { return *m_workloadHistories; }
    /// The same, held: for a thread that may still use it after the fleet has gone.
    [[nodiscard]] std::shared_ptr<WorkloadHistories> heldWorkloadHistories() const { return m_workloadHistories; }
    /// Where sessions' questions for credentials go.
    [[nodiscard]] CredentialBroker *credentials() { return &m_credentials; }
    /// What happened lately: nodes lost and back, machines started and stopped.
    [[nodiscard]] FleetEvents *events() { return &m_events; }
    /// Which nodes have stopped answering (a node's nodeChanged() tells when that changes).
    [[nodiscard]] const NodeHeartbeat &heartbeat() const { return m_heartbeat; }
    [[nodiscard]] qsizetype indexOf(const QString &id) const;
    /// The node with @p id, or null: valid until the fleet's nodes change.
    [[nodiscard]] const Node *node(const QString &id) const
    {
        const qsizetype index = indexOf(id);
        return index < 0 ? nullptr : &m_nodes.at(index);
    }
    /// True once every node has been read fully or given up.
    [[nodiscard]] bool isSettled() const;

Q_SIGNALS:
    void nodeAdded(qsizetype index);
    /// A node is about to go; its machines have already gone (machinesChanged).
    void nodeAboutToBeRemoved(qsizetype index);
    void nodeRemoved(qsizetype index);
    /// Status, facts, pools or networks of a node changed.
    void nodeChanged(qsizetype index);
    /// Machines of a node were added, changed or removed (already applied).
    void machinesChanged(qsizetype index, const Flotilla::InventoryChange &change);
    /// A node's tick arrived: its rates and its machines' are current.
    void ticked(qsizetype index, const Flotilla::NodeTick &tick);
    /// A request() ended, well or not.
    void requestFinished(const QString &nodeId, const Flotilla::MachineRequestResult &result);
    void nodeRequestFinished(const QString &nodeId, const Flotilla::NodeRequestResult &result);
    void provisioningUpdated(const QString &nodeId, const Flotilla::ProvisioningUpdate &update);
    /// A provision() ended: made, failed and undone, or cancelled.
    void provisioningFinished(const QString &nodeId, const Flotilla::ProvisioningResult &result);
    /// @p error is empty when the console opened; else it has ended already.
    void consoleOpened(quint64 consoleId, const Flotilla::Error &error);
    void consoleOutput(quint64 consoleId, const QByteArray &bytes);
    void consoleEnded(quint64 consoleId, const Flotilla::Error &why);
    /// @p error is empty when @p route leads to the screen.
    void screenOpened(quint64 screenId, const Flotilla::ScreenRoute &route, const Flotilla::Error &error);

private:
    /// How often the ticks the sessions left are taken (see TickMailbox).
    static constexpr std::chrono::milliseconds tickDeliveryInterval{250};

    struct Worker;
    /// A request handed to a session, not yet answered.
    struct Outstanding {
        QString nodeId;
        quint64 session = 0;
        std::variant<MachineRequest, NodeRequest> request;
    };

    /// A job handed to a session, not yet ended.
    struct Job {
        QString nodeId;
        quint64 session = 0;
        std::shared_ptr<std::atomic_bool> cancel;
        /// A transfer's: the node it goes to, and its session, which lends
        /// its connection; the request waits here until it has.
        QString targetId;
        quint64 targetSession = 0;
        std::optional<ProvisioningRequest> waiting;
    };

    void connectProvisioning(NodeSession *session, const QString &id, quint64 sessionNumber);
    /// Hands job @p jobId to its node's session.
    void startJob(quint64 jobId, const ProvisioningRequest &request);
    /// A transfer's target lent its connection (or had none): the job goes on, or fails.
    void onConnectionLent(quint64 jobId, const TransferTarget &target);
    void connectConsoles(NodeSession *session);
    /// Ends the consoles of @p session with @p why, queued.
    void endConsoles(quint64 session, const QString &why);
    /// Ends job @p jobId of @p nodeId with @p why, queued.
    void failJob(const QString &nodeId, quint64 jobId, const QString &why);
    void onStatusChanged(const QString &id, const NodeStatus &status);
    void onInventoryChanged(const QString &id, const InventoryChange &change);
    void onTicked(const QString &id, const NodeTick &tick);
    void deliverTicks();
    template<typename Method>
    void tellSession(const QString &id, Method method);
    [[nodiscard]] std::unique_ptr<Worker> startSession(Node &node);
    void retire(std::unique_ptr<Worker> worker);
    void dropMachines(qsizetype index);
    /// Ends the unanswered requests of @p session with @p why, queued.
    void endRequests(quint64 session, const QString &why);
    /// Answers request @p id for @p nodeId with @p error, queued.
    void refuse(const QString &nodeId, quint64 id, const MachineRequest &request, const QString &why);
    void refuse(const QString &nodeId, quint64 id, const NodeRequest &request, const QString &why);
    /// Files request @p id for @p nodeId as outstanding and hands it to the
    /// session with @p perform; false (nothing filed) when there is no such node.
    template<typename Request>
    bool send(const QString &nodeId, quint64 id, const Request &request);

    QList<Node> m_nodes;
    std::shared_ptr<WorkloadHistories> m_workloadHistories = std::make_shared<WorkloadHistories>();
    FleetEvents m_events;
    NodeHeartbeat m_heartbeat;
    std::shared_ptr<TickMailbox> m_ticks = std::make_shared<TickMailbox>();
    QTimer m_tickDelivery;
    CredentialBroker m_credentials; // before the workers: it outlives their sessions
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::vector<std::unique_ptr<Worker>> m_retiring; ///< sessions of removed nodes, stopping
    std::optional<NodeListStore> m_store;
    quint64 m_lastSession = 0;
    std::chrono::milliseconds m_resyncInterval = std::chrono::minutes(1);
    std::chrono::milliseconds m_tickInterval = defaultTickInterval;
    std::chrono::milliseconds m_openTimeLimit{0}; ///< 0: the session's default
    std::chrono::seconds m_simulatedPast{0};
    quint64 m_lastRequestId = 0;
    QHash<quint64, Outstanding> m_outstanding; ///< by request id
    QHash<quint64, Job> m_jobs; ///< by job id (they count with the requests' ids)
    QHash<quint64, Job> m_consoles; ///< open consoles by id (no cancel flag)
    QHash<quint64, Job> m_screens; ///< screens asked for, not yet answered
};

} // namespace Flotilla
