// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "charts/chartdata.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QTimer>
#include <QtQmlIntegration>

class QXYSeries;

namespace Flotilla
{

/// Fills a chart's line series from the fleet's histories with
/// QXYSeries::replace(), on the fleet's ticks (gathered: at most every 0.5 s
/// for 10 minutes, 2 s for an hour, 10 s for a day), and works out the
/// axes: a time range and a value range in a readable unit. MetricChart.qml
/// makes one series per name in seriesNames and hands them over in series.
class ChartFeeder : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(Source source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(QString nodeId READ nodeId WRITE setNodeId NOTIFY sourceChanged)
    Q_PROPERTY(QString machineUuid READ machineUuid WRITE setMachineUuid NOTIFY sourceChanged)
    /// Machines source: the machines shown together, "nodeId/uuid" each.
    Q_PROPERTY(QStringList machines READ machines WRITE setMachines NOTIFY sourceChanged)
    /// Machines source: the workload they are the replicas of, whose month a 30-day window shows.
    Q_PROPERTY(QString workloadId READ workloadId WRITE setWorkloadId NOTIFY sourceChanged)
    Q_PROPERTY(Metric metric READ metric WRITE setMetric NOTIFY sourceChanged)
    Q_PROPERTY(int windowSeconds READ windowSeconds WRITE setWindowSeconds NOTIFY sourceChanged)
    /// One line per node (fleet source only).
    Q_PROPERTY(bool perNode READ perNode WRITE setPerNode NOTIFY sourceChanged)
    Q_PROPERTY(QStringList seriesNames READ seriesNames NOTIFY seriesNamesChanged)
    /// The chart's line series, in the order of seriesNames.
    Q_PROPERTY(QVariantList series READ series WRITE setSeries NOTIFY seriesChanged)
    Q_PROPERTY(QDateTime timeFrom READ timeFrom NOTIFY rangeChanged)
    Q_PROPERTY(QDateTime timeTo READ timeTo NOTIFY rangeChanged)
    /// The value axis' top, in units of unitText (values are divided by scale).
    Q_PROPERTY(double valueMax READ valueMax NOTIFY rangeChanged)
    Q_PROPERTY(double scale READ scale NOTIFY rangeChanged)
    Q_PROPERTY(QString unitText READ unitText NOTIFY rangeChanged)
    /// The value axis' ticks and its labels' printf-style format ("%.1f").
    Q_PROPERTY(int tickCount READ tickCount NOTIFY rangeChanged)
    Q_PROPERTY(QString labelFormat READ labelFormat NOTIFY rangeChanged)
    /// The lines' latest values for a person: "Read 12.0 MiB/s · Write 1.5 MiB/s".
    Q_PROPERTY(QString latestText READ latestText NOTIFY rangeChanged)
    /// Points handed to the series at the last refresh, all lines together.
    Q_PROPERTY(int pointCount READ pointCount NOTIFY rangeChanged)
    /// Stretches with no figures, {from, to} in milliseconds since the epoch: the chart covers them.
    Q_PROPERTY(QVariantList gaps MEMBER m_gaps NOTIFY rangeChanged)
    /// Its figures are (or include) the demo's simulated activity.
    Q_PROPERTY(bool simulated MEMBER m_simulated NOTIFY rangeChanged)

public:
    enum class Source { Fleet, Node, Machine, Machines };
    Q_ENUM(Source)
    enum class Metric { Cpu, Memory, Disk, Network };
    Q_ENUM(Metric)

    explicit ChartFeeder(QObject *parent = nullptr);

    void classBegin() override { }
    void componentComplete() override;

    [[nodiscard]] Source source() const { return m_source; }
    void setSource(Source source);
    [[nodiscard]] QString nodeId() const { return m_nodeId; }
    void setNodeId(const QString &nodeId);
    [[nodiscard]] QString machineUuid() const { return m_machineUuid; }
    void setMachineUuid(const QString &uuid);
    [[nodiscard]] QStringList machines() const { return m_machines; }
    void setMachines(const QStringList &machines);
    [[nodiscard]] QString workloadId() const { return m_workloadId; }
    void setWorkloadId(const QString &workloadId);
    [[nodiscard]] Metric metric() const { return m_metric; }
    void setMetric(Metric metric);
    [[nodiscard]] int windowSeconds() const { return m_windowSeconds; }
    void setWindowSeconds(int seconds);
    [[nodiscard]] bool perNode() const { return m_perNode; }
    void setPerNode(bool perNode);
    [[nodiscard]] QStringList seriesNames() const { return m_seriesNames; }
    [[nodiscard]] QVariantList series() const;
    void setSeries(const QVariantList &series);
    [[nodiscard]] QDateTime timeFrom() const { return m_timeFrom; }
    [[nodiscard]] QDateTime timeTo() const { return m_timeTo; }
    [[nodiscard]] double valueMax() const { return m_valueMax; }
    [[nodiscard]] double scale() const { return m_scale.divisor; }
    [[nodiscard]] QString unitText() const { return m_scale.suffix; }
    [[nodiscard]] int pointCount() const { return m_pointCount; }
    [[nodiscard]] QString latestText() const { return m_latestText; }
    [[nodiscard]] int tickCount() const { return m_axis.ticks; }
    [[nodiscard]] QString labelFormat() const { return m_axis.labelFormat; }

    /// A value of this chart's metric (not scaled) for a person: "1.5 MiB/s".
    Q_INVOKABLE [[nodiscard]] QString formatValue(double value) const;
    /// Reads the histories and fills the series now.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void sourceChanged();
    void seriesNamesChanged();
    void seriesChanged();
    void rangeChanged();

private:
    void changed();
    void updateNames();
    [[nodiscard]] bool wantsTick(qsizetype node) const;
    /// Sets what to show, and shows it once the component is complete.
    template<typename T>
    void assign(T &member, const T &value)
    {
        if (member == value) {
            return;
        }
        member = value;
        Q_EMIT sourceChanged();
        if (m_complete) {
            changed();
        }
    }

    Fleet *m_fleet = nullptr;
    Source m_source = Source::Fleet;
    QString m_nodeId;
    QString m_machineUuid;
    QStringList m_machines;
    QString m_workloadId;
    Metric m_metric = Metric::Cpu;
    int m_windowSeconds = 600;
    bool m_perNode = false;
    bool m_complete = false;
    QStringList m_seriesNames;
    QList<QPointer<QXYSeries>> m_series;
    QDateTime m_timeFrom;
    QDateTime m_timeTo;
    double m_valueMax = 1;
    ChartData::Scale m_scale;
    ChartData::Axis m_axis = ChartData::axisFor(1, {});
    int m_pointCount = 0;
    QVariantList m_gaps;
    bool m_simulated = false;
    QString m_latestText;
    QTimer m_refresh; ///< gathers the nodes' ticks into one refresh
};

} // namespace Flotilla
