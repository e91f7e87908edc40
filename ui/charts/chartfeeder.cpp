// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "charts/chartfeeder.h"

#include "fleet/fleet.h"
#include "fleet/fleetview.h"

#include <QQmlEngine>
#include <QXYSeries>

using namespace std::chrono_literals;

namespace Flotilla
{

ChartFeeder::ChartFeeder(QObject *parent)
    : QObject(parent)
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(500ms);
    connect(&m_refresh, &QTimer::timeout, this, &ChartFeeder::refresh);
}

void ChartFeeder::componentComplete()
{
    m_complete = true;
    QQmlEngine *engine = qmlEngine(this);
    auto *view = engine ? engine->singletonInstance<FleetView *>("org.kde.flotilla.fleet", "FleetView") : nullptr;
    m_fleet = view ? view->fleet() : nullptr;
    if (!m_fleet) {
        return;
    }
    connect(m_fleet, &Fleet::ticked, this, [this](qsizetype node) {
        if (wantsTick(node) && !m_refresh.isActive()) {
            m_refresh.start();
        }
    });
    connect(m_fleet, &Fleet::nodeAdded, this, &ChartFeeder::changed);
    changed();
}

bool ChartFeeder::wantsTick(qsizetype node) const
{
    const QString &id = m_fleet->nodes().at(node).entry.id;
    if (m_source == Source::Machines) {
        return std::ranges::any_of(m_machines, [&id](const QString &machine) {
            return machine.size() > id.size() && machine.startsWith(id) && machine.at(id.size()) == QLatin1Char('/');
        });
    }
    return m_source == Source::Fleet || id == m_nodeId;
}

void ChartFeeder::changed()
{
    updateNames();
    refresh();
}

void ChartFeeder::updateNames()
{
    if (!m_fleet) {
        return;
    }
    const QStringList names
        = ChartData::lineNames(*m_fleet, ChartData::Metric(m_metric), m_perNode && m_source == Source::Fleet);
    if (names != m_seriesNames) {
        m_seriesNames = names;
        Q_EMIT seriesNamesChanged();
    }
}

void ChartFeeder::refresh()
{
    if (!m_fleet) {
        return;
    }
    // Longer windows move slower: fewer refreshes cost less with many nodes.
    // The shortest moves by the tick (tickSeconds): twice a tick shows each
    // node's new point within a second of its coming.
    m_refresh.setInterval(m_windowSeconds <= 600 ? 1s : m_windowSeconds <= 3600 ? 2s : 10s);
    const ChartData::Source source{.kind = ChartData::Source::Kind(m_source),
        .nodeId = m_nodeId,
        .machineUuid = m_machineUuid,
        .machines = m_machines,
        .workloadId = m_workloadId};
    const ChartData::Metric metric = ChartData::Metric(m_metric);
    const QList<ChartData::Line> lines = ChartData::lines(*m_fleet, source, metric, m_windowSeconds, m_perNode);
    double maximum = 0;
    for (const ChartData::Line &line : lines) {
        for (const QPointF &point : line.points) {
            maximum = std::max(maximum, point.y());
        }
    }
    const ChartData::Unit unit = ChartData::unitOf(metric);
    m_scale = ChartData::scaleFor(unit, maximum);
    m_valueMax = unit == ChartData::Unit::Percent ? std::max(100.0, ChartData::roundUp(maximum))
                                                  : ChartData::roundUp(maximum / m_scale.divisor);
    m_axis = ChartData::axisFor(m_valueMax, {}); // the unit is in the chart's title: narrow charts elide long labels
    m_pointCount = 0;
    m_latestText = ChartData::latestText(lines, unit);
    m_simulated = false;
    for (qsizetype node = 0; node < m_fleet->nodes().size(); ++node) {
        m_simulated = m_simulated || (m_fleet->nodes().at(node).simulatedActivity && wantsTick(node));
    }
    for (qsizetype i = 0; i < std::min(lines.size(), m_series.size()); ++i) {
        if (!m_series.at(i)) {
            continue;
        }
        QList<QPointF> points = lines.at(i).points;
        for (QPointF &point : points) {
            point.setY(point.y() / m_scale.divisor);
        }
        m_pointCount += int(points.size());
        m_series.at(i)->replace(points);
    }
    m_gaps.clear();
    for (const ChartData::Gap &gap : ChartData::gapsIn(lines)) {
        m_gaps.append(QVariantMap{{QStringLiteral("from"), gap.from}, {QStringLiteral("to"), gap.to}});
    }
    m_timeTo = QDateTime::currentDateTimeUtc();
    m_timeFrom = m_timeTo.addSecs(-m_windowSeconds);
    Q_EMIT rangeChanged();
}

QString ChartFeeder::formatValue(double value) const
{
    return ChartData::format(ChartData::unitOf(ChartData::Metric(m_metric)), value);
}

QVariantList ChartFeeder::series() const
{
    QVariantList list;
    for (const QPointer<QXYSeries> &series : m_series) {
        list.append(QVariant::fromValue<QObject *>(series.data()));
    }
    return list;
}

void ChartFeeder::setSeries(const QVariantList &series)
{
    m_series.clear();
    for (const QVariant &item : series) {
        m_series.append(qobject_cast<QXYSeries *>(item.value<QObject *>()));
    }
    Q_EMIT seriesChanged();
    refresh();
}

void ChartFeeder::setSource(Source source)
{
    assign(m_source, source);
}

void ChartFeeder::setNodeId(const QString &nodeId)
{
    assign(m_nodeId, nodeId);
}

void ChartFeeder::setMachineUuid(const QString &uuid)
{
    assign(m_machineUuid, uuid);
}

void ChartFeeder::setMachines(const QStringList &machines)
{
    assign(m_machines, machines);
}

void ChartFeeder::setWorkloadId(const QString &workloadId)
{
    assign(m_workloadId, workloadId);
}

void ChartFeeder::setMetric(Metric metric)
{
    assign(m_metric, metric);
}

void ChartFeeder::setWindowSeconds(int seconds)
{
    assign(m_windowSeconds, seconds);
}

void ChartFeeder::setPerNode(bool perNode)
{
    assign(m_perNode, perNode);
}

} // namespace Flotilla
