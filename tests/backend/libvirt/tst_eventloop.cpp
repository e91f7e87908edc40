// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/libvirthandles.h"
#include "libvirtevents.h"

#include <QTest>
#include <QThread>

#include <libvirt/libvirt.h>

#include <atomic>
#include <mutex>
#include <unistd.h>

using namespace Flotilla;

namespace
{

/// What a libvirt callback saw, written on the event loop's thread.
struct Calls {
    std::mutex lock;
    QList<int> events; ///< a watch's VIR_EVENT_HANDLE_* flags, one per call
    int count = 0;
    bool onMainThread = false;
    std::atomic_bool freed = false;
    bool freedOnMainThread = false;

    void record(int flags = 0)
    {
        std::lock_guard guard(lock);
        events.append(flags);
        ++count;
        onMainThread |= QThread::isMainThread();
    }
    int calls()
    {
        std::lock_guard guard(lock);
        return count;
    }
    QList<int> seen()
    {
        std::lock_guard guard(lock);
        return events;
    }
    static void free(void *opaque)
    {
        auto *calls = static_cast<Calls *>(opaque);
        calls->freedOnMainThread = QThread::isMainThread();
        calls->freed.store(true);
    }
};

void onFd(int, int, int events, void *opaque)
{
    static_cast<Calls *>(opaque)->record(events);
}

void onTimer(int, void *opaque)
{
    static_cast<Calls *>(opaque)->record();
}

/// A pipe, closed as it goes.
struct Pipe {
    int ends[2] = {-1, -1};
    Pipe() { QVERIFY(::pipe(ends) == 0); }
    ~Pipe()
    {
        closeWriter();
        ::close(ends[0]);
    }
    Pipe(const Pipe &) = delete;
    Pipe &operator=(const Pipe &) = delete;
    void write() { QCOMPARE(::write(ends[1], "x", 1), 1); }
    void closeWriter()
    {
        if (ends[1] >= 0) {
            ::close(ends[1]);
            ends[1] = -1;
        }
    }
};

} // namespace

// libvirt's events (keepalive, a node's socket, domain events) run on one
// thread of Flotilla's, on a glib context of its own. They used to run on
// glib's default context, which Qt's main thread runs too: the UI thread
// then polled every node's socket at each of its wakeups, and ran libvirt's
// callbacks whenever it happened to hold the context.
class TestEventLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Libvirt::initialize(); }

    void callbacksNeverRunOnTheUiThread()
    {
        Calls calls;
        const int timer = virEventAddTimeout(0, onTimer, &calls, Calls::free);
        QVERIFY(timer >= 0);
        // The main thread runs its own event loop meanwhile, as the UI does.
        QTRY_VERIFY(calls.calls() >= 200);
        virEventRemoveTimeout(timer);
        // A call may be under way as it is removed: calls lives until the loop lets it go.
        QTRY_VERIFY(calls.freed.load());
        QVERIFY(!calls.onMainThread);
    }

    void domainEventsArriveOffTheUiThread()
    {
        virConnectPtr connection = virConnectOpen("test:///default");
        QVERIFY(connection);
        virDomainPtr machine = virDomainLookupByName(connection, "test");
        QVERIFY(machine);
        Calls calls;
        const int callback = virConnectDomainEventRegisterAny(connection, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
            VIR_DOMAIN_EVENT_CALLBACK(
                +[](virConnectPtr, virDomainPtr, int, int, void *opaque) { static_cast<Calls *>(opaque)->record(); }),
            &calls, nullptr);
        QVERIFY(callback >= 0);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(virDomainSuspend(machine), 0);
            QCOMPARE(virDomainResume(machine), 0);
        }
        QTRY_COMPARE(calls.calls(), 40);
        QVERIFY(!calls.onMainThread);
        virConnectDomainEventDeregisterAny(connection, callback);
        virDomainFree(machine);
        virConnectClose(connection);
    }

    void aWatchReportsWhatItIsAskedFor()
    {
        Pipe pipe;
        Calls calls;
        const int watch = virEventAddHandle(pipe.ends[0], VIR_EVENT_HANDLE_READABLE, onFd, &calls, Calls::free);
        QVERIFY(watch >= 0);
        QVERIFY(Testing::libvirtEventLoopTurned(3));
        QCOMPARE(calls.calls(), 0); // nothing to read yet

        pipe.write();
        QTRY_VERIFY(calls.calls() > 0);
        QCOMPARE(calls.seen().first(), VIR_EVENT_HANDLE_READABLE);

        // Asked for nothing, the watch stays quiet though the byte is unread.
        virEventUpdateHandle(watch, 0);
        QVERIFY(Testing::libvirtEventLoopTurned(3)); // a turn in progress may still report
        const int quiet = calls.calls();
        QVERIFY(Testing::libvirtEventLoopTurned(3));
        QCOMPARE(calls.calls(), quiet);

        // A hang-up is reported even to a watch asking only to read.
        char byte = 0;
        QCOMPARE(::read(pipe.ends[0], &byte, 1), 1);
        pipe.closeWriter();
        virEventUpdateHandle(watch, VIR_EVENT_HANDLE_READABLE);
        QTRY_VERIFY(calls.calls() > quiet);
        QVERIFY(calls.seen().last() & VIR_EVENT_HANDLE_HANGUP);

        QCOMPARE(virEventRemoveHandle(watch), 0);
        QTRY_VERIFY(calls.freed.load());
        QVERIFY(!calls.freedOnMainThread);
        QCOMPARE(virEventRemoveHandle(watch), -1); // gone once, gone for good
        QVERIFY(!calls.onMainThread);
    }

    void aTimerKeepsItsPaceAndCanBePaused()
    {
        Calls calls;
        const int timer = virEventAddTimeout(-1, onTimer, &calls, Calls::free);
        QVERIFY(timer >= 0);
        QVERIFY(Testing::libvirtEventLoopTurned(3));
        QCOMPARE(calls.calls(), 0); // -1: off

        virEventUpdateTimeout(timer, 10);
        QTRY_VERIFY(calls.calls() >= 3);
        virEventUpdateTimeout(timer, -1);
        QVERIFY(Testing::libvirtEventLoopTurned(3));
        const int paused = calls.calls();
        QVERIFY(Testing::libvirtEventLoopTurned(3));
        QCOMPARE(calls.calls(), paused);

        QCOMPARE(virEventRemoveTimeout(timer), 0);
        QTRY_VERIFY(calls.freed.load());
        QCOMPARE(virEventRemoveTimeout(timer), -1);
    }

    void aTimerCanRemoveItselfFromItsCallback()
    {
        struct Self {
            Calls calls;
            int timer = -1;
        } self;
        self.timer = virEventAddTimeout(
            0,
            [](int timer, void *opaque) {
                auto *self = static_cast<Self *>(opaque);
                self->calls.record();
                virEventRemoveTimeout(timer);
            },
            &self, [](void *opaque) { Calls::free(&static_cast<Self *>(opaque)->calls); });
        QVERIFY(self.timer >= 0);
        QTRY_VERIFY(self.calls.freed.load());
        QVERIFY(Testing::libvirtEventLoopTurned(3));
        QCOMPARE(self.calls.calls(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEventLoop)
#include "tst_eventloop.moc"
