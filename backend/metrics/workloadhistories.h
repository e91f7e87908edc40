// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "metrics/metricsstore.h"

#include <QHash>
#include <QMutex>

namespace Flotilla
{

/// Each workload's month, by the hour (workloadTiers): its replicas'
/// figures together, CPU their mean and the rest their sum, kept apart from
/// the replicas' own histories so that it outlasts every replica. The
/// keeper of the history on disk records the replicas' 5-minute points into
/// it and keeps it in the history file under fileKey; the charts read it.
/// Guarded: recorded and restored on one thread, read on another.
class WorkloadHistories
{
public:
    /// Where the file keeps the workloads' months: in place of a node id.
    static constexpr QLatin1StringView fileKey{"@workloads"};

    /// Adds @p rates at @p timestamp to @p workload's month, unless a moment
    /// as late was recorded already: each moment counts once.
    void record(const QString &workload, qint64 timestamp, const Rates &rates);
    /// The moment from which @p workload takes new points: after the last
    /// recorded (0 for a workload not seen yet).
    [[nodiscard]] qint64 upTo(const QString &workload) const;
    /// @p workload's points over the last @p seconds, oldest first, the hour in progress last.
    [[nodiscard]] QList<HistoryPoint> window(const QString &workload, qint64 seconds) const;
    /// Every month's closed hours from about @p since on (two hours before,
    /// for hours closed late), one TierPoints per workload (machine: its id).
    [[nodiscard]] QList<MetricsStore::TierPoints> closedSince(qint64 since) const;
    /// Months kept on disk put back; a workload already recorded is left as it is.
    void restore(const QList<MetricsStore::TierPoints> &kept);
    [[nodiscard]] int count() const;

private:
    struct Month {
        NodeHistory history{workloadTiers};
        qint64 upTo = 0;
    };
    mutable QMutex m_mutex;
    QHash<QString, Month> m_months;
};

} // namespace Flotilla
