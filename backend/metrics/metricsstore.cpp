// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "metrics/metricsstore.h"

namespace Flotilla
{

void MetricsStore::record(qint64 timestamp, const Rates &node, const QList<MachineRates> &machines)
{
    const QMutexLocker lock(&m_mutex);
    m_node.append(timestamp, node);
    for (const MachineRates &machine : machines) {
        auto history = m_machines.find(machine.uuid);
        if (history == m_machines.end()) {
            history = m_machines.insert(machine.uuid, MachineHistory(machineTiers));
        }
        history->append(timestamp, machine.rates);
    }
}

void MetricsStore::forget(const QString &uuid)
{
    const QMutexLocker lock(&m_mutex);
    m_machines.remove(uuid);
}

QList<MachineHistory::Point> MetricsStore::machineWindow(const QString &uuid, qint64 seconds) const
{
    const QMutexLocker lock(&m_mutex);
    const auto history = m_machines.constFind(uuid);
    return history == m_machines.cend() ? QList<MachineHistory::Point>() : history->window(seconds);
}

QList<NodeHistory::Point> MetricsStore::nodeWindow(qint64 seconds) const
{
    const QMutexLocker lock(&m_mutex);
    return m_node.window(seconds);
}

QList<HistoryPoint> MetricsStore::machineClosedSince(const QString &uuid, int tier, qint64 since) const
{
    const QMutexLocker lock(&m_mutex);
    const auto history = m_machines.constFind(uuid);
    if (history == m_machines.cend() || tier < 0 || tier >= history->tierCount()) {
        return {};
    }
    return history->closedSince(tier, since);
}

QList<MetricsStore::TierPoints> MetricsStore::takeUnkept()
{
    const QMutexLocker lock(&m_mutex);
    QList<TierPoints> all;
    const auto add = [&all](const QString &machine, auto &history) {
        for (int tier = 0; tier < history.tierCount(); ++tier) {
            QList<HistoryPoint> points = history.takeUnkept(tier);
            if (!points.isEmpty()) {
                all.append(TierPoints{.machine = machine, .tier = tier, .points = std::move(points)});
            }
        }
    };
    add(QString(), m_node);
    for (auto machine = m_machines.begin(); machine != m_machines.end(); ++machine) {
        add(machine.key(), machine.value());
    }
    return all;
}

void MetricsStore::restore(const QList<TierPoints> &kept)
{
    const QMutexLocker lock(&m_mutex);
    for (const TierPoints &points : kept) {
        if (points.machine.isEmpty()) {
            if (points.tier < m_node.tierCount()) {
                m_node.restore(points.tier, points.points);
            }
            continue;
        }
        auto history = m_machines.find(points.machine);
        if (history == m_machines.end()) {
            history = m_machines.insert(points.machine, MachineHistory(machineTiers));
        }
        if (points.tier < history->tierCount()) {
            history->restore(points.tier, points.points);
        }
    }
}

bool MetricsStore::isEmpty() const
{
    const QMutexLocker lock(&m_mutex);
    return hasNoPoints();
}

bool MetricsStore::hasNoPoints() const
{
    for (int tier = 0; tier < m_node.tierCount(); ++tier) {
        if (!m_node.points(tier).isEmpty()) {
            return false;
        }
    }
    return m_machines.isEmpty();
}

void MetricsStore::takePast(MetricsStore &&past)
{
    const QMutexLocker lock(&m_mutex);
    if (!hasNoPoints()) {
        return;
    }
    const QMutexLocker pastLock(&past.m_mutex);
    m_node = std::move(past.m_node);
    m_machines = std::move(past.m_machines);
}

size_t MetricsStore::memoryBytes() const
{
    const QMutexLocker lock(&m_mutex);
    size_t bytes = m_node.memoryBytes();
    for (const MachineHistory &history : m_machines) {
        bytes += history.memoryBytes() + sizeof(QString) * 2;
    }
    return bytes;
}

int MetricsStore::machineCount() const
{
    const QMutexLocker lock(&m_mutex);
    return int(m_machines.size());
}

} // namespace Flotilla
