// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/nodeheartbeat.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Flotilla;
using namespace std::chrono_literals;

// The watchdog on a clock the test moves: who owes an answer, when silence
// becomes "not answering", and that a word from the node lifts it.
class NodeHeartbeatTest : public QObject
{
    Q_OBJECT

    std::chrono::milliseconds m_now{100000};
    const QString node = QStringLiteral("helsinki");

    NodeHeartbeat::Clock clock()
    {
        return [this] { return m_now; };
    }

private Q_SLOTS:
    void init() { m_now = 100000ms; }

    void aConnectedNodeThatStopsTickingIsNotAnswering()
    {
        NodeHeartbeat heartbeat(clock());
        QSignalSpy changes(&heartbeat, &NodeHeartbeat::answeringChanged);
        heartbeat.connectionChanged(node, true);
        for (int tick = 0; tick < 5; ++tick) {
            m_now += 1000ms;
            heartbeat.heard(node);
            heartbeat.check();
        }
        QVERIFY(heartbeat.isAnswering(node));
        QCOMPARE(changes.count(), 0);

        m_now += 2999ms;
        heartbeat.check();
        QVERIFY(heartbeat.isAnswering(node));
        m_now += 1ms;
        heartbeat.check();
        QVERIFY(!heartbeat.isAnswering(node));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first(), QVariantList({node, false}));
        QCOMPARE(heartbeat.silence(node), std::optional(3000ms));

        // Told once, not at every check.
        m_now += 4000ms;
        heartbeat.check();
        QCOMPARE(changes.count(), 1);
        QCOMPARE(heartbeat.silence(node), std::optional(7000ms));

        // A tick: the mark goes by itself.
        heartbeat.heard(node);
        QVERIFY(heartbeat.isAnswering(node));
        QCOMPARE(changes.count(), 2);
        QCOMPARE(changes.last(), QVariantList({node, true}));
        QCOMPARE(heartbeat.silence(node), std::optional(0ms));
    }

    void aConnectedNodeIsGivenItsTickBeforeTheLimitCounts()
    {
        // Asked every 2 s, a node owes its next tick 2 s after its last word,
        // and the limit counts from then: a healthy node between two ticks
        // is never marked, a frozen one is within a tick and the limit.
        NodeHeartbeat heartbeat(clock());
        heartbeat.setTickInterval(2000ms);
        heartbeat.connectionChanged(node, true);
        m_now += 4999ms;
        heartbeat.check();
        QVERIFY(heartbeat.isAnswering(node));
        m_now += 1ms;
        heartbeat.check();
        QVERIFY(!heartbeat.isAnswering(node));
        QCOMPARE(heartbeat.silence(node), std::optional(5000ms));

        // A request is owed at once, whenever the next tick is due.
        heartbeat.heard(node);
        heartbeat.requestSent(node, 3);
        m_now += 2999ms;
        heartbeat.check();
        QVERIFY(heartbeat.isAnswering(node));
        m_now += 1ms;
        heartbeat.check();
        QVERIFY(!heartbeat.isAnswering(node));
    }

    void aNodeThatOwesNothingIsNeverMarked()
    {
        NodeHeartbeat heartbeat(clock());
        QSignalSpy changes(&heartbeat, &NodeHeartbeat::answeringChanged);
        QVERIFY(heartbeat.isAnswering(node)); // never heard of: nothing to say
        QCOMPARE(heartbeat.silence(node), std::nullopt);
        heartbeat.connectionChanged(node, true);
        heartbeat.connectionChanged(node, false); // lost or disconnected: ticks are not owed
        m_now += 60000ms;
        heartbeat.check();
        QVERIFY(heartbeat.isAnswering(node));
        QCOMPARE(changes.count(), 0);
    }

    void aRequestThatDoesNotComeBackMarksTheNode()
    {
        NodeHeartbeat heartbeat(clock());
        QSignalSpy changes(&heartbeat, &NodeHeartbeat::answeringChanged);
        heartbeat.connectionChanged(node, false); // reconnecting, its thread maybe stuck
        m_now += 50000ms;
        heartbeat.requestSent(node, 7);
        m_now += 2999ms;
        heartbeat.check();
        QVERIFY(heartbeat.isAnswering(node)); // counted from the request, not from the last word
        m_now += 1ms;
        heartbeat.check();
        QVERIFY(!heartbeat.isAnswering(node));

        // The session answers for the node ("not connected"): the request is
        // settled, but the node has still not been heard from.
        heartbeat.requestEnded(node, 7, false);
        QVERIFY(!heartbeat.isAnswering(node));
        // The connection comes back.
        heartbeat.connectionChanged(node, true);
        QVERIFY(heartbeat.isAnswering(node));
        QCOMPARE(changes.count(), 2);
    }

    void aRequestAnsweredInTimeKeepsTheNodeAnswering()
    {
        NodeHeartbeat heartbeat(clock());
        heartbeat.connectionChanged(node, false);
        heartbeat.requestSent(node, 1);
        m_now += 2000ms;
        heartbeat.requestEnded(node, 1, true);
        m_now += 10000ms;
        heartbeat.check();
        QVERIFY(heartbeat.isAnswering(node));
    }

    void aForgottenNodeStartsAfresh()
    {
        NodeHeartbeat heartbeat(clock());
        heartbeat.connectionChanged(node, true);
        m_now += 5000ms;
        heartbeat.check();
        QVERIFY(!heartbeat.isAnswering(node));
        heartbeat.forget(node);
        QVERIFY(heartbeat.isAnswering(node));
        QCOMPARE(heartbeat.silence(node), std::nullopt);
    }

    void nodesAreWatchedApart()
    {
        NodeHeartbeat heartbeat(clock());
        const QString other = QStringLiteral("berlin");
        heartbeat.connectionChanged(node, true);
        heartbeat.connectionChanged(other, true);
        m_now += 2000ms;
        heartbeat.heard(other);
        m_now += 1500ms;
        heartbeat.check();
        QVERIFY(!heartbeat.isAnswering(node));
        QVERIFY(heartbeat.isAnswering(other));
    }

    void theTimerMarksOnTimeWithTheRealClock()
    {
        NodeHeartbeat heartbeat;
        heartbeat.setLimit(200ms);
        QSignalSpy changes(&heartbeat, &NodeHeartbeat::answeringChanged);
        QElapsedTimer elapsed;
        elapsed.start();
        heartbeat.connectionChanged(node, true);
        QVERIFY(changes.wait(5000));
        // Marked after the limit given, and well before the default limit:
        // the bound is about which limit holds, not about speed.
        QVERIFY2(elapsed.elapsed() >= 200 && elapsed.elapsed() < NodeHeartbeat::defaultLimit.count(),
            qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY(!heartbeat.isAnswering(node));
    }
};

QTEST_GUILESS_MAIN(NodeHeartbeatTest)
#include "tst_nodeheartbeat.moc"
