// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodesession.h"

#include "inventoryreader.h"
#include "libvirtauth.h"
#include "logging.h"
#include "ratecalculator.h"
#include "reconnectpolicy.h"
#include "statsreader.h"

#include <KLocalizedString>

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <libvirt/virterror.h>

using namespace std::chrono_literals;

namespace Flotilla
{

namespace
{
// libvirt keepalive: a probe every 5 s, the connection dead after 3 unanswered.
constexpr int keepAliveInterval = 5;
constexpr unsigned keepAliveCount = 3;

/// Failures that trying again cannot mend: a wrong URI, wrong credentials.
bool isPermanent(const Error &error)
{
    return error.code == VIR_ERR_AUTH_FAILED || error.code == VIR_ERR_AUTH_CANCELLED || error.code == VIR_ERR_NO_CONNECT
        || error.code == VIR_ERR_INVALID_ARG;
}

QString closeReason(int reason)
{
    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_EOF:
        return i18nc("@info connection lost", "the node closed the connection");
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE:
        return i18nc("@info connection lost", "the node stopped answering (keepalive timed out)");
    case VIR_CONNECT_CLOSE_REASON_CLIENT:
        return i18nc("@info connection lost", "the connection was closed on this side");
    default:
        return i18nc("@info connection lost", "the connection failed");
    }
}

} // namespace

NodeSession::NodeSession(QString uri, std::shared_ptr<MetricsStore> metrics, CredentialBroker *credentials,
    std::chrono::milliseconds resyncInterval, std::chrono::milliseconds tickInterval, QObject *parent)
    : QObject(parent)
    , m_uri(std::move(uri))
    , m_credentials(credentials)
    , m_resync(this)
    , m_reconnect(this)
    , m_touchedBatch(this)
    , m_tick(this)
    , m_metrics(std::move(metrics))
{
    m_tick.setInterval(tickInterval);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &NodeSession::tick);
    m_resync.setInterval(resyncInterval);
    connect(&m_resync, &QTimer::timeout, this, &NodeSession::readEverything);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &NodeSession::open);
    // Events that arrive together are read together, once per machine.
    m_touchedBatch.setSingleShot(true);
    m_touchedBatch.setInterval(0);
    connect(&m_touchedBatch, &QTimer::timeout, this, &NodeSession::readTouchedMachines);
}

NodeSession::~NodeSession()
{
    dropConnection();
}

void NodeSession::open()
{
    dropConnection();
    NodeStatus status = m_status;
    status.state = m_status.attempt > 0 ? NodeState::Reconnecting : NodeState::Connecting;
    status.nextAttempt = {};
    setStatus(status);

    QElapsedTimer clock;
    clock.start();
    Libvirt::Asker asker{.uri = m_uri, .credentials = m_credentials};
    virConnectAuth authentication = Libvirt::authentication(&asker);
    m_connection.reset(virConnectOpenAuth(m_uri.toUtf8().constData(), &authentication, 0));
    if (!m_connection) {
        const Error error = Libvirt::lastError(i18nc("@info", "Could not connect to %1", m_uri));
        if (error.code == VIR_ERR_AUTH_FAILED && m_credentials) {
            // Remembered credentials that fail are forgotten: next time the person is asked.
            QMetaObject::invokeMethod(m_credentials, [broker = m_credentials, uri = m_uri] { broker->forget(uri); });
        }
        lose(error);
        return;
    }
    // libvirt's in-process test driver has no keepalive (and cannot be lost);
    // everything else goes through libvirt's remote driver, which has.
    if (!m_uri.startsWith(QLatin1StringView("test:///"))
        && virConnectSetKeepAlive(m_connection.get(), keepAliveInterval, keepAliveCount) < 0) {
        virResetLastError();
    }
    m_events = std::make_unique<Libvirt::EventSubscription>(m_connection.get(),
        Libvirt::EventHandlers{.context = this,
            .machineTouched = [this](const QString &uuid) { machineTouched(uuid); },
            .nodeTouched = [this] { readNodeParts(); },
            .closed = [this](int reason) { connectionClosed(reason); }});
    m_status.attempt = 0;
    setStatus(NodeStatus{.state = NodeState::Connected, .lastCallMs = clock.elapsed()});
    readEverything();
    if (m_connection) {
        m_resync.start();
        m_tick.start();
    }
}

void NodeSession::reconnectNow()
{
    m_reconnect.stop();
    open();
}

void NodeSession::disconnectNode()
{
    dropConnection();
    m_status.attempt = 0;
    setStatus(
        NodeStatus{.state = NodeState::Disconnected, .error = {.message = i18nc("@info", "Disconnected by you")}});
}

void NodeSession::shutdown()
{
    dropConnection();
}

void NodeSession::readEverything()
{
    if (!m_connection) {
        return;
    }
    QElapsedTimer clock;
    clock.start();
    virConnectPtr connection = m_connection.get();
    Result<NodeFacts> facts = InventoryReader::readFacts(connection);
    Result<QList<Machine>> machines = facts ? InventoryReader::readMachines(connection) : facts.error();
    if (!machines) {
        lostAfter(machines.error());
        return;
    }
    QList<Machine> fresh = machines.value();
    for (Machine &machine : fresh) {
        carryDetails(machine);
    }
    InventoryChange change = m_machines.replaceAll(fresh);
    change.facts = facts.value();
    m_facts = facts.value();
    // libvirt's test driver reports states but no counters.
    m_simulated = m_facts.hypervisor == QLatin1StringView("TEST");
    if (Result<QList<StoragePool>> pools = InventoryReader::readPools(connection)) {
        change.pools = pools.value();
    }
    if (Result<QList<VirtualNetwork>> networks = InventoryReader::readNetworks(connection)) {
        change.networks = networks.value();
    }
    virResetLastError(); // a driver without pools or networks is not broken
    publish(change);
    noteCallTime(clock.elapsed());
    // The full inventory is out; the slower details follow.
    readDetails(m_machines.machines().values());
}

void NodeSession::carryDetails(Machine &machine) const
{
    // What the slower details pass learnt stays until it learns otherwise.
    for (Disk &disk : machine.disks) {
        disk.capacityBytes = m_diskCapacities.byPath.value(disk.source, 0);
    }
    const auto before = m_machines.machines().constFind(machine.uuid);
    if (before == m_machines.machines().cend() || !machine.isRunning()) {
        return;
    }
    for (NetworkInterface &interface : machine.interfaces) {
        for (const NetworkInterface &known : before->interfaces) {
            if (known.mac == interface.mac) {
                interface.addresses = known.addresses;
            }
        }
    }
}

void NodeSession::readDetails(const QList<Machine> &machines)
{
    if (!m_connection || machines.isEmpty()) {
        return;
    }
    InventoryChange change;
    for (const Machine &machine : InventoryReader::readDetails(m_connection.get(), machines, m_diskCapacities)) {
        change.changed += m_machines.update(machine).changed;
    }
    publish(change);
}

void NodeSession::readNodeParts()
{
    if (!m_connection) {
        return;
    }
    m_diskCapacities = {}; // a pool changed: volumes may have grown or gone
    InventoryChange change;
    Result<QList<StoragePool>> pools = InventoryReader::readPools(m_connection.get());
    Result<QList<VirtualNetwork>> networks = InventoryReader::readNetworks(m_connection.get());
    if (!pools && lostAfter(pools.error())) {
        return;
    }
    change.pools = pools ? pools.value() : QList<StoragePool>{};
    change.networks = networks ? networks.value() : QList<VirtualNetwork>{};
    publish(change);
}

void NodeSession::perform(quint64 requestId, const MachineRequest &request)
{
    MachineRequestResult result;
    if (!m_connection) {
        result = MachineRequestResult{.uuid = request.uuid,
            .error = Error{.message = MachineRequests::failureMessage(request.kind),
                .details = i18nc("@info", "The node is not connected.")}};
    } else {
        QElapsedTimer clock;
        clock.start();
        result = MachineRequests::perform(m_connection.get(), request);
        noteCallTime(clock.elapsed());
        if (result.error.isEmpty() || !lostAfter(result.error)) {
            machineTouched(request.uuid); // events may be late or missing (the test driver sends few)
            if (request.kind == MachineRequest::Kind::Delete && !request.volumes.isEmpty()) {
                readNodeParts(); // the pools have more room now
            }
        }
    }
    result.requestId = requestId;
    Q_EMIT requestFinished(result);
}

void NodeSession::machineTouched(const QString &uuid)
{
    m_touched.insert(uuid);
    m_touchedBatch.start();
}

void NodeSession::readTouchedMachines()
{
    const QSet<QString> touched = std::exchange(m_touched, {});
    if (!m_connection) {
        return;
    }
    QElapsedTimer clock;
    clock.start();
    InventoryChange change;
    for (const QString &uuid : touched) {
        Result<Machine> machine = InventoryReader::readMachine(m_connection.get(), uuid);
        InventoryChange one;
        if (machine) {
            Machine fresh = machine.value();
            carryDetails(fresh);
            one = m_machines.update(fresh);
        } else if (machine.error().code == VIR_ERR_NO_DOMAIN) {
            one = m_machines.remove(uuid);
        } else if (lostAfter(machine.error())) {
            return;
        }
        change.added += one.added;
        change.changed += one.changed;
        change.removed += one.removed;
    }
    publish(change);
    noteCallTime(clock.elapsed());
    readDetails(change.added + change.changed);
}

void NodeSession::connectionClosed(int reason)
{
    if (m_connection) {
        lose(Error{.message = i18nc("@info", "Lost the connection to %1", m_uri), .details = closeReason(reason)});
    }
}

bool NodeSession::lostAfter(const Error &error)
{
    if (m_connection && virConnectIsAlive(m_connection.get()) == 1) {
        // The node answers; this call failed on its own. Say so, stay connected.
        NodeStatus status = m_status;
        status.error = error;
        setStatus(status);
        return false;
    }
    lose(error);
    return true;
}

void NodeSession::lose(const Error &error)
{
    dropConnection();
    if (isPermanent(error)) {
        m_status.attempt = 0;
        setStatus(NodeStatus{.state = NodeState::Disconnected, .error = error});
        return;
    }
    const int attempt = m_status.attempt + 1;
    const auto wait = ReconnectPolicy::delay(attempt, QRandomGenerator::global()->generateDouble());
    setStatus(NodeStatus{.state = NodeState::Reconnecting,
        .error = error,
        .nextAttempt = QDateTime::currentDateTimeUtc().addMSecs(wait.count()),
        .attempt = attempt});
    m_reconnect.start(wait);
}

void NodeSession::dropConnection()
{
    m_tick.stop();
    m_previous.clear();
    m_previousMs = 0;
    m_resync.stop();
    m_touchedBatch.stop();
    m_events.reset();
    m_connection.reset();
}

void NodeSession::noteCallTime(qint64 ms)
{
    NodeStatus status = m_status;
    status.lastCallMs = ms;
    if (m_status.state == NodeState::Connected && ms > slowCallMs) {
        status.state = NodeState::Degraded;
        status.error = {.message = i18nc("@info", "The node answers slowly"),
            .details = i18nc("@info", "the last calls took %1 ms", ms)};
    } else if (m_status.state == NodeState::Degraded && ms < slowCallMs / 4) {
        status.state = NodeState::Connected;
        status.error = {};
    }
    setStatus(status);
}

void NodeSession::setStatus(NodeStatus status)
{
    if (status == m_status) {
        return;
    }
    m_status = std::move(status);
    Q_EMIT statusChanged(m_status);
}

void NodeSession::tick()
{
    if (!m_connection) {
        return;
    }
    QElapsedTimer clock;
    clock.start();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // Every tick asks the node, the test driver's too: a node that stops
    // answering stops its ticks, which is how the fleet sees it (NodeHeartbeat).
    Result<QList<MachineCounters>> read = StatsReader::readMachines(m_connection.get());
    if (!read) {
        lostAfter(read.error());
        return;
    }
    QList<MachineCounters> counters;
    NodeCounters nodeCounters;
    if (m_simulated) {
        counters = m_demo.machines(m_machines.machines(), nowMs);
        nodeCounters = m_demo.node(m_facts, nowMs);
    } else {
        counters = std::move(read).value();
        nodeCounters = StatsReader::readNode(m_connection.get()).value();
    }
    NodeTick result{.timestampMs = nowMs, .simulated = m_simulated};
    const double seconds = m_previousMs > 0 ? double(nowMs - m_previousMs) / 1000.0 : 0.0;
    QHash<QString, MachineCounters> current;
    current.reserve(counters.size());
    result.machines.reserve(counters.size());
    for (MachineCounters &now : counters) {
        const auto before = m_previous.constFind(now.uuid);
        result.machines.append(before == m_previous.cend()
                ? MachineRates{.uuid = now.uuid}
                : RateCalculator::machine(*before, now, seconds, m_facts.cpus));
        current.insert(now.uuid, std::move(now));
    }
    result.node = RateCalculator::node(m_previousNode, nodeCounters);
    RateCalculator::addMachineTraffic(result.node, result.machines);
    m_previous = std::move(current);
    m_previousNode = nodeCounters;
    m_previousMs = nowMs;
    m_metrics->record(nowMs / 1000, result.node, result.machines);
    result.workMs = clock.elapsed();
    Q_EMIT ticked(result);
}

void NodeSession::publish(const InventoryChange &change)
{
    for (const QString &uuid : change.removed) {
        m_metrics->forget(uuid);
    }
    if (!change.isEmpty()) {
        Q_EMIT inventoryChanged(change);
    }
}

} // namespace Flotilla
