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
