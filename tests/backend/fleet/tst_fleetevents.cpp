// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleetevents.h"

#include <QSignalSpy>
#include <QTest>

using namespace Flotilla;
using Kind = FleetEvent::Kind;

// Transitions in, events out: what FleetEvents makes of a node's statuses
// and of the changes to its machines.
class FleetEventsTest : public QObject
{
    Q_OBJECT

    const NodeEntry m_node{.id = QStringLiteral("berlin"), .name = QStringLiteral("Berlin")};

    static NodeStatus status(NodeState state, const QString &error = {})
    {
        return NodeStatus{.state = state, .error = {.message = error, .details = {}}};
    }

    static Machine machine(const QString &uuid, MachineState state)
    {
        return Machine{.uuid = uuid, .name = QStringLiteral("vm-") + uuid, .state = state};
    }

    /// A node connected once, so that what follows is news.
    void connectFirst(FleetEvents &events) const
    {
        events.statusChanging(m_node, status(NodeState::Connecting), status(NodeState::Connected));
    }

    /// The event @p before → @p after makes on a set holding @p before.
    static QList<FleetEvent> machineChange(
        FleetEvents &events, const NodeEntry &node, MachineState before, MachineState after)
    {
        MachineSet set;
        (void)set.replaceAll({machine(QStringLiteral("1"), before)});
        const qsizetype count = events.events().size();
        MachineSet changed = set;
        events.machinesChanging(node, set, changed.update(machine(QStringLiteral("1"), after)));
        return events.events().mid(count);
    }

private Q_SLOTS:
    void firstConnectionIsQuiet()
    {
        FleetEvents events;
        connectFirst(events);
        QVERIFY(events.events().isEmpty());
    }

    void nodeLostAndBack()
    {
        FleetEvents events;
        QSignalSpy recorded(&events, &FleetEvents::recorded);
        connectFirst(events);
        events.statusChanging(m_node, status(NodeState::Connected),
            status(NodeState::Reconnecting, QStringLiteral("End of file while reading data")));
        // Retrying again and again is not news.
        events.statusChanging(m_node, status(NodeState::Reconnecting), status(NodeState::Reconnecting));
        events.statusChanging(m_node, status(NodeState::Reconnecting), status(NodeState::Connected));
        QCOMPARE(events.events().size(), 2);
        QCOMPARE(recorded.size(), 2);
        const FleetEvent lost = events.events().at(0);
        QCOMPARE(lost.kind, Kind::NodeLost);
        QCOMPARE(lost.nodeId, QStringLiteral("berlin"));
        QCOMPARE(lost.nodeName, QStringLiteral("Berlin"));
        QCOMPARE(lost.error.message, QStringLiteral("End of file while reading data"));
        QVERIFY(lost.time.isValid());
        QCOMPARE(events.events().at(1).kind, Kind::NodeBack);
        QVERIFY(!events.events().at(1).expected);
    }

    void degradedAndRecovered()
    {
        FleetEvents events;
        connectFirst(events);
        events.statusChanging(m_node, status(NodeState::Connected), status(NodeState::Degraded));
        events.statusChanging(m_node, status(NodeState::Degraded), status(NodeState::Connected));
        QCOMPARE(events.events().size(), 1);
        QCOMPARE(events.events().at(0).kind, Kind::NodeDegraded);
    }

    void disconnectedByThePerson()
    {
        FleetEvents events;
        connectFirst(events);
        events.expectDisconnect(m_node.id);
        events.statusChanging(m_node, status(NodeState::Connected),
            status(NodeState::Disconnected, QStringLiteral("Disconnected by you")));
        events.statusChanging(m_node, status(NodeState::Disconnected), status(NodeState::Connecting));
        events.statusChanging(m_node, status(NodeState::Connecting), status(NodeState::Connected));
        QCOMPARE(events.events().size(), 2);
        QCOMPARE(events.events().at(0).kind, Kind::NodeDisconnected);
        QVERIFY(events.events().at(0).expected);
        QCOMPARE(events.events().at(1).kind, Kind::NodeBack);
        QVERIFY(events.events().at(1).expected); // the person reconnected it
    }

    void connectionErrors()
    {
        FleetEvents events;
        // A first connection that fails, and a node that refuses for good.
        events.statusChanging(m_node, status(NodeState::Connecting),
            status(NodeState::Reconnecting, QStringLiteral("Connection refused")));
        events.statusChanging(m_node, status(NodeState::Reconnecting),
            status(NodeState::Disconnected, QStringLiteral("Authentication failed")));
        QCOMPARE(events.events().size(), 2);
        QCOMPARE(events.events().at(0).kind, Kind::NodeError);
        QCOMPARE(events.events().at(0).error.message, QStringLiteral("Connection refused"));
        QCOMPARE(events.events().at(1).kind, Kind::NodeError);
        QCOMPARE(events.events().at(1).error.message, QStringLiteral("Authentication failed"));
        // Connected at last: the first connection, still no "back".
        events.statusChanging(m_node, status(NodeState::Disconnected), status(NodeState::Connected));
        QCOMPARE(events.events().size(), 2);
    }

    void machineTransitions_data()
    {
        QTest::addColumn<MachineState>("before");
        QTest::addColumn<MachineState>("after");
        QTest::addColumn<int>("kind"); // -1: no event
        QTest::addColumn<bool>("expected");
        QTest::newRow("started") << MachineState::Off << MachineState::Running << int(Kind::MachineStarted) << false;
        QTest::newRow("paused") << MachineState::Running << MachineState::Paused << int(Kind::MachinePaused) << false;
        QTest::newRow("resumed") << MachineState::Paused << MachineState::Running << int(Kind::MachineResumed) << false;
        QTest::newRow("crashed") << MachineState::Running << MachineState::Crashed << int(Kind::MachineCrashed)
                                 << false;
        QTest::newRow("stopped") << MachineState::Running << MachineState::Off << int(Kind::MachineStopped) << false;
        QTest::newRow("shut down") << MachineState::ShuttingDown << MachineState::Off << int(Kind::MachineStopped)
                                   << false;
        QTest::newRow("blocked") << MachineState::Running << MachineState::Blocked << -1 << false;
        QTest::newRow("unchanged") << MachineState::Running << MachineState::Running << -1 << false;
        QTest::newRow("crashed to off") << MachineState::Crashed << MachineState::Off << -1 << false;
    }

    void machineTransitions()
    {
        QFETCH(MachineState, before);
        QFETCH(MachineState, after);
        QFETCH(int, kind);
        QFETCH(bool, expected);
        FleetEvents events;
        const QList<FleetEvent> made = machineChange(events, m_node, before, after);
        if (kind < 0) {
            QVERIFY(made.isEmpty());
            return;
        }
        QCOMPARE(made.size(), 1);
        QCOMPARE(int(made.at(0).kind), kind);
        QCOMPARE(made.at(0).expected, expected);
        QCOMPARE(made.at(0).machineUuid, QStringLiteral("1"));
        QCOMPARE(made.at(0).machineName, QStringLiteral("vm-1"));
        QCOMPARE(made.at(0).nodeName, QStringLiteral("Berlin"));
    }

    void expectedStopsAreNotUnexpected()
    {
        FleetEvents events;
        events.expectStop(m_node.id, QStringLiteral("1"));
        QList<FleetEvent> made = machineChange(events, m_node, MachineState::Running, MachineState::Off);
        QCOMPARE(made.size(), 1);
        QCOMPARE(made.at(0).kind, Kind::MachineStopped);
        QVERIFY(made.at(0).expected);
        // The expectation is used up: the next stop is unexpected again.
        made = machineChange(events, m_node, MachineState::Running, MachineState::Off);
        QVERIFY(!made.at(0).expected);
        // Another node's machine of the same UUID is another machine.
        events.expectStop(QStringLiteral("helsinki"), QStringLiteral("1"));
        made = machineChange(events, m_node, MachineState::Running, MachineState::Off);
        QVERIFY(!made.at(0).expected);
        // A crash is never what the person asked for.
        events.expectStop(m_node.id, QStringLiteral("1"));
        made = machineChange(events, m_node, MachineState::Running, MachineState::Crashed);
        QCOMPARE(made.at(0).kind, Kind::MachineCrashed);
        QVERIFY(!made.at(0).expected);
    }

    void machinesAddedAndRemoved()
    {
        FleetEvents events;
        MachineSet set;
        (void)set.replaceAll({machine(QStringLiteral("1"), MachineState::Running)});
        MachineSet next = set;
        const InventoryChange change = next.replaceAll({machine(QStringLiteral("2"), MachineState::Off)});
        events.machinesChanging(m_node, set, change);
        QCOMPARE(events.events().size(), 2);
        QCOMPARE(events.events().at(0).kind, Kind::MachineAdded);
        QCOMPARE(events.events().at(0).machineName, QStringLiteral("vm-2"));
        QCOMPARE(events.events().at(1).kind, Kind::MachineRemoved);
        QCOMPARE(events.events().at(1).machineName, QStringLiteral("vm-1")); // the name it had
    }

    void keepsTheLastFiveHundred()
    {
        FleetEvents events;
        for (int i = 0; i < FleetEvents::capacity + 20; ++i) {
            events.record(FleetEvent{.kind = Kind::MachineStarted, .machineName = QString::number(i)});
        }
        QCOMPARE(events.events().size(), FleetEvents::capacity);
        QCOMPARE(events.events().constFirst().machineName, QStringLiteral("20"));
        QCOMPARE(events.events().constLast().machineName, QString::number(FleetEvents::capacity + 19));
    }
};

QTEST_GUILESS_MAIN(FleetEventsTest)
#include "tst_fleetevents.moc"
