// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// NodeSession's simulated past: a demo node's first day, ticked at once, so
// that a newcomer's first look at the demo shows full charts. The ticks run
// through the same simulation and rates as the live ones, which go on from
// where they end; the node's ticks are flagged simulated, so the charts say so.
#include "session/nodesession.h"

namespace Flotilla
{

namespace
{

/// Seconds between simulated ticks @p before seconds ago: as fine as the
/// node's tiers keep them (nodeTiers: by the tick for 10 minutes, by 10 s
/// for 6 hours, by the minute beyond), and no finer.
qint64 stepAt(qint64 before)
{
    if (before > 6 * 3600) {
        return 60;
    }
    return before > 600 ? 10 : tickSeconds;
}

} // namespace

void NodeSession::fillSimulatedPast(qint64 nowMs)
{
    // The machines running now ran all along: the node reports each, and
    // the simulation fills in its counters.
    QList<MachineCounters> running;
    for (const Machine &machine : m_machines.machines()) {
        if (machine.isRunning()) {
            running.append(MachineCounters{.uuid = machine.uuid});
        }
    }
    // Recorded apart and handed over whole: a chart or the history's keeper
    // reading meanwhile sees no day, or all of it.
    std::shared_ptr<MetricsStore> live = std::exchange(m_metrics, std::make_shared<MetricsStore>());
    const qint64 span = m_simulatedPast.count();
    for (qint64 before = span; before > 0; before -= stepAt(before)) {
        const qint64 atMs = nowMs - before * 1000;
        QList<MachineCounters> counters = running;
        m_demo.fillIn(counters, m_machines.machines(), atMs);
        (void)measure(atMs, counters, m_demo.node(m_facts));
    }
    live->takePast(std::move(*m_metrics));
    m_metrics = std::move(live);
}

} // namespace Flotilla
