// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/nodesession.h"

#include "core/logging.h"
#include "libvirt/credentialaccess.h"
#include "metrics/ratecalculator.h"
#include "session/connectionopening.h"
#include "session/reconnectpolicy.h"
#include "session/statsreader.h"

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
    , m_resyncInterval(resyncInterval)
    , m_credentials(credentials ? credentials->access() : nullptr)
    , m_openDeadline(this)
    , m_resync(this)
    , m_reconnect(this)
    , m_touchedBatch(this)
    , m_tick(this)
    , m_metrics(std::move(metrics))
    , m_aside(this)
{
    m_tick.setInterval(tickInterval);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &NodeSession::tick);
    m_resync.setSingleShot(true);
    connect(&m_resync, &QTimer::timeout, this, [this] {
        readEverything(++m_resyncs % fullReadingEvery == 0 ? Depth::Full : Depth::Refresh);
        scheduleResync();
    });
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &NodeSession::open);
    m_openDeadline.setSingleShot(true);
    m_openDeadline.setInterval(defaultOpenTimeLimit);
    connect(&m_openDeadline, &QTimer::timeout, this, &NodeSession::openTimedOut);
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

    const quint64 generation = ++m_generation;
    ConnectionOpening::Done done = [this, generation](std::shared_ptr<Libvirt::Connection> connection,
                                       const Error &error) { opened(generation, std::move(connection), error); };
    // An opening that got no answer in time may still be waiting inside
    // libvirt: this attempt waits on with it rather than stacking threads.
    if (m_unanswered && m_unanswered->adopt(this, done)) {
        m_opening = std::exchange(m_unanswered, nullptr);
    } else {
        m_unanswered.reset();
        m_opening = ConnectionOpening::start(m_uri, m_credentials, this, std::move(done));
    }
    m_openDeadline.start();
}

void NodeSession::opened(quint64 generation, std::shared_ptr<Libvirt::Connection> connection, const Error &error)
{
    if (generation != m_generation || !m_opening) {
        return; // given up already: the late connection closes as it goes
    }
    m_opening.reset();
    m_openDeadline.stop();
    if (!connection || !*connection) {
        if (error.code == VIR_ERR_AUTH_FAILED && m_credentials) {
            // Remembered credentials that fail are forgotten: next time the person is asked.
            m_credentials->forget(m_uri);
        }
        lose(error);
        return;
    }
    m_connection = std::move(*connection);
    // libvirt's in-process test driver has no keepalive (and cannot be lost);
    // everything else goes through libvirt's remote driver, which has.
    if (!m_uri.startsWith(QLatin1StringView("test:///"))
        && virConnectSetKeepAlive(m_connection.get(), keepAliveInterval, keepAliveCount) < 0) {
        virResetLastError();
    }
    m_events = std::make_unique<Libvirt::EventSubscription>(m_connection.get(),
        Libvirt::EventHandlers{.context = this,
            // An event of an earlier connection, still on its way, brings a
            // handle of that connection: the new one's full reading covers it.
            .machineTouched =
                [this, generation](
                    const QString &uuid, Libvirt::MachineTouch touch, const Libvirt::SharedDomain &domain) {
                    if (generation == m_generation) {
                        machineTouched(uuid, touch, domain);
                    }
                },
            .nodeTouched = [this] { readNodeParts(); },
            .closed = [this, generation](int reason) { connectionClosed(generation, reason); }});
    m_status.attempt = 0;
    setStatus(NodeStatus{.state = NodeState::Connected});
    m_resyncs = 0;
    m_nodeStatsShape = {};
    readEverything(Depth::Full);
    if (m_connection) {
        removeLeftovers();
        scheduleResync();
        m_tick.start();
        readHostname(generation);
    }
}

void NodeSession::scheduleResync()
{
    if (!m_connection) {
        return;
    }
    // Give or take a tenth, at random: nodes that connected together (the
    // whole fleet, at start) would otherwise all be read again at once,
    // and the UI thread would take their readings in one go.
    const double spread = 0.9 + 0.2 * QRandomGenerator::global()->generateDouble();
    m_resync.start(std::chrono::milliseconds(qint64(double(m_resyncInterval.count()) * spread)));
}

void NodeSession::readHostname(quint64 generation)
{
    virConnectRef(m_connection.get()); // the call holds the connection for as long as it takes
    auto held = std::make_shared<Libvirt::Connection>(m_connection.get());
    m_aside.run<QString>([held, read = m_reading.hostname] { return read(held->get()); },
        [this, generation](const QString &hostname) {
            if (generation != m_generation || !m_connection || hostname == m_facts.hostname) {
                return;
            }
            m_facts.hostname = hostname;
            publish(InventoryChange{.facts = m_facts});
        });
}

void NodeSession::openTimedOut()
{
    if (!m_opening) {
        return;
    }
    const qint64 limit = m_openDeadline.interval();
    const qint64 sinceAnswer = QDateTime::currentMSecsSinceEpoch() - m_opening->answeredAtMs();
    if (m_opening->isAskingPerson() || sinceAnswer < limit) {
        // The person is (or was just) asked for credentials: their time does not count.
        m_openDeadline.start(m_opening->isAskingPerson() ? limit : limit - sinceAnswer);
        return;
    }
    const int seconds = int((limit + 999) / 1000);
    std::shared_ptr<ConnectionOpening> unanswered = m_opening;
    lose(Error{.message = i18ncp("@info", "The node is not answering (no reply within %1 second)",
                   "The node is not answering (no reply within %1 seconds)", seconds),
        .details = i18nc("@info", "%1 accepted no connection in time; the attempt was given up", m_uri)});
    m_unanswered = std::move(unanswered); // abandoned by lose(); the next try may take it back
}

void NodeSession::reconnectNow()
{
    m_reconnect.stop();
    open();
}

void NodeSession::disconnectNode()
{
    dropConnection(); // a reconnect that was waiting is off too
    m_status.attempt = 0;
    setStatus(
        NodeStatus{.state = NodeState::Disconnected, .error = {.message = i18nc("@info", "Disconnected by you")}});
}

void NodeSession::shutdown()
{
    dropConnection();
}

void NodeSession::readEverything(Depth depth)
{
    if (!m_connection) {
        return;
    }
    QElapsedTimer clock;
    clock.start();
    virConnectPtr connection = m_connection.get();
    const bool full = depth == Depth::Full || !m_factsPublished;
    Result<NodeFacts> facts = full ? m_reading.facts(connection) : Result<NodeFacts>(m_facts);
    const auto definitions = full ? InventoryReader::Definitions::Fetch : InventoryReader::Definitions::FetchChanged;
    Result<QList<Machine>> machines
        = facts ? m_reading.machines(connection, m_machines.machines(), definitions) : facts.error();
    if (!machines) {
        lostAfter(machines.error());
        return;
    }
    QList<Machine> fresh = machines.value();
    for (Machine &machine : fresh) {
        carryDetails(machine);
    }
    InventoryChange change = m_machines.replaceAll(fresh);
    NodeFacts known = facts.value();
    known.hostname = m_facts.hostname; // asked for aside, once per connection
    if (known != m_facts || !m_factsPublished) {
        change.facts = known;
        m_facts = known;
        m_factsPublished = true;
    }
    // libvirt's test driver reports states but no counters.
    m_simulated = m_facts.hypervisor == QLatin1StringView("TEST");
    notePartsRead(change, m_reading.pools(connection), m_reading.networks(connection));
    virResetLastError(); // a driver without pools or networks is not broken
    change.readMs = clock.elapsed();
    publish(change);
    noteCallTime(clock.elapsed(), fresh.size());
    // The full inventory is out; the slower details follow: on a refresh,
    // only what is still missing (a machine waiting for its lease, a disk not
    // measured yet). A lease that changes while its machine runs shows at the
    // next full reading: asking every running machine every minute was a
    // quarter of the calls a node gets.
    QList<Machine> wanted = m_machines.machines().values();
    if (!full) {
        wanted.removeIf([this](const Machine &machine) { return !lacksDetails(machine); });
    }
    readDetails(wanted);
}

bool NodeSession::lacksDetails(const Machine &machine) const
{
    const bool waitingForLease
        = machine.isRunning() && std::ranges::any_of(machine.interfaces, [](const NetworkInterface &interface) {
              return interface.type == QLatin1StringView("network") && interface.addresses.isEmpty();
          });
    return waitingForLease || std::ranges::any_of(machine.disks, [this](const Disk &disk) {
        return disk.source.startsWith(QLatin1Char('/')) && !m_diskCapacities.byPath.contains(disk.source);
    });
}

void NodeSession::carryDetails(Machine &machine) const
{
    // What the slower details pass learnt stays until it learns otherwise.
    for (Disk &disk : machine.disks) {
        disk.capacityBytes = m_diskCapacities.byPath.value(disk.source, 0);
    }
    const auto before = m_machines.machines().constFind(machine.uuid);
    if (before == m_machines.machines().cend() || !machine.isActive()) {
        return; // a machine that stopped has no addresses; a paused one keeps its lease
    }
    for (NetworkInterface &interface : machine.interfaces) {
        for (const NetworkInterface &known : before->interfaces) {
            if (known.mac == interface.mac) {
                interface.addresses = known.addresses;
            }
        }
    }
}

void NodeSession::readDetails(const QList<Machine> &machines, const QHash<QString, virDomainPtr> &handles)
{
    if (!m_connection || machines.isEmpty()) {
        return;
    }
    InventoryChange change;
    for (const Machine &machine :
        InventoryReader::readDetails(m_connection.get(), machines, m_diskCapacities, handles)) {
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
    Result<QList<StoragePool>> pools = m_reading.pools(m_connection.get());
    Result<QList<VirtualNetwork>> networks = m_reading.networks(m_connection.get());
    const Error *failure = !pools ? &pools.error() : !networks ? &networks.error() : nullptr;
    if (failure && !m_reading.isAlive(m_connection.get())) {
        lose(*failure); // the connection is gone; otherwise the stale mark says enough
        return;
    }
    notePartsRead(change, pools, networks);
    publish(change);
}

void NodeSession::notePartsRead(
    InventoryChange &change, const Result<QList<StoragePool>> &pools, const Result<QList<VirtualNetwork>> &networks)
{
    // A failed read says nothing about the pools: the last good reading
    // stays, marked as possibly out of date, until a read succeeds. A
    // driver without storage or networks has none, and that is no failure.
    const auto unsupported = [](const auto &result) { return !result && result.error().code == VIR_ERR_NO_SUPPORT; };
    if (pools || unsupported(pools)) {
        change.pools = pools ? pools.value() : QList<StoragePool>{};
    }
    if (networks || unsupported(networks)) {
        change.networks = networks ? networks.value() : QList<VirtualNetwork>{};
    }
    const bool poolsStale = !pools && !unsupported(pools);
    const bool networksStale = !networks && !unsupported(networks);
    if (m_poolsStale != poolsStale) {
        m_poolsStale = poolsStale;
        change.poolsStale = poolsStale;
    }
    if (m_networksStale != networksStale) {
        m_networksStale = networksStale;
        change.networksStale = networksStale;
    }
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

void NodeSession::perform(quint64 requestId, const NodeRequest &request)
{
    NodeRequestResult result;
    if (!m_connection) {
        result.error = Error{.message = NodeRequests::failureMessage(request.kind),
            .details = i18nc("@info", "The node is not connected.")};
    } else {
        QElapsedTimer clock;
        clock.start();
        result = NodeRequests::perform(m_connection.get(), request);
        noteCallTime(clock.elapsed());
        if (result.error.isEmpty() || !lostAfter(result.error)) {
            readNodeParts(); // pools and networks send no events this session hears
            readStock(); // the pools' volumes
        }
    }
    result.requestId = requestId;
    Q_EMIT nodeRequestFinished(result);
}

void NodeSession::machineTouched(const QString &uuid, Libvirt::MachineTouch touch, const Libvirt::SharedDomain &domain)
{
    const auto known = m_touched.find(uuid);
    if (known == m_touched.end()) {
        m_touched.insert(uuid, Touched{.touch = touch, .domain = domain});
    } else {
        known->touch = Libvirt::mergedTouch(known->touch, touch);
        known->domain = domain ? domain : known->domain; // the latest handle has the latest name
    }
    m_touchedBatch.start();
}

void NodeSession::readTouchedMachines()
{
    const QHash<QString, Touched> touched = std::exchange(m_touched, {});
    if (!m_connection) {
        return;
    }
    QElapsedTimer clock;
    clock.start();
    // Everything is read first and applied after: a connection lost half way
    // applies nothing, so the resync after reconnecting still sees (and
    // publishes) every change of the batch.
    QList<Machine> fresh;
    QList<QString> gone;
    for (const auto &[uuid, what] : touched.asKeyValueRange()) {
        const auto known = m_machines.machines().constFind(uuid);
        Result<Machine> machine = m_reading.machine(m_connection.get(), uuid, what.touch,
            known == m_machines.machines().cend() ? nullptr : &*known, what.domain.get());
        if (machine) {
            fresh.append(std::move(machine).value());
            carryDetails(fresh.last());
        } else if (machine.error().code == VIR_ERR_NO_DOMAIN) {
            gone.append(uuid);
        } else if (lostAfter(machine.error())) {
            return;
        }
    }
    InventoryChange change;
    QList<Machine> detailsWanted;
    QHash<QString, virDomainPtr> handles; // the events' own: no lookup
    for (const Machine &machine : std::as_const(fresh)) {
        if (needsDetails(machine)) {
            detailsWanted.append(machine);
            handles.insert(machine.uuid, touched.value(machine.uuid).domain.get());
        }
        InventoryChange one = m_machines.update(machine);
        change.added += one.added;
        change.changed += one.changed;
    }
    for (const QString &uuid : std::as_const(gone)) {
        change.removed += m_machines.remove(uuid).removed;
    }
    publish(change);
    noteCallTime(clock.elapsed(), touched.size());
    readDetails(detailsWanted, handles);
}

bool NodeSession::needsDetails(const Machine &fresh) const
{
    // A paused or resumed machine keeps its disks and its addresses; a new
    // one, a started one or a changed definition may not.
    const auto before = m_machines.machines().constFind(fresh.uuid);
    return before == m_machines.machines().cend() || before->definitionHash != fresh.definitionHash
        || (!before->isActive() && fresh.isActive());
}

void NodeSession::connectionClosed(quint64 generation, int reason)
{
    // A close callback of an earlier connection may arrive after a new one
    // opened ("Reconnect now"): only the current connection's counts.
    if (m_connection && generation == m_generation) {
        lose(Error{.message = i18nc("@info", "Lost the connection to %1", m_uri), .details = closeReason(reason)});
    }
}

bool NodeSession::lostAfter(const Error &error)
{
    if (m_connection && m_reading.isAlive(m_connection.get())) {
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
    m_reconnect.stop(); // whoever drops the connection decides what comes next
    m_openDeadline.stop();
    if (m_opening) {
        m_opening->abandon();
        m_opening.reset();
    }
    m_tick.stop();
    m_previous.clear();
    m_previousMs = 0;
    m_resync.stop();
    m_touchedBatch.stop();
    m_touched.clear(); // the next connection reads everything; these handles are of this one
    endConsoles(Error{.message = i18nc("@info", "The connection to the node was lost")});
    m_events.reset();
    m_connection.reset();
}

void NodeSession::noteCallTime(qint64 ms, qsizetype machines)
{
    // Judged per call and machine: a big node's full round is long because
    // it holds many machines, not because it answers slowly.
    const qint64 allowed = slowRoundMs(machines);
    NodeStatus status = m_status;
    status.lastCallMs = ms;
    if (m_status.state == NodeState::Connected && ms > allowed) {
        status.state = NodeState::Degraded;
        status.error = {.message = i18nc("@info", "The node answers slowly"),
            .details = i18nc("@info", "the last calls took %1 ms", ms)};
    } else if (m_status.state == NodeState::Degraded && ms < allowed / 4) {
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
    QList<MachineCounters> counters = std::move(read).value();
    NodeCounters nodeCounters;
    if (m_simulated) { // the test driver's answer lacks the counters: the demo's activity fills them in
        if (m_simulatedPast.count() > 0 && m_previousMs == 0 && m_metrics->isEmpty()) {
            fillSimulatedPast(nowMs);
        }
        m_demo.fillIn(counters, m_machines.machines(), nowMs);
        nodeCounters = m_demo.node(m_facts); // the test driver's own node figures are fixed numbers
    } else {
        nodeCounters = StatsReader::readNode(m_connection.get(), m_nodeStatsShape).value();
    }
    NodeTick result = measure(nowMs, counters, nodeCounters);
    result.workMs = clock.elapsed();
    Q_EMIT ticked(result);
}

NodeTick NodeSession::measure(qint64 nowMs, QList<MachineCounters> &counters, const NodeCounters &node)
{
    NodeTick result{.timestampMs = nowMs, .simulated = m_simulated};
    const double seconds = m_previousMs > 0 ? double(nowMs - m_previousMs) / 1000.0 : 0.0;
    result.machines.reserve(counters.size());
    ++m_tickRound;
    for (MachineCounters &now : counters) {
        Previous &before = m_previous[now.uuid]; // one lookup, in place: this runs for every machine, each second
        result.machines.append(before.round == 0
                ? MachineRates{.uuid = now.uuid}
                : RateCalculator::machine(before.counters, now, seconds, m_facts.cpus));
        before = Previous{.counters = std::move(now), .round = m_tickRound};
    }
    if (m_previous.size() != counters.size()) { // machines that stopped
        m_previous.removeIf([this](const auto &entry) { return entry.value().round != m_tickRound; });
    }
    result.node = RateCalculator::node(m_previousNode, node);
    RateCalculator::addMachineTraffic(result.node, result.machines);
    m_previousNode = node;
    m_previousMs = nowMs;
    m_metrics->record(nowMs / 1000, result.node, result.machines);
    return result;
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
