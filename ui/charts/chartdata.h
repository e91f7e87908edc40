// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "metrics/metrics.h"

#include <QList>
#include <QPointF>
#include <QString>

namespace Flotilla
{
class Fleet;

/// What a chart shows, read from the fleet's histories. Plain functions:
/// the feeder calls them on each refresh, tests call them directly.
namespace ChartData
{

/// A chart's families of channels.
enum class Metric {
    Cpu, ///< one line: CPU %
    Memory, ///< one line: memory in use
    Disk, ///< two lines: read and write bytes per second
    Network, ///< two lines: received and sent bytes per second
};

/// How a metric's values are measured.
enum class Unit {
    Percent,
    Bytes,
    BytesPerSecond,
};

/// One line of a chart: x in milliseconds since the epoch, y in the unit.
struct Line {
    QString name;
    QList<QPointF> points;
};

/// What to read: the whole fleet, one node, one machine of a node, or a
/// group of machines (a workload's replicas) together.
struct Source {
    enum class Kind { Fleet, Node, Machine, Machines } kind = Kind::Fleet;
    QString nodeId;
    QString machineUuid;
    QStringList machines; ///< Machines: "nodeId/uuid" each
    /// Machines: the workload they are the replicas of, if any: a window
    /// longer than a day shows its month (WorkloadHistories).
    QString workloadId;
};

[[nodiscard]] Unit unitOf(Metric metric);
/// The channels a metric draws, one line each.
[[nodiscard]] QList<Channel> channelsOf(Metric metric);
/// The lines' names, in order: the channels', or the nodes' for a breakdown.
[[nodiscard]] QStringList lineNames(const Fleet &fleet, Metric metric, bool perNode);
/// The lines over the last @p seconds. The fleet is the sum of its nodes
/// aligned on time (CPU: the mean weighted by each node's CPUs), cut where
/// a connected node has not reported yet; a group of machines is the sum
/// of its machines the same way (CPU: their mean), or, past a day, its
/// workload's month. @p perNode: one line per node of
/// the metric's channels summed (only for the fleet).
[[nodiscard]] QList<Line> lines(const Fleet &fleet, const Source &source, Metric metric, qint64 seconds, bool perNode);

/// The divisor that brings @p maximum into a readable range of the unit,
/// and that range's name: 1048576 and "MiB/s", say.
struct Scale {
    double divisor = 1;
    QString suffix;
};
[[nodiscard]] Scale scaleFor(Unit unit, double maximum);
/// A round number just above @p value: 1, 2, 2.5, 5 or 10 times a power of ten.
[[nodiscard]] double roundUp(double value);
/// A value axis from 0 to @p top (a roundUp() value): ticks at round steps,
/// and a printf-style label format, with @p suffix if any ("%.1f MiB/s").
struct Axis {
    int ticks = 5;
    QString labelFormat;
};
[[nodiscard]] Axis axisFor(double top, const QString &suffix);
/// @p value in the unit for a person: "42 %", "1.5 GiB", "320 KiB/s".
[[nodiscard]] QString format(Unit unit, double value);

/// The lines' newest values for a person: "Read 12.0 MiB/s · Write 1.5 MiB/s"
/// (only the value when there is one line).
[[nodiscard]] QString latestText(const QList<Line> &lines, Unit unit);

/// A stretch of time with no figures: Flotilla was closed, or the node
/// silent. In milliseconds since the epoch.
struct Gap {
    double from = 0;
    double to = 0;
};
/// Where the lines have no figures for much longer than their usual step
/// (four steps, and at least six seconds), judged by the line with the most
/// points: QtCharts draws a line across any gap, so the chart covers these.
[[nodiscard]] QList<Gap> gapsIn(const QList<Line> &lines);

} // namespace ChartData
} // namespace Flotilla
