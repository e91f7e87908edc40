// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "eventloopwatch.h"

namespace Flotilla::Testing
{

namespace
{
constexpr int tickMs = 5;
} // namespace

EventLoopWatch::EventLoopWatch(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(tickMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.elapsed();
        m_longestStallMs = std::max(m_longestStallMs, now - m_last - tickMs);
        m_last = now;
    });
}

void EventLoopWatch::start()
{
    m_longestStallMs = 0;
    m_clock.start();
    m_last = 0;
    m_timer.start();
}

void EventLoopWatch::stop()
{
    m_timer.stop();
}

} // namespace Flotilla::Testing
