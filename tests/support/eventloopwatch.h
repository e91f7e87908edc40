// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>

namespace Flotilla::Testing
{

/// A watchdog for the main thread's event loop: the longest stretch in
/// which the loop worked without once looking for new input (between two
/// of its polls). Where Qt's loop runs on glib, as on Linux, it hooks
/// glib's poll and costs no wakeup of its own: a benchmark that measures
/// the CPU must not add a timer 200 times a second. Elsewhere it falls back
/// to a precise 5 ms timer, which notes the longest gap between its ticks.
class EventLoopWatch : public QObject
{
    Q_OBJECT

public:
    explicit EventLoopWatch(QObject *parent = nullptr);
    ~EventLoopWatch() override;

    void start();
    void stop();
    [[nodiscard]] qint64 longestStallMs() const { return m_longestStallNs.load() / 1000000; }
    /// True when the loop's polls are watched, false on the timer.
    [[nodiscard]] bool watchesPolls() const { return m_watchesPolls; }

    /// From the poll hook: the loop starts to wait, or is back from waiting.
    void leavingWork();
    void backAtWork();

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    // Atomic: libvirt's event loop thread iterates glib's default context
    // too (the two take turns), so the hook is called from both threads.
    std::atomic<qint64> m_busySinceNs = 0;
    std::atomic<qint64> m_longestStallNs = 0;
    bool m_watchesPolls = false;
};

} // namespace Flotilla::Testing
