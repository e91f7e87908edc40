// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "headlessmodels.h"

#include "charts/chartdata.h"
#include "fleet/fleet.h"

using namespace std::chrono_literals;

namespace Flotilla::Bench
{

HeadlessModels::HeadlessModels(Fleet &fleet)
    : m_fleet(fleet)
    , m_nodes(&fleet)
    , m_machines(&fleet)
    , m_summary(&fleet)
    , m_events(fleet.events())
{
    m_sorted.setSourceModel(&m_machines);
    m_sorted.setSortKey(MachineFilterModel::ByCpu);
    m_sorted.setDescending(true);
    m_charts.setSingleShot(true);
    m_charts.setInterval(1s); // as the window's charts of 10 minutes refresh (ChartFeeder)
    QObject::connect(&m_charts, &QTimer::timeout, &m_fleet, [this] { refreshCharts(); });
    QObject::connect(&fleet, &Fleet::ticked, &m_fleet, [this] {
        if (!m_charts.isActive()) {
            m_charts.start();
        }
    });
}

void HeadlessModels::refreshCharts()
{
    for (const ChartData::Metric metric :
        {ChartData::Metric::Cpu, ChartData::Metric::Memory, ChartData::Metric::Disk, ChartData::Metric::Network}) {
        const QList<ChartData::Line> lines = ChartData::lines(m_fleet, {}, metric, 600, false);
        Q_UNUSED(lines)
    }
}

} // namespace Flotilla::Bench
