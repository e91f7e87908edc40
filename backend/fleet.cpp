// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet.h"

#include "logging.h"
#include "nodesession.h"

#include <KLocalizedString>

#include <QThread>

using namespace std::chrono_literals;

namespace Flotilla
{

/// A session and the thread it runs on. The session is closed and deleted
/// on its own thread, which then ends.
struct Fleet::Worker {
    std::unique_ptr<QThread> thread = std::make_unique<QThread>();
    NodeSession *session = nullptr;

    ~Worker()
    {
        QMetaObject::invokeMethod(
            session,
            [session = session] {
                session->shutdown();
                session->deleteLater(); // deleted as the thread finishes
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
        // A node that hangs inside a libvirt call must not hang the exit:
        // after the grace period its thread and session are left to the
        // process's end (destroying a running QThread would abort).
        if (!thread->wait(QDeadlineTimer(3s))) {
            qCWarning(FLOTILLA_FLEET) << "the session of" << thread->objectName() << "did not stop in time";
            (void)thread.release();
        }
    }
};

Fleet::Fleet(QObject *parent)
    : QObject(parent)
{
    // The values sessions send across threads.
    qRegisterMetaType<NodeStatus>();
    qRegisterMetaType<InventoryChange>();
    qRegisterMetaType<NodeTick>();
    qRegisterMetaType<FleetEvent>();
    qRegisterMetaType<MachineRequestResult>();
    // KI18n sets itself up on first use, watching the application for language
    // changes; sessions translate their errors on worker threads, so that first
    // use must happen here, on the UI thread.
    (void)KLocalizedString::languages();
}

Fleet::~Fleet()
{
    m_credentials.close(); // sessions waiting for an answer get none, and stop
    m_workers.clear();
}

void Fleet::addNode(const NodeEntry &entry)
{
    Q_ASSERT(indexOf(entry.id) < 0);
    m_nodes.append(Node{.entry = entry});

    auto worker = std::make_unique<Worker>();
    worker->thread->setObjectName(QStringLiteral("node:") + entry.id);
    worker->session
        = new NodeSession(entry.uri, m_nodes.last().metrics, &m_credentials, m_resyncInterval, m_tickInterval);
    worker->session->moveToThread(worker->thread.get());
    const QString id = entry.id;
    connect(worker->session, &NodeSession::statusChanged, this,
        [this, id](const NodeStatus &status) { onStatusChanged(id, status); });
    connect(worker->session, &NodeSession::inventoryChanged, this,
        [this, id](const InventoryChange &change) { onInventoryChanged(id, change); });
    connect(worker->session, &NodeSession::ticked, this, [this, id](const NodeTick &tick) { onTicked(id, tick); });
    connect(worker->session, &NodeSession::requestFinished, this,
        [this, id](const MachineRequestResult &result) { Q_EMIT requestFinished(id, result); });
    worker->thread->start();
    if (entry.enabled) {
        QMetaObject::invokeMethod(worker->session, &NodeSession::open, Qt::QueuedConnection);
    }
    m_workers.push_back(std::move(worker));

    Q_EMIT nodeAdded(m_nodes.size() - 1);
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

quint64 Fleet::request(const QString &nodeId, const MachineRequest &request)
{
    const qsizetype index = indexOf(nodeId);
    if (index < 0) {
        return 0;
    }
    const quint64 id = ++m_lastRequestId;
    NodeSession *session = m_workers.at(size_t(index))->session;
    QMetaObject::invokeMethod(session, [session, id, request] { session->perform(id, request); }, Qt::QueuedConnection);
    return id;
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
    m_nodes[index].status = status;
    Q_EMIT nodeChanged(index);
}

void Fleet::onTicked(const QString &id, const NodeTick &tick)
{
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return;
    }
    Node &node = m_nodes[index];
    node.rates = tick.node;
    node.simulatedActivity = tick.simulated;
    node.lastTickWorkMs = tick.workMs;
    node.machineRates.clear();
    for (const MachineRates &rates : tick.machines) {
        node.machineRates.insert(rates.uuid, rates);
    }
    Q_EMIT ticked(index, tick);
}

void Fleet::onInventoryChanged(const QString &id, const InventoryChange &change)
{
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return;
    }
    Node &node = m_nodes[index];
    const bool nodeParts = change.facts || change.pools || change.networks || (change.complete && !node.hasInventory);
    if (change.facts) {
        node.facts = *change.facts;
    }
    if (change.pools) {
        node.pools = *change.pools;
    }
    if (change.networks) {
        node.networks = *change.networks;
    }
    if (node.hasInventory) {
        m_events.machinesChanging(node.entry, node.machines, change);
    }
    node.hasInventory = node.hasInventory || change.complete;
    node.machines.apply(change);
    if (!change.added.isEmpty() || !change.changed.isEmpty() || !change.removed.isEmpty()) {
        Q_EMIT machinesChanged(index, change);
    }
    if (nodeParts || !change.added.isEmpty() || !change.removed.isEmpty() || !change.changed.isEmpty()) {
        Q_EMIT nodeChanged(index); // machine counts live on the node's row too
    }
}

} // namespace Flotilla
