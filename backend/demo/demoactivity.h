// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "metrics/metrics.h"
#include "model/inventory.h"

#include <QHash>

#include <array>

namespace Flotilla
{

/// SIMULATED activity for nodes that report no counters (libvirt's test
/// driver: the demo fleet, the benchmark). The node is still asked for its
/// statistics every tick, as any node is; this fills in, on top of that real
/// answer, the counters it left out, with cumulative counters of the same
/// shape a real node gives, so they run through the same rates and
/// histories: each running machine has a steady load of its own (from its
/// name) with slow waves on top; paused and crashed machines are left out. Nodes fed by it
/// are flagged as simulated wherever they are shown.
class DemoActivity
{
public:
    /// Fills in the counters missing from @p read, the node's own statistics
    /// of its active machines at @p nowMs (ms since the epoch); what the node
    /// gave is kept. Only the running machines the node reported are fed;
    /// the others leave @p read.
    void fillIn(QList<MachineCounters> &read, const QHash<QString, Machine> &machines, qint64 nowMs);
    /// The node's counters, from the machines' load (the test driver's own
    /// are fixed numbers that never move).
    [[nodiscard]] NodeCounters node(const NodeFacts &facts) const;

    /// The demo's load knob: the replicas of workload @p workloadId run at
    /// least at @p load (0 to 1) on every simulated node of this process,
    /// so the autoscaler has something to answer; a negative load lifts it.
    static void setWorkloadLoad(const QString &workloadId, double load);
    [[nodiscard]] static double workloadLoad(const QString &workloadId);

private:
    /// A machine's own numbers in [0, 1), from its name: its level, its
    /// waves, how much of each kind of work it does.
    using Traits = std::array<double, 9>;
    struct Totals {
        double cpuNs = 0;
        double diskRead = 0;
        double diskWrite = 0;
        double net = 0;
        qint64 lastMs = 0;
        quint64 round = 0; ///< the last fillIn() that saw it
        Traits traits{};
    };
    [[nodiscard]] static Traits traitsOf(const QString &name);
    /// A machine's load in [0, 1] at a moment.
    [[nodiscard]] static double load(const Traits &traits, double seconds);
    [[nodiscard]] MachineCounters simulate(const Machine &machine, Totals &totals, qint64 nowMs, double elapsed);
    /// The counters the node left out of @p counters, from the simulation.
    void fillInOne(MachineCounters &counters, const Machine &machine, qint64 nowMs, double elapsed);

    QHash<QString, Totals> m_totals;
    quint64 m_round = 0;
    double m_busyNs = 0; ///< the node's busy time so far
    double m_tickBusyNs = 0; ///< of the tick being simulated
    double m_memoryUsedKiB = 0;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
};

} // namespace Flotilla
