// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"

#include "core/logging.h"
#include "fleet/fleetworker.h"
#include "fleet/nodestatuslog.h"

#include <KLocalizedString>

#include <QThread>

using namespace std::chrono_literals;

namespace Flotilla
{

Fleet::Fleet(QObject *parent)
    : QObject(parent)
{
    // The values sessions send across threads.
    qRegisterMetaType<NodeStatus>();
    qRegisterMetaType<InventoryChange>();
    qRegisterMetaType<NodeTick>();
    qRegisterMetaType<FleetEvent>();
    qRegisterMetaType<MachineRequestResult>();
    qRegisterMetaType<NodeRequestResult>();
    qRegisterMetaType<ProvisioningUpdate>();
    qRegisterMetaType<ProvisioningResult>();
    qRegisterMetaType<NodeStock>();
    qRegisterMetaType<TransferTarget>();
    qRegisterMetaType<Error>();
    // KI18n sets itself up on first use, watching the application for language
    // changes; sessions translate their errors on worker threads, so that first
    // use must happen here, on the UI thread.
    (void)KLocalizedString::languages();
    m_tickDelivery.setInterval(tickDeliveryInterval);
    m_heartbeat.setTickInterval(m_tickInterval);
    connect(&m_tickDelivery, &QTimer::timeout, this, &Fleet::deliverTicks);
    connect(&m_heartbeat, &NodeHeartbeat::answeringChanged, this, [this](const QString &id, bool answering) {
        if (const qsizetype index = indexOf(id); index >= 0) {
            NodeStatusLog::answeringChanged(m_nodes.at(index).entry, answering, m_heartbeat.silence(id));
            Q_EMIT nodeChanged(index);
        }
    });
}

Fleet::~Fleet()
{
    m_credentials.close(); // sessions waiting for an answer get none, and stop
    for (const Job &job : std::as_const(m_jobs)) {
        job.cancel->store(true); // a plan under way stops at its next step and undoes what it can
    }
    for (const auto &worker : m_workers) {
        worker->stop(); // all at once, then all are waited for
    }
    // One deadline for every session together: five hung nodes cost the
    // exit no more than one does.
    const QDeadlineTimer deadline(exitGrace);
    for (const auto &worker : m_workers) {
        worker->finish(deadline);
    }
    for (const auto &worker : m_retiring) {
        worker->finish(deadline);
    }
    // Plans run on threads of their own: those cancelled above undo what
    // they made, and must not outlive the application.
    if (!ProvisioningJob::Underway::waitForNone(deadline)) {
        qCWarning(FLOTILLA_SESSION) << "quitting with plans still under way; the nodes clean up after them";
    }
    m_workers.clear();
    m_retiring.clear();
}

void Fleet::addNode(const NodeEntry &entry, bool saved)
{
    Q_ASSERT(indexOf(entry.id) < 0);
    m_nodes.append(Node{.entry = entry, .saved = saved});
    m_workers.push_back(startSession(m_nodes.last()));
    Q_EMIT nodeAdded(m_nodes.size() - 1);
}

std::unique_ptr<Fleet::Worker> Fleet::startSession(Node &node)
{
    auto worker = std::make_unique<Worker>();
    worker->thread->setObjectName(QStringLiteral("node:") + node.entry.id);
    worker->session = new NodeSession(node.entry.uri, node.metrics, &m_credentials, m_resyncInterval, m_tickInterval);
    if (m_openTimeLimit > std::chrono::milliseconds::zero()) {
        worker->session->setOpenTimeLimit(m_openTimeLimit);
    }
    worker->session->setSimulatedPast(m_simulatedPast);
    worker->session->moveToThread(worker->thread.get());
    // Reports of a session that was replaced or stopped are ignored.
    node.session = ++m_lastSession;
    const QString id = node.entry.id;
    m_heartbeat.forget(id);
    const quint64 session = node.session;
    const auto current = [this, id, session] {
        const qsizetype index = indexOf(id);
        return index >= 0 && m_nodes.at(index).session == session;
    };
    connect(worker->session, &NodeSession::statusChanged, this, [this, id, current](const NodeStatus &status) {
        if (current()) {
            onStatusChanged(id, status);
        }
    });
    connect(worker->session, &NodeSession::inventoryChanged, this, [this, id, current](const InventoryChange &change) {
        if (current()) {
            onInventoryChanged(id, change);
        }
    });
    // Runs on the session's thread: the tick waits in the mailbox.
    connect(worker->session, &NodeSession::ticked, [ticks = m_ticks, id, session](const NodeTick &tick) {
        ticks->put(TickMailbox::Letter{.node = id, .session = session, .tick = tick});
    });
    if (!m_tickDelivery.isActive()) {
        m_tickDelivery.start();
    }
    // A result counts while its request is outstanding, whichever session
    // answers; a request ended already (its node removed) stays ended.
    const auto answered = [this, id, current](quint64 requestId) {
        if (current()) {
            const NodeState state = m_nodes.at(indexOf(id)).status.state;
            m_heartbeat.requestEnded(id, requestId, isUp(state));
        }
        return m_outstanding.remove(requestId) > 0;
    };
    connect(
        worker->session, &NodeSession::requestFinished, this, [this, id, answered](const MachineRequestResult &result) {
            if (answered(result.requestId)) {
                Q_EMIT requestFinished(id, result);
            }
        });
    connect(worker->session, &NodeSession::nodeRequestFinished, this,
        [this, id, answered](const NodeRequestResult &result) {
            if (answered(result.requestId)) {
                Q_EMIT nodeRequestFinished(id, result);
            }
        });
    connectProvisioning(worker->session, id, session);
    connectConsoles(worker->session);
    worker->thread->start();
    if (node.entry.enabled) {
        QMetaObject::invokeMethod(worker->session, &NodeSession::open, Qt::QueuedConnection);
    }
    return worker;
}

template<typename Method>
void Fleet::tellSession(const QString &id, Method method)
{
    const qsizetype index = indexOf(id);
    if (index >= 0) {
        QMetaObject::invokeMethod(m_workers.at(size_t(index))->session, method, Qt::QueuedConnection);
    }
}

void Fleet::reconnectNow(const QString &id)
{
    tellSession(id, &NodeSession::reconnectNow);
}

void Fleet::disconnectNode(const QString &id)
{
    m_events.expectDisconnect(id);
    tellSession(id, &NodeSession::disconnectNode);
}

template<typename Request>
bool Fleet::send(const QString &nodeId, quint64 id, const Request &request)
{
    const qsizetype index = indexOf(nodeId);
    if (index < 0) {
        refuse(nodeId, id, request, i18nc("@info", "There is no node “%1”.", nodeId));
        return false;
    }
    m_outstanding.insert(id, Outstanding{.nodeId = nodeId, .session = m_nodes.at(index).session, .request = request});
    m_heartbeat.requestSent(nodeId, id);
    NodeSession *session = m_workers.at(size_t(index))->session;
    QMetaObject::invokeMethod(session, [session, id, request] { session->perform(id, request); }, Qt::QueuedConnection);
    return true;
}

quint64 Fleet::request(const QString &nodeId, const MachineRequest &request)
{
    const quint64 id = ++m_lastRequestId;
    send(nodeId, id, request);
    return id;
}

quint64 Fleet::request(const QString &nodeId, const NodeRequest &request)
{
    const quint64 id = ++m_lastRequestId;
    send(nodeId, id, request);
    return id;
}

void Fleet::refuse(const QString &nodeId, quint64 id, const MachineRequest &request, const QString &why)
{
    const MachineRequestResult result{.requestId = id,
        .uuid = request.uuid,
        .error = Error{.message = MachineRequests::failureMessage(request.kind), .details = why}};
    QMetaObject::invokeMethod(
        this, [this, nodeId, result] { Q_EMIT requestFinished(nodeId, result); }, Qt::QueuedConnection);
}

void Fleet::refuse(const QString &nodeId, quint64 id, const NodeRequest &request, const QString &why)
{
    const NodeRequestResult result{
        .requestId = id, .error = Error{.message = NodeRequests::failureMessage(request.kind), .details = why}};
    QMetaObject::invokeMethod(
        this, [this, nodeId, result] { Q_EMIT nodeRequestFinished(nodeId, result); }, Qt::QueuedConnection);
}

void Fleet::endRequests(quint64 session, const QString &why)
{
    endConsoles(session, why);
    // A job of a session that goes is cancelled, so that it undoes itself
    // if it still can, and ends now for whoever waits for it.
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (it->session == session || it->targetSession == session) {
            it->cancel->store(true);
            failJob(it->nodeId, it.key(), why);
            it = m_jobs.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_outstanding.begin(); it != m_outstanding.end();) {
        if (it->session == session) {
            std::visit([&](const auto &request) { refuse(it->nodeId, it.key(), request, why); }, it->request);
            it = m_outstanding.erase(it);
        } else {
            ++it;
        }
    }
}

qsizetype Fleet::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).entry.id == id) {
            return i;
        }
    }
    return -1;
}

bool Fleet::isSettled() const
{
    return std::ranges::all_of(m_nodes, [](const Node &node) {
        return node.hasInventory || node.status.state == NodeState::Disconnected
            || node.status.state == NodeState::Reconnecting;
    });
}

void Fleet::onStatusChanged(const QString &id, const NodeStatus &status)
{
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return;
    }
    m_events.statusChanging(m_nodes.at(index).entry, m_nodes.at(index).status, status);
    NodeStatusLog::statusChanged(m_nodes.at(index).entry, m_nodes.at(index).status, status);
    m_heartbeat.connectionChanged(id, isUp(status.state));
    m_nodes[index].status = status;
    Q_EMIT nodeChanged(index);
}

void Fleet::deliverTicks()
{
    for (const TickMailbox::Letter &letter : m_ticks->takeAll()) {
        const qsizetype index = indexOf(letter.node);
        if (index >= 0 && m_nodes.at(index).session == letter.session) {
            onTicked(letter.node, letter.tick); // a replaced or removed session's ticks are not
        }
    }
    if (m_workers.empty()) {
        m_tickDelivery.stop();
    }
}

void Fleet::onTicked(const QString &id, const NodeTick &tick)
{
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return;
    }
    m_heartbeat.heard(id);
    Node &node = m_nodes[index];
    node.rates = tick.node;
    node.simulatedActivity = tick.simulated;
    node.lastTickWorkMs = tick.workMs;
    // In place, each second for every machine: a table built anew each time
    // cost more than the rest of the fleet's work on a tick.
    const auto take = [&node, &tick] {
        for (const MachineRates &rates : tick.machines) {
            node.machineRates.insert(rates.uuid, rates);
        }
    };
    take();
    if (node.machineRates.size() != tick.machines.size()) { // some stopped: keep only the reported ones
        node.machineRates.clear();
        take();
    }
    Q_EMIT ticked(index, tick);
}

void Fleet::onInventoryChanged(const QString &id, const InventoryChange &change)
{
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return;
    }
    m_heartbeat.heard(id);
    Node &node = m_nodes[index];
    const bool nodeParts = change.facts || change.pools || change.networks || change.poolsStale || change.networksStale
        || (change.complete && !node.hasInventory);
    if (change.facts) {
        node.facts = *change.facts;
    }
    if (change.pools) {
        node.pools = *change.pools;
    }
    if (change.networks) {
        node.networks = *change.networks;
    }
    node.poolsStale = change.poolsStale.value_or(node.poolsStale);
    node.networksStale = change.networksStale.value_or(node.networksStale);
    if (node.hasInventory) {
        m_events.machinesChanging(node.entry, node.machines, change);
    }
    node.hasInventory = node.hasInventory || change.complete;
    if (change.complete) {
        ++node.fullReads;
        node.lastFullReadMs = change.readMs;
    }
    node.machines.apply(change);
    if (!change.added.isEmpty() || !change.changed.isEmpty() || !change.removed.isEmpty()) {
        Q_EMIT machinesChanged(index, change);
    }
    if (nodeParts || !change.added.isEmpty() || !change.removed.isEmpty() || !change.changed.isEmpty()) {
        Q_EMIT nodeChanged(index); // machine counts live on the node's row too
    }
}

} // namespace Flotilla
