// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Flotilla::Testing
{

/// A watchdog for the thread it lives on (the UI thread, in practice): a
/// precise 5 ms timer notes the longest time that passed between two of its
/// ticks beyond the 5 ms. A stall of the event loop shows up as that gap.
class EventLoopWatch : public QObject
{
    Q_OBJECT

public:
    explicit EventLoopWatch(QObject *parent = nullptr);

    void start();
    void stop();
    [[nodiscard]] qint64 longestStallMs() const { return m_longestStallMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestStallMs = 0;
};

} // namespace Flotilla::Testing
