// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/eventlistmodel.h"
#include "fleet/fleetsummary.h"
#include "fleet/machinelistmodel.h"
#include "fleet/nodelistmodel.h"
#include "machines/machinefiltermodel.h"

#include <QTimer>

namespace Flotilla::Bench
{

/// Every model the window builds on the fleet, without the window: the
/// nodes, the machines, the machine list sorted by CPU % (so that every tick
/// re-sorts it), the dashboard's totals, the recent events, and the
/// dashboard's four fleet charts, their lines worked out as ChartFeeder
/// does (at most every 0.5 s, on ticks).
class HeadlessModels
{
public:
    explicit HeadlessModels(Fleet &fleet);

    [[nodiscard]] const MachineListModel &machines() const { return m_machines; }
    [[nodiscard]] const MachineFilterModel &sortedMachines() const { return m_sorted; }

private:
    void refreshCharts();

    Fleet &m_fleet;
    NodeListModel m_nodes;
    MachineListModel m_machines;
    MachineFilterModel m_sorted;
    FleetSummary m_summary;
    EventListModel m_events;
    QTimer m_charts;
};

} // namespace Flotilla::Bench
