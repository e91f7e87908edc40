// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demo/demofleet.h"
#include "fleet/arrival.h"
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"
#include "workloads/fleetworkloads.h"
#include "workloads/nodedrain.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace
{
constexpr int timeoutMs = 60000;
const QString saoPaulo = u"saopaulo-mini"_s;
using Departure = NodeDrain::Departure;
} // namespace

// Nodes drained on the bundled demo fleet (libvirt's test driver, in this
// process): the plan placement makes for each machine, and the drain run,
// a departure that fails leaving its machine where it was, and a cancel.
class NodeDrainTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;
    std::unique_ptr<Fleet> m_fleet;

    /// The demo fleet afresh, each node read with its pools, networks and stock.
    bool openFleet()
    {
        m_fleet.reset();
        const Result<QList<NodeEntry>> entries = DemoFleet::unpack(m_folder.path());
        if (!entries) {
            return false;
        }
        m_fleet = std::make_unique<Fleet>();
        m_fleet->setResyncInterval(1h);
        for (const NodeEntry &entry : entries.value()) {
            m_fleet->addNode(entry);
        }
        const bool read = QTest::qWaitFor(
            [&] {
                return std::ranges::all_of(m_fleet->nodes(), [](const Fleet::Node &node) {
                    return isUp(node.status.state) && node.hasInventory && !node.pools.isEmpty()
                        && node.simulatedActivity; // demo nodes, which move machines cold
                });
            },
            timeoutMs);
        for (const Fleet::Node &node : m_fleet->nodes()) {
            m_fleet->readStock(node.entry.id);
        }
        return read
            && QTest::qWaitFor(
                [&] {
                    return std::ranges::all_of(m_fleet->nodes(), [](const Fleet::Node &node) { return node.hasStock; });
                },
                timeoutMs);
    }

    [[nodiscard]] const Machine *machineOn(const QString &nodeId, const QString &uuid) const
    {
        const Fleet::Node *node = m_fleet->node(nodeId);
        if (!node) {
            return nullptr;
        }
        const auto found = node->machines.machines().constFind(uuid);
        return found == node->machines.machines().cend() ? nullptr : &*found;
    }

    /// Shuts @p name on São Paulo off, and waits until the fleet sees it so.
    bool shutOff(const QString &name)
    {
        const Machine *machine = nullptr;
        for (const Machine &candidate : m_fleet->node(saoPaulo)->machines.machines()) {
            machine = candidate.name == name ? &candidate : machine;
        }
        if (!machine) {
            return false;
        }
        const QString uuid = machine->uuid;
        m_fleet->request(saoPaulo, MachineRequest{.kind = MachineRequest::Kind::ForceOff, .uuid = uuid});
        return QTest::qWaitFor(
            [&] { return machineOn(saoPaulo, uuid) && machineOn(saoPaulo, uuid)->state == MachineState::Off; },
            timeoutMs);
    }

    /// A new, empty pool on @p nodeId: the demo's own are nearly full.
    bool addRoom(const QString &nodeId)
    {
        m_fleet->request(nodeId,
            NodeRequest{.kind = NodeRequest::Kind::CreatePool, .poolSpec = {.name = u"spare"_s, .path = u"/spare"_s}});
        return QTest::qWaitFor(
            [&] {
                const QList<StoragePool> &pools = m_fleet->node(nodeId)->pools;
                return std::ranges::any_of(pools, [](const StoragePool &pool) {
                    return pool.name == u"spare"_s && pool.active && pool.availableBytes > 20ULL << 30;
                });
            },
            timeoutMs);
    }

    /// Shuts off a few of São Paulo's machines (no node has the memory to
    /// run them too) and gives the nodes with its network room for them.
    bool prepare(const QStringList &names)
    {
        return std::ranges::all_of(names, [this](const QString &name) { return shutOff(name); })
            && addRoom(u"singapore-edge"_s) && addRoom(u"toronto-friends"_s);
    }

    /// The plan's departures of the two machines prepare() shut off.
    [[nodiscard]] QList<Departure> twoMachinesOff() const
    {
        QList<Departure> plan = NodeDrain::plan(*m_fleet, saoPaulo);
        plan.removeIf([](const Departure &departure) {
            return departure.name != u"tor-bridge"_s && departure.name != u"node-red"_s;
        });
        return plan;
    }

    static const Departure *departureOf(const QList<Departure> &plan, const QString &name)
    {
        const auto found = std::ranges::find(plan, name, &Departure::name);
        return found == plan.end() ? nullptr : &*found;
    }

    bool runToEnd(NodeDrain &drain)
    {
        QSignalSpy finished(&drain, &NodeDrain::finished);
        drain.start();
        return drain.isFinished() || finished.wait(timeoutMs * 4);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        QVERIFY(m_folder.isValid());
    }

    void init() { QVERIFY(openFleet()); }

    void cleanupTestCase() { m_fleet.reset(); }

    // Every machine has its departure: running ones that no node has the
    // memory for stay, each other node named with why; machines that are
    // off go to nodes with their network, spread over them; the shop's
    // replicas are made anew in another country, as their policy says.
    void plansWhereEachMachineGoes()
    {
        QVERIFY(prepare({u"tor-bridge"_s, u"lab-openbsd"_s, u"node-red"_s}));
        const QList<Departure> plan = NodeDrain::plan(*m_fleet, saoPaulo);
        QCOMPARE(plan.size(), m_fleet->node(saoPaulo)->machines.machines().size());
        QSet<QString> targets;
        for (const QString &name : {u"tor-bridge"_s, u"lab-openbsd"_s, u"node-red"_s}) {
            const Departure *departure = departureOf(plan, name);
            QVERIFY2(departure, qPrintable(name));
            QVERIFY2(departure->kind == Departure::Kind::Move, qPrintable(departure->reason));
            QVERIFY2(departure->reason.startsWith(u"Cold, as it is off. To "_s), qPrintable(departure->reason));
            const Machine *machine = machineOn(saoPaulo, departure->uuid);
            QVERIFY2(Arrival::problem(*m_fleet, departure->targetId, departure->pool, *machine, name).isEmpty(),
                qPrintable(Arrival::problem(*m_fleet, departure->targetId, departure->pool, *machine, name)));
            targets.insert(departure->targetId);
        }
        QCOMPARE(targets.size(), 2); // spread over both nodes with their network

        const QList<Workload> workloads = FleetWorkloads::gather(*m_fleet);
        const auto shop = std::ranges::find(workloads, u"shop"_s, &Workload::name);
        QVERIFY(shop != workloads.end());
        int recreated = 0;
        for (const Departure &departure : plan) {
            if (departure.workloadId != shop->id) {
                continue;
            }
            QCOMPARE(departure.kind, Departure::Kind::Recreate);
            QVERIFY2(departure.reason.contains(u"A replica of shop that holds no data of its own"_s),
                qPrintable(departure.reason));
            QVERIFY(m_fleet->node(departure.targetId)->entry.location.countryCode != u"BR"_s);
            ++recreated;
        }
        QVERIFY(recreated > 0);

        QCOMPARE(std::ranges::count(plan, Departure::Kind::Stay, &Departure::kind), 0);
        for (const Departure &departure : plan) {
            QVERIFY2(!departure.reason.contains(u"each replica"_s), qPrintable(departure.reason));
        }
    }

    // What cannot go stays, and says why: a paused machine, and every
    // machine of a node whose network no other node has, each other node
    // named with what rules it out.
    void whatCannotGoSaysWhy()
    {
        QString uuid;
        QString name;
        for (const Machine &machine : m_fleet->node(saoPaulo)->machines.machines()) {
            if (machine.isRunning() && machine.metadata.workloadId.isEmpty()) {
                uuid = machine.uuid;
                name = machine.name;
            }
        }
        QVERIFY(!uuid.isEmpty());
        m_fleet->request(saoPaulo, MachineRequest{.kind = MachineRequest::Kind::Pause, .uuid = uuid});
        QTRY_COMPARE_WITH_TIMEOUT(machineOn(saoPaulo, uuid)->state, MachineState::Paused, timeoutMs);
        const QList<Departure> plan = NodeDrain::plan(*m_fleet, saoPaulo);
        const Departure *paused = departureOf(plan, name);
        QVERIFY(paused);
        QCOMPARE(paused->kind, Departure::Kind::Stay);
        QCOMPARE(paused->reason, u"It is paused; resume it or shut it down, then drain again."_s);

        const QList<Departure> helsinki = NodeDrain::plan(*m_fleet, u"helsinki-rack"_s);
        QVERIFY(!helsinki.isEmpty());
        for (const Departure &departure : helsinki) {
            if (departure.kind == Departure::Kind::Recreate) {
                continue; // the shop's replicas: made anew on a node with a network of its own
            }
            QCOMPARE(departure.kind, Departure::Kind::Stay);
            const Machine *machine = machineOn(u"helsinki-rack"_s, departure.uuid);
            if (machine->state != MachineState::Off && !machine->isRunning()) {
                continue; // neither running nor off (the demo pauses one): it says so, as above
            }
            QVERIFY2(departure.reason.startsWith(u"No node takes it: "_s), qPrintable(departure.reason));
            for (const QString &other : {u"Berlin home server has no virtual network named public"_s,
                     u"Singapore edge has no virtual network named public"_s}) {
                QVERIFY2(departure.reason.contains(other), qPrintable(departure.reason));
            }
        }
        QVERIFY(std::ranges::count(helsinki, Departure::Kind::Stay, &Departure::kind) > 10);
    }

    // The drain runs the plan: each machine that goes arrives whole on its
    // node and is gone from this one, a replica is replaced by a new one,
    // and what stays is as it was.
    void drainsANode()
    {
        QVERIFY(prepare({u"tor-bridge"_s, u"node-red"_s}));
        const QList<Departure> plan = NodeDrain::plan(*m_fleet, saoPaulo);
        const QList<Workload> before = FleetWorkloads::gather(*m_fleet);
        const auto shopBefore = std::ranges::find(before, u"shop"_s, &Workload::name);
        QVERIFY(shopBefore != before.end());
        const qsizetype shopReplicas = shopBefore->replicas.size();
        NodeDrain drain(m_fleet.get(), saoPaulo, plan);
        QVERIFY(runToEnd(drain));
        for (const Departure &departure : drain.departures()) {
            switch (departure.kind) {
            case Departure::Kind::Move:
                QCOMPARE(departure.state, Departure::State::Done);
                QTRY_VERIFY_WITH_TIMEOUT(!machineOn(saoPaulo, departure.uuid), timeoutMs);
                QTRY_VERIFY_WITH_TIMEOUT(machineOn(departure.targetId, departure.uuid), timeoutMs);
                QCOMPARE(machineOn(departure.targetId, departure.uuid)->name, departure.name);
                break;
            case Departure::Kind::Recreate:
                QVERIFY2(departure.state == Departure::State::Done, qPrintable(departure.error));
                QTRY_VERIFY_WITH_TIMEOUT(!machineOn(saoPaulo, departure.uuid), timeoutMs);
                break;
            case Departure::Kind::Stay:
            case Departure::Kind::LiveMove:
                QFAIL("on demo nodes with room, every machine leaves, cold");
            }
        }
        // The shop has as many replicas as before, none of them here.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<Workload> workloads = FleetWorkloads::gather(*m_fleet);
                const auto shop = std::ranges::find(workloads, u"shop"_s, &Workload::name);
                return shop != workloads.end() && shop->replicas.size() == shopReplicas
                    && std::ranges::none_of(shop->replicas,
                        [](const Replica &replica) { return replica.nodeId == saoPaulo || replica.unfinished; });
            }(),
            timeoutMs);
        QCOMPARE(drain.summary(), u"São Paulo mini PC is drained: all %1 machines left."_s.arg(plan.size()));
        QTRY_COMPARE_WITH_TIMEOUT(m_fleet->node(saoPaulo)->machines.machines().size(), 0, timeoutMs);
    }

    // A drain marks its node in maintenance from its start, and the mark
    // outlasts it: nothing new is placed there, neither a workload's new
    // replica (the autoscaler's too) nor a machine moved in, each told why.
    // A node in maintenance takes none of another drain's machines either.
    void aDrainedNodeTakesNothingNew()
    {
        QVERIFY(prepare({u"tor-bridge"_s, u"node-red"_s}));
        const QString toronto = u"toronto-friends"_s;
        const QString singapore = u"singapore-edge"_s;
        QVERIFY(m_fleet->setMaintenance(toronto, true).value());
        const QList<Departure> plan = twoMachinesOff();
        QCOMPARE(plan.size(), 2);
        for (const Departure &departure : plan) {
            QCOMPARE(departure.targetId, singapore); // not spread over both, as with Toronto open
        }
        NodeDrain drain(m_fleet.get(), saoPaulo, plan);
        QVERIFY(!m_fleet->node(saoPaulo)->entry.maintenance);
        QSignalSpy finished(&drain, &NodeDrain::finished);
        drain.start();
        QVERIFY(m_fleet->node(saoPaulo)->entry.maintenance);
        QVERIFY(drain.isFinished() || finished.wait(timeoutMs * 4));
        QVERIFY(m_fleet->node(saoPaulo)->entry.maintenance);

        const QList<Workload> workloads = FleetWorkloads::gather(*m_fleet);
        const auto shop = std::ranges::find(workloads, u"shop"_s, &Workload::name);
        QVERIFY(shop != workloads.end());
        const Placement::Plan more = FleetWorkloads::place(*m_fleet, *shop, 3);
        for (const QString &resting : {saoPaulo, toronto}) {
            QVERIFY(!more.nodeIds.contains(resting));
            const auto verdict = std::ranges::find(more.verdicts, resting, &Placement::Verdict::nodeId);
            QVERIFY(verdict != more.verdicts.end());
            QCOMPARE(verdict->ruledOut, u"in maintenance"_s);
        }
        const Departure &moved = drain.departures().first();
        QCOMPARE(moved.state, Departure::State::Done);
        QTRY_VERIFY_WITH_TIMEOUT(machineOn(singapore, moved.uuid), timeoutMs);
        const QString back
            = FleetWorkloads::placementNote(*m_fleet, singapore, *machineOn(singapore, moved.uuid), saoPaulo);
        QVERIFY2(back.contains(u"in maintenance"_s), qPrintable(back));

        QVERIFY(m_fleet->setMaintenance(saoPaulo, false).value()); // the person ends it
        const QString open
            = FleetWorkloads::placementNote(*m_fleet, singapore, *machineOn(singapore, moved.uuid), saoPaulo);
        QVERIFY2(!open.contains(u"in maintenance"_s), qPrintable(open));
    }

    // A departure that fails (its node lacks the machine's network) leaves
    // the machine where it was, whole, and the drain goes on with the next.
    void aFailedDepartureLeavesItsMachine()
    {
        QVERIFY(prepare({u"tor-bridge"_s, u"node-red"_s}));
        QList<Departure> plan = twoMachinesOff();
        QCOMPARE(plan.size(), 2);
        plan.first().targetId = u"berlin-home"_s; // no network "default" there
        NodeDrain drain(m_fleet.get(), saoPaulo, plan);
        QVERIFY(runToEnd(drain));
        const Departure &failed = drain.departures().first();
        QCOMPARE(failed.state, Departure::State::Failed);
        QVERIFY2(failed.error.startsWith(u"Not moved: "_s) && failed.error.endsWith(u"It is where it was."_s),
            qPrintable(failed.error));
        QVERIFY(machineOn(saoPaulo, failed.uuid));
        QVERIFY(!machineOn(u"berlin-home"_s, failed.uuid));
        QCOMPARE(drain.departures().last().state, Departure::State::Done);
        QVERIFY2(drain.summary().contains(u"1 machine left, 1 failed and stays"_s), qPrintable(drain.summary()));
    }

    // A cancel undoes the departure under way and begins no other.
    void cancelStopsTheDrain()
    {
        QVERIFY(prepare({u"tor-bridge"_s, u"node-red"_s}));
        QList<Departure> plan = twoMachinesOff();
        QCOMPARE(plan.size(), 2);
        NodeDrain drain(m_fleet.get(), saoPaulo, plan);
        QSignalSpy finished(&drain, &NodeDrain::finished);
        drain.start();
        QCOMPARE(drain.departures().first().state, Departure::State::Running);
        drain.cancel();
        QVERIFY(drain.isFinished() || finished.wait(timeoutMs));
        QCOMPARE(drain.departures().first().state, Departure::State::Failed);
        QCOMPARE(drain.departures().last().state, Departure::State::Skipped);
        QCOMPARE(drain.departures().last().error, u"Not begun: the drain was cancelled."_s);
        for (const Departure &departure : drain.departures()) {
            QVERIFY(machineOn(saoPaulo, departure.uuid));
            QVERIFY(!machineOn(departure.targetId, departure.uuid));
        }
    }
};

QTEST_GUILESS_MAIN(NodeDrainTest)
#include "tst_nodedrain.moc"
