// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "inventory.h"
#include "metrics.h"

#include <QHash>

namespace Flotilla
{

/// SIMULATED activity for nodes that report no counters (libvirt's test
/// driver: the demo fleet, the benchmark). It makes cumulative counters of
/// the same shape a real node gives, so they run through the same rates and
/// histories: each running machine has a steady load of its own (from its
/// name) with slow waves on top; paused and stopped machines do nothing.
/// Nodes fed by it are flagged as simulated wherever they are shown.
class DemoActivity
{
public:
    /// Counters of every running machine at @p nowMs (ms since the epoch).
    [[nodiscard]] QList<MachineCounters> machines(const QHash<QString, Machine> &machines, qint64 nowMs);
    /// The node's counters at the same moment, from the machines' load.
    [[nodiscard]] NodeCounters node(const NodeFacts &facts, qint64 nowMs) const;

private:
    struct Totals {
        double cpuNs = 0;
        double diskRead = 0;
        double diskWrite = 0;
        double net = 0;
        qint64 lastMs = 0;
    };
    QHash<QString, Totals> m_totals;
    double m_busyNs = 0; ///< the node's busy time so far
    double m_totalNs = 0;
    double m_memoryUsedKiB = 0;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
};

} // namespace Flotilla
