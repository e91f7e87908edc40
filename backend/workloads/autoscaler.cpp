// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/autoscaler.h"

#include <KLocalizedString>

#include <algorithm>
#include <cmath>

namespace Flotilla::Autoscaling
{

namespace
{

QString metricName(Policy::Metric metric)
{
    return metric == Policy::Metric::Cpu ? i18nc("@info autoscaler metric", "CPU")
                                         : i18nc("@info autoscaler metric", "Memory");
}

QString percent(double value)
{
    return QStringLiteral("%1 %").arg(std::lround(value));
}

} // namespace

Autoscaler::Autoscaler(const Policy &policy)
    : m_policy(policy)
{
}

Decision Autoscaler::decide(const QList<Replica> &replicas, const QDateTime &now)
{
    Decision decision{.current = int(replicas.size()), .desired = int(replicas.size())};
    const QString metric = metricName(m_policy.metric);
    // The replicas that count: running, past their first minutes, with a figure.
    double sum = 0;
    int missing = 0;
    for (const Replica &replica : replicas) {
        const bool ready = replica.started.isValid() && replica.started.secsTo(now) >= m_policy.booting.count();
        if (!ready) {
            continue;
        }
        if (replica.load) {
            sum += *replica.load;
            ++decision.counted;
        } else {
            ++missing;
        }
    }
    const int current = decision.current;
    if (decision.counted == 0) {
        decision.desired = std::clamp(current, m_policy.minimum, m_policy.maximum);
        decision.reason = decision.changes()
            ? i18nc("@info autoscaler", "No load known yet; kept within %1 to %2: %3 → %4 replicas", m_policy.minimum,
                  m_policy.maximum, current, decision.desired)
            : i18nc("@info autoscaler", "No load known yet (replicas booting or not reporting): %1 replicas stay",
                  current);
        return decision;
    }
    decision.average = sum / decision.counted;
    double ratio = decision.average / m_policy.target;
    // As Kubernetes does: replicas without a figure count against the
    // change: as idle when it would grow, as at the target when it would shrink.
    if (missing > 0) {
        const double grown = sum / (decision.counted + missing) / m_policy.target;
        const double shrunk = (sum + m_policy.target * missing) / (decision.counted + missing) / m_policy.target;
        ratio = ratio > 1 ? std::max(1.0, grown) : std::min(1.0, shrunk);
    }
    int recommended = current;
    if (std::abs(ratio - 1) > m_policy.tolerance) {
        recommended = int(std::ceil(current * ratio));
    }
    recommended = std::min(recommended, std::max(current * 2, current + 4)); // +100 % or +4 a step
    recommended = std::clamp(recommended, m_policy.minimum, m_policy.maximum);
    // Down: the highest recommendation of the window, so a dip does not shrink it.
    m_recommendations.append({now, recommended});
    m_recommendations.removeIf(
        [&](const std::pair<QDateTime, int> &entry) { return entry.first.secsTo(now) > m_policy.downWindow.count(); });
    int highest = recommended;
    for (const auto &[when, value] : std::as_const(m_recommendations)) {
        highest = std::max(highest, value);
    }
    decision.desired = recommended < current ? std::min(current, highest) : recommended;
    const QString load = i18nc("@info autoscaler: metric, load, target", "%1 %2 against a %3 target", metric,
        percent(decision.average), percent(m_policy.target));
    if (!decision.changes()) {
        if (std::abs(ratio - 1) <= m_policy.tolerance) {
            decision.reason = i18nc("@info autoscaler: the load sentence, tolerance, replicas",
                "%1, within %2: %3 replicas stay", load, percent(m_policy.tolerance * 100), current);
        } else if (recommended < current) {
            decision.reason = i18nc("@info autoscaler: the load sentence, minutes, replicas",
                "%1, but the last %2 minutes asked for more: %3 replicas stay", load, m_policy.downWindow.count() / 60,
                current);
        } else if (ratio > 1 && current >= m_policy.maximum) {
            decision.reason = i18nc(
                "@info autoscaler: the load sentence, replicas", "%1, at its maximum: %2 replicas stay", load, current);
        } else if (ratio < 1 && current <= m_policy.minimum) {
            decision.reason = i18nc(
                "@info autoscaler: the load sentence, replicas", "%1, at its minimum: %2 replicas stay", load, current);
        } else {
            decision.reason
                = i18nc("@info autoscaler: the load sentence, replicas", "%1: %2 replicas stay", load, current);
        }
        return decision;
    }
    decision.reason = i18nc(
        "@info autoscaler: the load sentence, from, to", "%1: %2 → %3 replicas", load, current, decision.desired);
    return decision;
}

} // namespace Flotilla::Autoscaling
