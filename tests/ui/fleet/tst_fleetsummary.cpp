// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "charts/chartdata.h"
#include "fleet/fleet.h"
#include "fleet/fleetsummary.h"
#include "libvirt/libvirthandles.h"
#include "testfleet.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Flotilla;

// The dashboard's totals and fleet charts on the test fleet, checked
// against sums made here from Fleet::nodes().
class FleetSummaryTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = 20000;
    Fleet m_fleet;

    bool isLive() const
    {
        return std::ranges::all_of(m_fleet.nodes(),
            [](const Fleet::Node &node) { return node.hasInventory && node.metrics->nodeWindow(600).size() >= 4; });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        const Result<QList<NodeEntry>> nodes = Testing::TestFleet::entries();
        QVERIFY2(nodes.ok(), qPrintable(nodes.ok() ? QString() : nodes.error().text()));
        for (const NodeEntry &node : nodes.value()) {
            m_fleet.addNode(node);
        }
    }

    void countsTheTestFleet()
    {
        FleetSummary summary(&m_fleet);
        QSignalSpy changed(&summary, &FleetSummary::changed);
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet.isSettled() && summary.machineCount() == 60, timeoutMs);
        QVERIFY(!changed.isEmpty()); // told by the fleet's signals
        int running = 0, paused = 0, off = 0, vcpus = 0, cpus = 0, up = 0;
        quint64 memory = 0, memoryCapacity = 0, storage = 0, storageCapacity = 0;
        for (const Fleet::Node &node : m_fleet.nodes()) {
            up += node.status.state == NodeState::Connected || node.status.state == NodeState::Degraded;
            cpus += node.facts.cpus;
            memoryCapacity += node.facts.memoryBytes;
            for (const StoragePool &pool : node.pools) {
                storage += pool.allocationBytes;
                storageCapacity += pool.capacityBytes;
            }
            for (const Machine &machine : node.machines.machines()) {
                running += machine.isRunning();
                paused += machine.state == MachineState::Paused;
                off += machine.state == MachineState::Off || machine.state == MachineState::Crashed;
                if (machine.isActive()) {
                    vcpus += machine.vcpus;
                    memory += machine.memoryBytes;
                }
            }
        }
        QCOMPARE(summary.nodeCount(), 5);
        QCOMPARE(summary.nodesUp() + summary.nodesDegraded(), up);
        QCOMPARE(up, 5);
        QCOMPARE(summary.nodesDown(), 0);
        QCOMPARE(summary.machinesRunning(), running);
        QCOMPARE(summary.machinesPaused(), paused);
        QCOMPARE(summary.machinesOff(), off);
        QVERIFY(running > 0 && off > 0);
        QCOMPARE(summary.vcpusAllocated(), vcpus);
        QCOMPARE(summary.cpuCapacity(), cpus);
        QCOMPARE(summary.memoryAllocatedBytes(), double(memory));
        QCOMPARE(summary.memoryCapacityBytes(), double(memoryCapacity));
        QCOMPARE(summary.storageUsedBytes(), double(storage));
        QCOMPARE(summary.storageCapacityBytes(), double(storageCapacity));
        QVERIFY(vcpus > 0 && memory > 0 && storageCapacity > 0);
        // How far the capacity is taken, overcommitted or not.
        QCOMPARE(summary.vcpuPercent(), qRound(100.0 * vcpus / cpus));
        QCOMPARE(summary.memoryPercent(), qRound(100.0 * double(memory) / double(memoryCapacity)));
        QCOMPARE(
            summary.vcpuAllocation(), FleetSummary::allocationOf(summary.vcpuPercent(), FleetSummary::vcpuFarPercent));
    }

    void judgesOvercommitment_data()
    {
        QTest::addColumn<double>("used");
        QTest::addColumn<double>("capacity");
        QTest::addColumn<int>("farPercent");
        QTest::addColumn<int>("percent");
        QTest::addColumn<FleetSummary::Allocation>("allocation");
        using enum FleetSummary::Allocation;
        QTest::newRow("no capacity") << 8.0 << 0.0 << 400 << 0 << Within;
        QTest::newRow("half") << 36.0 << 72.0 << 400 << 50 << Within;
        QTest::newRow("all") << 72.0 << 72.0 << 400 << 100 << Within;
        QTest::newRow("137 of 72 vCPUs") << 137.0 << 72.0 << FleetSummary::vcpuFarPercent << 190 << Overcommitted;
        QTest::newRow("4 per CPU") << 288.0 << 72.0 << FleetSummary::vcpuFarPercent << 400 << Overcommitted;
        QTest::newRow("5 per CPU") << 360.0 << 72.0 << FleetSummary::vcpuFarPercent << 500 << FarOvercommitted;
        QTest::newRow("memory, 1.6 times")
            << 160.0 << 100.0 << FleetSummary::memoryFarPercent << 160 << FarOvercommitted;
    }

    void judgesOvercommitment()
    {
        QFETCH(double, used);
        QFETCH(double, capacity);
        QFETCH(int, farPercent);
        QFETCH(int, percent);
        QFETCH(FleetSummary::Allocation, allocation);
        QCOMPARE(FleetSummary::percentOf(used, capacity), percent);
        QCOMPARE(FleetSummary::allocationOf(percent, farPercent), allocation);
    }

    void followsADisconnectedNode()
    {
        FleetSummary summary(&m_fleet);
        QTRY_COMPARE_WITH_TIMEOUT(summary.nodesUp() + summary.nodesDegraded(), 5, timeoutMs);
        const QString id = m_fleet.nodes().first().entry.id;
        m_fleet.disconnectNode(id);
        QTRY_COMPARE_WITH_TIMEOUT(summary.nodesDisconnected(), 1, timeoutMs);
        QCOMPARE(summary.nodesDown(), 1);
        // The event is there, and it says the person did it.
        const FleetEvent last = m_fleet.events()->events().constLast();
        QCOMPARE(last.kind, FleetEvent::Kind::NodeDisconnected);
        QCOMPARE(last.nodeId, id);
        m_fleet.reconnectNow(id);
        QTRY_COMPARE_WITH_TIMEOUT(summary.nodesDisconnected(), 0, timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_fleet.events()->events().constLast().kind, FleetEvent::Kind::NodeBack, timeoutMs);
    }

    void startingIsQuiet()
    {
        // Five first connections and readings of 60 machines: no events but
        // the disconnect and reconnect above (and slow answers, on a busy machine).
        QList<FleetEvent::Kind> kinds;
        for (const FleetEvent &event : m_fleet.events()->events()) {
            if (event.kind != FleetEvent::Kind::NodeDegraded) {
                kinds.append(event.kind);
            }
        }
        QCOMPARE(kinds, (QList{FleetEvent::Kind::NodeDisconnected, FleetEvent::Kind::NodeBack}));
    }

    void sumsTheFleetOnTime()
    {
        QTRY_VERIFY_WITH_TIMEOUT(isLive(), timeoutMs);
        using namespace ChartData;
        const QList<Line> fleet = lines(m_fleet, Source{}, Metric::Memory, 600, false);
        QCOMPARE(fleet.size(), 1);
        QVERIFY(!fleet.at(0).points.isEmpty());
        const QList<Line> perNode = lines(m_fleet, Source{}, Metric::Memory, 600, true);
        QCOMPARE(perNode.size(), 5);
        // At a moment every node reported, the fleet is the sum of its nodes.
        const QPointF point = fleet.at(0).points.at(fleet.at(0).points.size() - 2);
        double sum = 0;
        for (const Line &node : perNode) {
            const auto found = std::ranges::find_if(node.points, [&](const QPointF &p) { return p.x() == point.x(); });
            QVERIFY(found != node.points.cend());
            sum += found->y();
        }
        QCOMPARE(point.y(), sum);
        // Two lines for disk and network, one per node when broken down.
        QCOMPARE(lines(m_fleet, Source{}, Metric::Disk, 3600, false).size(), 2);
        QCOMPARE(lines(m_fleet, Source{}, Metric::Network, 86400, false).size(), 2);
        const Source node{.kind = Source::Kind::Node, .nodeId = m_fleet.nodes().first().entry.id};
        QVERIFY(!lines(m_fleet, node, Metric::Cpu, 600, false).at(0).points.isEmpty());
        QVERIFY(!lines(m_fleet, node, Metric::Network, 600, false).at(1).points.isEmpty()); // machines' traffic
        // One machine: a running one has figures, an unknown one none.
        const Fleet::Node &first = m_fleet.nodes().first();
        const auto running = std::ranges::find_if(first.machines.machines(), &Machine::isRunning);
        QVERIFY(running != first.machines.machines().cend());
        const Source machine{.kind = Source::Kind::Machine, .nodeId = first.entry.id, .machineUuid = running->uuid};
        QTRY_VERIFY_WITH_TIMEOUT(!lines(m_fleet, machine, Metric::Cpu, 600, false).at(0).points.isEmpty(), timeoutMs);
        for (const qint64 seconds : {600, 3600, 86400}) {
            const QList<Line> memory = lines(m_fleet, machine, Metric::Memory, seconds, false);
            QCOMPARE(memory.size(), 1);
            QVERIFY(!memory.at(0).points.isEmpty());
            QVERIFY(memory.at(0).points.constLast().y() > 0);
        }
        const Source nobody{
            .kind = Source::Kind::Machine, .nodeId = first.entry.id, .machineUuid = QStringLiteral("x")};
        QVERIFY(lines(m_fleet, nobody, Metric::Cpu, 600, false).at(0).points.isEmpty());
    }

    // Last, as it changes the fleet: a removed node leaves the totals.
    void forgetsARemovedNode()
    {
        FleetSummary summary(&m_fleet);
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet.isSettled() && summary.machineCount() == 60, timeoutMs);
        const Fleet::Node &first = m_fleet.nodes().first();
        const QString id = first.entry.id; // a copy: the node goes, and its id with it
        const int machines = int(first.machines.machines().size());
        const int cpus = first.facts.cpus;
        QVERIFY(machines > 0);
        const int cpusBefore = summary.cpuCapacity();
        QVERIFY(m_fleet.removeNode(id));
        QTRY_COMPARE(summary.nodeCount(), 4);
        QCOMPARE(summary.machineCount(), 60 - machines);
        QCOMPARE(summary.cpuCapacity(), cpusBefore - cpus);
    }
};

QTEST_GUILESS_MAIN(FleetSummaryTest)
#include "tst_fleetsummary.moc"
