// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "charts/chartdata.h"

#include "core/displayname.h"
#include "fleet/fleet.h"

#include <KFormat>
#include <KLocalizedString>

#include <QMap>

namespace Flotilla::ChartData
{

namespace
{

struct Sum {
    double value = 0;
    double weight = 0;
};

double valueOf(const Rates &rates, const QList<Channel> &channels)
{
    double total = 0;
    for (const Channel channel : channels) {
        const double value = at(rates, channel);
        if (std::isnan(value)) {
            return NAN;
        }
        total += value;
    }
    return total;
}

template<typename Point>
Line lineOf(const QString &name, const QList<Point> &points, const QList<Channel> &channels)
{
    Line line{.name = name, .points = {}};
    line.points.reserve(points.size());
    for (const Point &point : points) {
        const double value = valueOf(point.rates, channels);
        if (!std::isnan(value)) {
            line.points.append(QPointF(double(point.timestamp) * 1000, value));
        }
    }
    return line;
}

bool isUp(const Fleet::Node &node)
{
    return Flotilla::isUp(node.status.state);
}

/// One part of a summed line: its values by moment, how much it weighs in a mean, and whether its last moment
/// bounds the sum (a part still reporting: the sum is not drawn past what it has told).
struct Part {
    QList<std::pair<qint64, double>> values;
    double weight = 1;
    bool bounds = true;
};

template<typename Point>
Part partOf(QList<Point> points, const QList<Channel> &channels, double weight, bool reporting)
{
    Part part{.values = {}, .weight = weight, .bounds = false};
    if (points.isEmpty()) {
        return part;
    }
    points.removeLast(); // the step in progress
    part.bounds = reporting && !points.isEmpty();
    for (const Point &point : std::as_const(points)) {
        if (const double value = valueOf(point.rates, channels); !std::isnan(value)) {
            part.values.append({point.timestamp, value});
        }
    }
    if (part.bounds) {
        part.values.append({points.constLast().timestamp, NAN}); // marks its last moment
    }
    return part;
}

/// @p parts summed per moment (or their weighted mean), cut where a part that bounds has not reported yet.
Line summed(const QString &name, const QList<Part> &parts, bool mean)
{
    QMap<qint64, Sum> sums;
    qint64 cutoff = std::numeric_limits<qint64>::max();
    for (const Part &part : parts) {
        for (const auto &[timestamp, value] : part.values) {
            if (std::isnan(value)) {
                cutoff = std::min(cutoff, timestamp);
                continue;
            }
            Sum &sum = sums[timestamp];
            sum.value += value * part.weight;
            sum.weight += part.weight;
        }
    }
    Line line{.name = name, .points = {}};
    for (auto it = sums.cbegin(); it != sums.cend() && it.key() <= cutoff; ++it) {
        line.points.append(QPointF(double(it.key()) * 1000, mean ? it->value / it->weight : it->value));
    }
    return line;
}

/// The fleet's line for @p channels: the nodes' values summed per moment.
Line fleetLine(const Fleet &fleet, const QString &name, const QList<Channel> &channels, qint64 seconds, bool mean)
{
    QList<Part> parts;
    for (const Fleet::Node &node : fleet.nodes()) {
        parts.append(
            partOf(node.metrics->nodeWindow(seconds), channels, mean ? std::max(1, node.facts.cpus) : 1, isUp(node)));
    }
    return summed(name, parts, mean);
}

/// A group of machines' line for @p channels: their values summed per moment.
Line machinesLine(const Fleet &fleet, const QString &name, const QStringList &machines, const QList<Channel> &channels,
    qint64 seconds, bool mean)
{
    QList<Part> parts;
    for (const QString &machine : machines) {
        const qsizetype index = fleet.indexOf(machine.section(QLatin1Char('/'), 0, 0));
        if (index >= 0) {
            const Fleet::Node &node = fleet.nodes().at(index);
            parts.append(partOf(
                node.metrics->machineWindow(machine.section(QLatin1Char('/'), 1), seconds), channels, 1, isUp(node)));
        }
    }
    return summed(name, parts, mean);
}

} // namespace

QStringList lineNames(const Fleet &fleet, Metric metric, bool perNode)
{
    QStringList names;
    if (perNode) {
        for (const Fleet::Node &node : fleet.nodes()) {
            names.append(displayName(node.entry.name));
        }
        return names;
    }
    switch (metric) {
    case Metric::Cpu:
        return {i18nc("@label chart line", "CPU")};
    case Metric::Memory:
        return {i18nc("@label chart line", "Memory in use")};
    case Metric::Disk:
        return {i18nc("@label chart line disk", "Read"), i18nc("@label chart line disk", "Write")};
    case Metric::Network:
        return {i18nc("@label chart line network", "Received"), i18nc("@label chart line network", "Sent")};
    }
    return names;
}

QList<Line> lines(const Fleet &fleet, const Source &source, Metric metric, qint64 seconds, bool perNode)
{
    const QList<Channel> channels = channelsOf(metric);
    const QStringList names = lineNames(fleet, metric, perNode && source.kind == Source::Kind::Fleet);
    QList<Line> result;
    if (source.kind == Source::Kind::Fleet && perNode) {
        for (qsizetype i = 0; i < fleet.nodes().size(); ++i) {
            result.append(lineOf(names.at(i), fleet.nodes().at(i).metrics->nodeWindow(seconds), channels));
        }
        return result;
    }
    const qsizetype index = fleet.indexOf(source.nodeId);
    for (qsizetype c = 0; c < channels.size(); ++c) {
        const QList<Channel> channel{channels.at(c)};
        if (source.kind == Source::Kind::Fleet) {
            result.append(fleetLine(fleet, names.at(c), channel, seconds, metric == Metric::Cpu));
        } else if (source.kind == Source::Kind::Machines && !source.workloadId.isEmpty() && seconds > 24 * 3600) {
            result.append(lineOf(names.at(c), fleet.workloadHistories().window(source.workloadId, seconds), channel));
        } else if (source.kind == Source::Kind::Machines) {
            result.append(machinesLine(fleet, names.at(c), source.machines, channel, seconds, metric == Metric::Cpu));
        } else if (index < 0) {
            result.append(Line{.name = names.at(c), .points = {}});
        } else if (source.kind == Source::Kind::Node) {
            result.append(lineOf(names.at(c), fleet.nodes().at(index).metrics->nodeWindow(seconds), channel));
        } else {
            const auto &store = *fleet.nodes().at(index).metrics;
            result.append(lineOf(names.at(c), store.machineWindow(source.machineUuid, seconds), channel));
        }
    }
    return result;
}

QList<Gap> gapsIn(const QList<Line> &lines)
{
    const auto fullest = std::ranges::max_element(
        lines, [](const Line &a, const Line &b) { return a.points.size() < b.points.size(); });
    if (fullest == lines.end() || fullest->points.size() < 3) {
        return {};
    }
    QList<double> steps;
    for (qsizetype i = 1; i < fullest->points.size(); ++i) {
        steps.append(fullest->points.at(i).x() - fullest->points.at(i - 1).x());
    }
    QList<double> sorted = steps;
    std::ranges::nth_element(sorted, sorted.begin() + sorted.size() / 2);
    const double longest = std::max(4 * sorted.at(sorted.size() / 2), 6000.0);
    QList<Gap> gaps;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (steps.at(i) > longest) {
            gaps.append(Gap{.from = fullest->points.at(i).x(), .to = fullest->points.at(i + 1).x()});
        }
    }
    return gaps;
}

} // namespace Flotilla::ChartData
