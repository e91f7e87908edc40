// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QStringList>

#include <atomic>
#include <thread>

namespace Flotilla::Bench
{

/// A busy fleet: every second, @p percent % of each node's machines change
/// state (running ones shut down or pause, paused ones resume, stopped ones
/// start), through connections of the tool's own on a thread of its own,
/// never through Flotilla. A node whose daemon went away is opened again
/// the next second.
class Churn
{
public:
    Churn(QStringList uris, double percent);
    ~Churn();

    Churn(const Churn &) = delete;
    Churn &operator=(const Churn &) = delete;

    void start();
    void stop();
    /// State changes libvirt carried out so far.
    [[nodiscard]] qint64 changes() const { return m_changes.load(); }
    /// The CPU time the churn's own thread has used so far, in seconds: the
    /// nodes' load, not Flotilla's, so the tool takes it out of cpu_percent.
    [[nodiscard]] double cpuSeconds() const { return m_cpuSeconds.load(); }

private:
    void run(const std::stop_token &stop);

    QStringList m_uris;
    double m_percent;
    std::atomic<qint64> m_changes = 0;
    std::atomic<double> m_cpuSeconds = 0;
    std::jthread m_thread;
};

} // namespace Flotilla::Bench
