// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/eventloop.h"

#include <libvirt/libvirt.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <ctime>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

// libvirt's own event implementation (virEventRegisterDefaultImpl) is glib's,
// on glib's default main context, which Qt's main thread runs too: the UI
// thread then polled every node's socket at each of its wakeups and ran
// libvirt's callbacks whenever it held the context. On a context of its own,
// glib's loop still polls every node's socket at every turn, and a session
// hands its socket to the loop and back around each call, which wakes the
// loop twice per call: with 100 nodes that was 5 % of a core for the loop
// alone. This loop is written for libvirt's event interface on the kernel's
// epoll and a timerfd instead: any thread changes what is watched without
// waking the loop, and a turn costs what is ready, not what is registered.

namespace Flotilla::Libvirt::EventLoop
{

namespace
{

/// A file descriptor or a timer libvirt asked to be told about.
struct Registration {
    bool isWatch = false;
    int fd = -1; ///< for a watch
    int pollFd = -1; ///< the fd in epoll: fd, or a copy where fd is there already
    int events = 0; ///< for a watch: VIR_EVENT_HANDLE_* wanted, 0 for none
    int intervalMs = -1; ///< for a timer: -1 off, 0 at every turn
    int64_t dueNs = -1; ///< for a timer: on the monotonic clock, -1 off
    virEventHandleCallback onFd = nullptr;
    virEventTimeoutCallback onTimer = nullptr;
    void *opaque = nullptr;
    virFreeCallback freeOpaque = nullptr;
};

int64_t nowNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

uint32_t epollEventsOf(int events)
{
    return ((events & VIR_EVENT_HANDLE_READABLE) ? uint32_t(EPOLLIN) : 0U)
        | ((events & VIR_EVENT_HANDLE_WRITABLE) ? uint32_t(EPOLLOUT) : 0U);
}

int eventsOf(uint32_t epollEvents)
{
    return ((epollEvents & EPOLLIN) ? VIR_EVENT_HANDLE_READABLE : 0)
        | ((epollEvents & EPOLLOUT) ? VIR_EVENT_HANDLE_WRITABLE : 0)
        | ((epollEvents & EPOLLERR) ? VIR_EVENT_HANDLE_ERROR : 0)
        | ((epollEvents & EPOLLHUP) ? VIR_EVENT_HANDLE_HANGUP : 0);
}

class Loop
{
public:
    Loop();
    ~Loop() = delete; // see loop()
    Loop(const Loop &) = delete;
    Loop &operator=(const Loop &) = delete;

    int addWatch(int fd, int events, virEventHandleCallback callback, void *opaque, virFreeCallback freeOpaque);
    void updateWatch(int id, int events);
    int addTimer(int intervalMs, virEventTimeoutCallback callback, void *opaque, virFreeCallback freeOpaque);
    void updateTimer(int id, int intervalMs);
    int remove(int id, bool isWatch);

private:
    // Ids 1 and 2 in epoll are the loop's own: its timer and its wakeup.
    static constexpr uint64_t s_timerKey = 1;
    static constexpr uint64_t s_wakeKey = 2;

    void run();
    void fireWatch(int id, uint32_t epollEvents);
    void fireTimers();
    void freePending();
    void watch(int id, Registration &registration, int events);
    void armFor(int64_t dueNs); // with m_lock held

    const int m_epoll = epoll_create1(EPOLL_CLOEXEC);
    const int m_timerFd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    const int m_wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    std::mutex m_lock; ///< guards everything below
    std::unordered_map<int, Registration> m_registrations;
    std::vector<std::pair<void *, virFreeCallback>> m_toFree;
    int m_nextId = 3;
    int64_t m_armedNs = -1; ///< when the timerfd fires, -1 never
};

Loop::Loop()
{
    epoll_event timer{.events = EPOLLIN, .data = {.u64 = s_timerKey}};
    epoll_event wake{.events = EPOLLIN, .data = {.u64 = s_wakeKey}};
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_timerFd, &timer);
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &wake);
    std::thread([this] { run(); }).detach();
}

void Loop::run()
{
    std::array<epoll_event, 64> ready{};
    for (;;) {
        const int count = epoll_wait(m_epoll, ready.data(), int(ready.size()), -1);
        for (int i = 0; i < count; ++i) {
            const uint64_t key = ready[size_t(i)].data.u64;
            if (key == s_timerKey) {
                uint64_t expirations = 0;
                (void)::read(m_timerFd, &expirations, sizeof expirations);
                fireTimers();
            } else if (key == s_wakeKey) {
                uint64_t wakeups = 0;
                (void)::read(m_wakeFd, &wakeups, sizeof wakeups);
            } else {
                fireWatch(int(key), ready[size_t(i)].events);
            }
        }
        freePending();
    }
}

/// Calls libvirt back without holding the lock: the callback may add,
/// change or remove registrations.
void Loop::fireWatch(int id, uint32_t epollEvents)
{
    std::unique_lock lock(m_lock);
    const auto found = m_registrations.find(id);
    if (found == m_registrations.end() || found->second.events == 0) {
        return; // removed or paused since epoll saw it
    }
    const Registration &registration = found->second;
    const int events = eventsOf(epollEvents) & (registration.events | VIR_EVENT_HANDLE_ERROR | VIR_EVENT_HANDLE_HANGUP);
    const auto callback = registration.onFd;
    void *const opaque = registration.opaque;
    const int fd = registration.fd;
    lock.unlock();
    if (events != 0) {
        callback(id, fd, events, opaque);
    }
}

void Loop::fireTimers()
{
    std::unique_lock lock(m_lock);
    m_armedNs = -1;
    const int64_t now = nowNs();
    std::vector<int> due;
    int64_t earliest = -1; // of the timers not due now
    for (auto &[id, registration] : m_registrations) {
        if (registration.isWatch || registration.dueNs < 0) {
            continue;
        }
        if (registration.dueNs <= now) {
            due.push_back(id);
            registration.dueNs = now + int64_t(registration.intervalMs) * 1'000'000;
        } else {
            earliest = earliest < 0 ? registration.dueNs : std::min(earliest, registration.dueNs);
        }
    }
    armFor(earliest);
    for (const int id : due) {
        const auto found = m_registrations.find(id);
        if (found == m_registrations.end()) {
            continue; // removed by an earlier callback of this turn
        }
        const auto callback = found->second.onTimer;
        void *const opaque = found->second.opaque;
        lock.unlock();
        callback(id, opaque);
        lock.lock();
    }
    // The timers that fired, as their callbacks left them (libvirt stops its
    // event queue's timer in its callback); what the callbacks changed has
    // armed the timerfd itself. One scan of every timer a turn, not two.
    for (const int id : due) {
        if (const auto found = m_registrations.find(id); found != m_registrations.end()) {
            armFor(found->second.dueNs);
        }
    }
}

/// libvirt may remove a registration while its callback runs on the loop's
/// thread, or from inside that callback: its data is freed here, on the
/// loop's thread, after the callback has returned.
void Loop::freePending()
{
    std::vector<std::pair<void *, virFreeCallback>> toFree;
    {
        std::lock_guard guard(m_lock);
        toFree.swap(m_toFree);
    }
    for (const auto &[opaque, freeOpaque] : toFree) {
        freeOpaque(opaque);
    }
}

/// Makes the timerfd fire by @p dueNs, if it would fire later. A timer put
/// off leaves it as it is: firing early finds nothing due and sets it again
/// (fireTimers), which costs less than a scan of every timer at each change
/// (libvirt puts a connection's keepalive off at every message).
void Loop::armFor(int64_t dueNs)
{
    if (dueNs < 0 || (m_armedNs >= 0 && m_armedNs <= dueNs)) {
        return;
    }
    m_armedNs = std::max<int64_t>(dueNs, 1); // zero would disarm it
    itimerspec when{};
    when.it_value = {.tv_sec = time_t(m_armedNs / 1'000'000'000), .tv_nsec = long(m_armedNs % 1'000'000'000)};
    timerfd_settime(m_timerFd, TFD_TIMER_ABSTIME, &when, nullptr);
}

/// A watch for no events leaves epoll altogether: epoll reports a hang-up
/// whatever was asked, and a paused socket that hung up would spin the loop.
void Loop::watch(int id, Registration &registration, int events)
{
    const bool wasWatched = registration.events != 0;
    registration.events = events;
    epoll_event wanted{.events = epollEventsOf(events), .data = {.u64 = uint64_t(id)}};
    if (events == 0) {
        if (wasWatched) {
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, registration.pollFd, nullptr);
        }
    } else if (wasWatched) {
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, registration.pollFd, &wanted);
    } else if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, registration.pollFd, &wanted) < 0 && errno == EEXIST
        && registration.pollFd == registration.fd) {
        // Two watches on one fd: epoll takes an fd once, so this one watches a copy.
        registration.pollFd = fcntl(registration.fd, F_DUPFD_CLOEXEC, 0);
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, registration.pollFd, &wanted);
    }
}

int Loop::addWatch(int fd, int events, virEventHandleCallback callback, void *opaque, virFreeCallback freeOpaque)
{
    std::lock_guard guard(m_lock);
    const int id = m_nextId++;
    Registration &stored = m_registrations[id];
    stored = {.isWatch = true, .fd = fd, .pollFd = fd, .onFd = callback, .opaque = opaque, .freeOpaque = freeOpaque};
    watch(id, stored, events);
    return id;
}

void Loop::updateWatch(int id, int events)
{
    std::lock_guard guard(m_lock);
    if (const auto found = m_registrations.find(id); found != m_registrations.end() && found->second.isWatch) {
        watch(id, found->second, events);
    }
}

int Loop::addTimer(int intervalMs, virEventTimeoutCallback callback, void *opaque, virFreeCallback freeOpaque)
{
    std::lock_guard guard(m_lock);
    const int id = m_nextId++;
    m_registrations[id] = {.intervalMs = intervalMs,
        .dueNs = intervalMs < 0 ? -1 : nowNs() + int64_t(intervalMs) * 1'000'000,
        .onTimer = callback,
        .opaque = opaque,
        .freeOpaque = freeOpaque};
    armFor(m_registrations[id].dueNs);
    return id;
}

void Loop::updateTimer(int id, int intervalMs)
{
    std::lock_guard guard(m_lock);
    if (const auto found = m_registrations.find(id); found != m_registrations.end() && !found->second.isWatch) {
        found->second.intervalMs = intervalMs;
        found->second.dueNs = intervalMs < 0 ? -1 : nowNs() + int64_t(intervalMs) * 1'000'000;
        armFor(found->second.dueNs);
    }
}

int Loop::remove(int id, bool isWatch)
{
    std::lock_guard guard(m_lock);
    const auto found = m_registrations.find(id);
    if (found == m_registrations.end() || found->second.isWatch != isWatch) {
        return -1;
    }
    Registration &registration = found->second;
    if (isWatch) {
        watch(id, registration, 0);
        if (registration.pollFd != registration.fd) {
            ::close(registration.pollFd);
        }
    }
    if (registration.freeOpaque) {
        m_toFree.emplace_back(registration.opaque, registration.freeOpaque);
        const uint64_t one = 1;
        (void)::write(m_wakeFd, &one, sizeof one);
    }
    m_registrations.erase(found); // a timer's firing, if set, finds nothing due
    return 0;
}

/// The loop lives as long as the process, and is never destroyed: threads
/// left inside a libvirt call at exit (a node that never answered) may still
/// reach it, and the system ends its thread with the process.
Loop &loop()
{
    static Loop *const instance = new Loop;
    return *instance;
}

std::atomic_bool s_running{false};

} // namespace

void start()
{
    static const bool registered = [] {
        // A node that goes away leaves sockets that libvirt may still write
        // to: that must fail with EPIPE, not end the process with SIGPIPE
        // (virsh ignores it too).
        std::signal(SIGPIPE, SIG_IGN);
        loop();
        virEventRegisterImpl(
            [](int fd, int events, virEventHandleCallback callback, void *opaque, virFreeCallback freeOpaque) {
                return loop().addWatch(fd, events, callback, opaque, freeOpaque);
            },
            [](int id, int events) { loop().updateWatch(id, events); }, [](int id) { return loop().remove(id, true); },
            [](int intervalMs, virEventTimeoutCallback callback, void *opaque, virFreeCallback freeOpaque) {
                return loop().addTimer(intervalMs, callback, opaque, freeOpaque);
            },
            [](int id, int intervalMs) { loop().updateTimer(id, intervalMs); },
            [](int id) { return loop().remove(id, false); });
        return true;
    }();
    (void)registered;
    s_running.store(true);
}

bool isRunning()
{
    return s_running.load();
}

} // namespace Flotilla::Libvirt::EventLoop
