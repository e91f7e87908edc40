// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/machinediff.h"
#include "session/reconnectpolicy.h"

#include <QTest>

using namespace Flotilla;
using namespace std::chrono_literals;

namespace
{
Machine machine(const char *uuid, const char *name, MachineState state = MachineState::Running)
{
    return Machine{.uuid = QString::fromLatin1(uuid), .name = QString::fromLatin1(name), .state = state};
}
} // namespace

class MachineSetTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullReadingsBecomeDiffs()
    {
        MachineSet set;
        InventoryChange first = set.replaceAll({machine("1", "a"), machine("2", "b")});
        QVERIFY(first.complete);
        QCOMPARE(first.added.size(), 2);
        QVERIFY(first.changed.isEmpty() && first.removed.isEmpty());

        InventoryChange second
            = set.replaceAll({machine("1", "a"), machine("2", "b", MachineState::Off), machine("3", "c")});
        QCOMPARE(second.added.size(), 1);
        QCOMPARE(second.added.first().name, QStringLiteral("c"));
        QCOMPARE(second.changed.size(), 1);
        QCOMPARE(second.changed.first().state, MachineState::Off);
        QVERIFY(second.removed.isEmpty());

        InventoryChange third = set.replaceAll({machine("3", "c")});
        QCOMPARE(third.removed.size(), 2);
        QCOMPARE(set.machines().size(), 1);
    }

    void singleUpdatesSayOnlyWhatChanged()
    {
        MachineSet set;
        (void)set.replaceAll({machine("1", "a")});
        QVERIFY(set.update(machine("1", "a")).isEmpty());
        QCOMPARE(set.update(machine("1", "a", MachineState::Paused)).changed.size(), 1);
        QCOMPARE(set.update(machine("2", "b")).added.size(), 1);
        QCOMPARE(set.remove(QStringLiteral("1")).removed, QList<QString>{QStringLiteral("1")});
        QVERIFY(set.remove(QStringLiteral("1")).isEmpty());
        QCOMPARE(set.runningCount(), 1);
    }

    void appliedDiffsReproduceTheSource()
    {
        MachineSet session;
        MachineSet fleet;
        fleet.apply(session.replaceAll({machine("1", "a"), machine("2", "b")}));
        fleet.apply(session.update(machine("2", "b", MachineState::Crashed)));
        fleet.apply(session.remove(QStringLiteral("1")));
        fleet.apply(session.replaceAll({machine("2", "b", MachineState::Crashed), machine("4", "d")}));
        QCOMPARE(fleet.machines(), session.machines());
    }

    void reconnectWaitsGrowAndStayBounded()
    {
        // A restarted daemon is found again within half a second, for four seconds.
        QCOMPARE(ReconnectPolicy::delay(1, 0.5), 500ms);
        QCOMPARE(ReconnectPolicy::delay(8, 0.5), 500ms);
        QCOMPARE(ReconnectPolicy::delay(0, 0.5), 500ms);
        QCOMPARE(ReconnectPolicy::delay(8, 0.0), 400ms);
        // Then the waits double, to a minute.
        QCOMPARE(ReconnectPolicy::delay(9, 0.5), 1000ms);
        QCOMPARE(ReconnectPolicy::delay(10, 0.5), 2000ms);
        QCOMPARE(ReconnectPolicy::delay(13, 0.5), 16000ms);
        QCOMPARE(ReconnectPolicy::delay(15, 0.5), 60000ms);
        QCOMPARE(ReconnectPolicy::delay(500, 0.5), 60000ms);
        QCOMPARE(ReconnectPolicy::delay(11, 0.0), 3200ms);
        QCOMPARE(ReconnectPolicy::delay(11, 1.0), 4800ms);
    }
};

QTEST_GUILESS_MAIN(MachineSetTest)
#include "tst_machineset.moc"
