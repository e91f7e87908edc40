// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demo/demoactivity.h"

#include <QTest>

using namespace Flotilla;

// The demo's simulated activity works on top of the node's own answer to the
// bulk statistics call: it fills in what the test driver leaves out, for the
// machines the node reported, and keeps what the node gave.
class DemoActivityTest : public QObject
{
    Q_OBJECT

    static Machine machine(const QString &uuid, MachineState state)
    {
        return Machine{.uuid = uuid,
            .name = QStringLiteral("vm-") + uuid,
            .state = state,
            .vcpus = 2,
            .memoryBytes = quint64(2) << 30};
    }

    static QHash<QString, Machine> inventory()
    {
        return {{QStringLiteral("a"), machine(QStringLiteral("a"), MachineState::Running)},
            {QStringLiteral("b"), machine(QStringLiteral("b"), MachineState::Running)},
            {QStringLiteral("p"), machine(QStringLiteral("p"), MachineState::Paused)}};
    }

private Q_SLOTS:
    void feedsOnlyTheMachinesTheNodeReported()
    {
        DemoActivity demo;
        QList<MachineCounters> read{{.uuid = QStringLiteral("a")}};
        demo.fillIn(read, inventory(), 1'000'000);
        QCOMPARE(read.size(), 1); // "b" is running in the inventory, but the node did not report it
        QCOMPARE(read.first().uuid, QStringLiteral("a"));
        QCOMPARE(read.first().vcpus, 2);
        QVERIFY(read.first().cpuTimeNs.has_value());
        QVERIFY(read.first().diskReadBytes.has_value());
        QVERIFY(read.first().netRxBytes.has_value());
        QCOMPARE(read.first().memoryAvailableKiB, std::optional<quint64>(2 * 1024 * 1024));
    }

    void keepsWhatTheNodeGave()
    {
        DemoActivity demo;
        QList<MachineCounters> read{{.uuid = QStringLiteral("a"), .vcpus = 4, .cpuTimeNs = 42}};
        demo.fillIn(read, inventory(), 1'000'000);
        QCOMPARE(read.first().vcpus, 4);
        QCOMPARE(read.first().cpuTimeNs, std::optional<quint64>(42));
        QVERIFY(read.first().diskWriteBytes.has_value()); // what it left out is filled in
    }

    void runningMachinesMoveAndPausedOnesAreLeftOut()
    {
        DemoActivity demo;
        QList<MachineCounters> first{{.uuid = QStringLiteral("a")}, {.uuid = QStringLiteral("p")}};
        demo.fillIn(first, inventory(), 1'000'000);
        QCOMPARE(first.size(), 1); // the node reports the paused machine as active; it has no live figures
        QList<MachineCounters> second{{.uuid = QStringLiteral("a")}, {.uuid = QStringLiteral("p")}};
        demo.fillIn(second, inventory(), 1'002'000);
        QVERIFY(*second.at(0).cpuTimeNs > *first.at(0).cpuTimeNs);
        const NodeCounters node = demo.node(NodeFacts{.cpus = 8, .memoryBytes = quint64(64) << 30});
        QCOMPARE(node.cpuTotalNs, std::optional<quint64>(quint64(2.0 * 8 * 1e9)));
        QVERIFY(*node.cpuBusyNs > 0);
    }
};

QTEST_GUILESS_MAIN(DemoActivityTest)
#include "tst_demoactivity.moc"
