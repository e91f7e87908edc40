// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "eventloopwatch.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Flotilla::Testing;

// The benchmark's and the tests' measure of a stalled UI thread: it must
// see a stall, see nothing where there is none, and cost no wakeups.
class EventLoopWatchTest : public QObject
{
    Q_OBJECT

    /// Lets the loop run (and poll) until a timer of @p ms has fired.
    [[nodiscard]] static bool runLoopFor(int ms)
    {
        QTimer timer;
        timer.setSingleShot(true);
        QSignalSpy fired(&timer, &QTimer::timeout);
        timer.start(ms);
        return fired.wait(ms + 5000);
    }

    static void workFor(qint64 ms)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms) {
            // the loop gets no chance to poll meanwhile
        }
    }

private Q_SLOTS:
    void watchesThePollsOfQtsGlibLoop()
    {
        // Linux's Qt runs its loop on glib: no timer of the watch's own.
        EventLoopWatch watch;
        watch.start();
        QVERIFY(watch.watchesPolls());
        watch.stop();
        QVERIFY(!watch.watchesPolls());
    }

    void seesAStall()
    {
        EventLoopWatch watch;
        watch.start();
        bool done = false;
        QMetaObject::invokeMethod(
            this,
            [&done] {
                workFor(150);
                done = true;
            },
            Qt::QueuedConnection);
        QTRY_VERIFY(done);
        QVERIFY(runLoopFor(0)); // the loop polls again: the stall has ended
        watch.stop();
        QVERIFY2(watch.longestStallMs() >= 140, qPrintable(QString::number(watch.longestStallMs())));
    }

    void seesNoStallInAnIdleLoop()
    {
        EventLoopWatch watch;
        watch.start();
        QVERIFY(runLoopFor(200)); // idle: the loop waits in its poll
        watch.stop();
        // Well under the 150 ms the test above makes: idle is told from busy,
        // with room for a loaded machine.
        QVERIFY2(watch.longestStallMs() < 100, qPrintable(QString::number(watch.longestStallMs())));
    }
};

QTEST_GUILESS_MAIN(EventLoopWatchTest)
#include "tst_eventloopwatch.moc"
