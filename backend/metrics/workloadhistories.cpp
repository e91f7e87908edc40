// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "metrics/workloadhistories.h"

namespace Flotilla
{

void WorkloadHistories::record(const QString &workload, qint64 timestamp, const Rates &rates)
{
    const QMutexLocker lock(&m_mutex);
    Month &month = m_months[workload];
    if (timestamp < month.upTo) {
        return;
    }
    month.history.append(timestamp, rates);
    month.upTo = timestamp + 1;
}

qint64 WorkloadHistories::upTo(const QString &workload) const
{
    const QMutexLocker lock(&m_mutex);
    const auto month = m_months.constFind(workload);
    return month == m_months.cend() ? 0 : month->upTo;
}

QList<HistoryPoint> WorkloadHistories::window(const QString &workload, qint64 seconds) const
{
    const QMutexLocker lock(&m_mutex);
    const auto month = m_months.constFind(workload);
    return month == m_months.cend() ? QList<HistoryPoint>() : month->history.window(seconds);
}

QList<MetricsStore::TierPoints> WorkloadHistories::closedSince(qint64 since) const
{
    const QMutexLocker lock(&m_mutex);
    QList<MetricsStore::TierPoints> all;
    for (auto month = m_months.cbegin(); month != m_months.cend(); ++month) {
        QList<HistoryPoint> points = month->history.closedSince(0, since - 2 * workloadTiers[0].stepSeconds);
        if (!points.isEmpty()) {
            all.append(MetricsStore::TierPoints{.machine = month.key(), .tier = 0, .points = std::move(points)});
        }
    }
    return all;
}

void WorkloadHistories::restore(const QList<MetricsStore::TierPoints> &kept)
{
    const QMutexLocker lock(&m_mutex);
    for (const MetricsStore::TierPoints &points : kept) {
        if (points.tier != 0 || points.points.isEmpty() || m_months.contains(points.machine)) {
            continue;
        }
        Month &month = m_months[points.machine];
        month.history.restore(0, points.points);
        // The hours after the last kept one come again from the replicas' own histories, restored too.
        month.upTo = points.points.constLast().timestamp + workloadTiers[0].stepSeconds;
    }
}

int WorkloadHistories::count() const
{
    const QMutexLocker lock(&m_mutex);
    return int(m_months.size());
}

} // namespace Flotilla
