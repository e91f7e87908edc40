// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "eventloopwatch.h"

#include <QCoreApplication>
#include <QThread>

#include <dlfcn.h>

namespace Flotilla::Testing
{

namespace
{

constexpr int tickMs = 5;

// glib's poll hook, looked up at run time and declared here by hand: Qt's
// event loop runs on glib's library, but the build has no glib headers.
using PollFunction = int (*)(void *fds, unsigned int count, int timeoutMs);
using ContextDefault = void *(*)();
using GetPollFunction = PollFunction (*)(void *context);
using SetPollFunction = void (*)(void *context, PollFunction poll);

struct GlibPoll {
    ContextDefault contextDefault = nullptr;
    GetPollFunction get = nullptr;
    SetPollFunction set = nullptr;

    [[nodiscard]] bool found() const { return contextDefault && get && set; }
};

GlibPoll glibPoll()
{
    GlibPoll poll;
    poll.contextDefault = reinterpret_cast<ContextDefault>(dlsym(RTLD_DEFAULT, "g_main_context_default"));
    poll.get = reinterpret_cast<GetPollFunction>(dlsym(RTLD_DEFAULT, "g_main_context_get_poll_func"));
    poll.set = reinterpret_cast<SetPollFunction>(dlsym(RTLD_DEFAULT, "g_main_context_set_poll_func"));
    return poll;
}

// The main thread's loop is glib's default context; only it calls these.
EventLoopWatch *watching = nullptr;
PollFunction originalPoll = nullptr;

int watchedPoll(void *fds, unsigned int count, int timeoutMs)
{
    watching->leavingWork();
    const int result = originalPoll(fds, count, timeoutMs);
    watching->backAtWork();
    return result;
}

} // namespace

EventLoopWatch::EventLoopWatch(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(tickMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        m_longestStallNs = std::max(m_longestStallNs.load(), now - m_busySinceNs.load() - tickMs * 1000000LL);
        m_busySinceNs = now;
    });
}

EventLoopWatch::~EventLoopWatch()
{
    stop();
}

void EventLoopWatch::start()
{
    stop();
    m_longestStallNs = 0;
    m_clock.start();
    m_busySinceNs = 0;
    const GlibPoll poll = glibPoll();
    if (poll.found() && !watching && QThread::currentThread() == QCoreApplication::instance()->thread()) {
        watching = this;
        originalPoll = poll.get(poll.contextDefault());
        poll.set(poll.contextDefault(), watchedPoll);
        m_watchesPolls = true;
        return;
    }
    m_timer.start();
}

void EventLoopWatch::stop()
{
    m_timer.stop();
    if (m_watchesPolls) {
        const GlibPoll poll = glibPoll();
        poll.set(poll.contextDefault(), originalPoll);
        watching = nullptr;
        m_watchesPolls = false;
    }
}

void EventLoopWatch::leavingWork()
{
    m_longestStallNs = std::max(m_longestStallNs.load(), m_clock.nsecsElapsed() - m_busySinceNs.load());
}

void EventLoopWatch::backAtWork()
{
    m_busySinceNs = m_clock.nsecsElapsed();
}

} // namespace Flotilla::Testing
