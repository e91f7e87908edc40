// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demo/demoactivity.h"

#include <QMutex>

#include <QHashFunctions>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Flotilla
{

namespace
{

/// A stable number in [0, 1) for a name and a purpose.
double trait(const QString &name, int purpose)
{
    return double(qHash(name, size_t(purpose) * 7919u) % 10007u) / 10007.0;
}

} // namespace

DemoActivity::Traits DemoActivity::traitsOf(const QString &name)
{
    Traits traits;
    for (size_t purpose = 0; purpose < traits.size(); ++purpose) {
        traits[purpose] = trait(name, int(purpose));
    }
    return traits;
}

namespace
{
/// The knob's settings, shared by every node's session thread.
struct WorkloadLoads {
    QMutex mutex;
    QHash<QString, double> byWorkload;
};

WorkloadLoads &workloadLoads()
{
    static WorkloadLoads loads;
    return loads;
}
} // namespace

void DemoActivity::setWorkloadLoad(const QString &workloadId, double load)
{
    WorkloadLoads &loads = workloadLoads();
    const QMutexLocker lock(&loads.mutex);
    if (load < 0) {
        loads.byWorkload.remove(workloadId);
    } else {
        loads.byWorkload.insert(workloadId, std::min(load, 1.0));
    }
}

double DemoActivity::workloadLoad(const QString &workloadId)
{
    WorkloadLoads &loads = workloadLoads();
    const QMutexLocker lock(&loads.mutex);
    return loads.byWorkload.value(workloadId, -1);
}

double DemoActivity::load(const Traits &trait, double seconds)
{
    // Its own level plus two slow waves, in [0, 1].
    const double level = 0.05 + 0.6 * trait[1] * trait[1];
    const double wave = 0.15 * std::sin(seconds / (40.0 + 200.0 * trait[2]) * 2 * std::numbers::pi + 6.3 * trait[3])
        + 0.05 * std::sin(seconds / 7.0 + 6.3 * trait[4]);
    return std::clamp(level + wave, 0.01, 1.0);
}

MachineCounters DemoActivity::simulate(const Machine &machine, Totals &totals, qint64 nowMs, double elapsed)
{
    // A paused machine's counters stand still.
    const double dt = totals.lastMs > 0 && machine.isRunning() ? double(nowMs - totals.lastMs) / 1000.0 : 0.0;
    totals.lastMs = nowMs;
    const Traits &trait = totals.traits;
    const double raised = machine.metadata.workloadId.isEmpty() ? -1 : workloadLoad(machine.metadata.workloadId);
    const double now = std::max(load(trait, double(nowMs) / 1000.0), raised);
    const int vcpus = std::max(1, machine.vcpus);
    totals.cpuNs += now * vcpus * dt * 1e9;
    totals.diskRead += now * trait[5] * 40e6 * dt;
    totals.diskWrite += now * trait[6] * 15e6 * dt;
    totals.net += now * trait[7] * 25e6 * dt;
    const double memoryKiB = double(machine.memoryBytes) / 1024.0;
    const double used = memoryKiB * (0.25 + 0.5 * trait[8] + 0.1 * now);
    if (machine.isRunning()) {
        m_tickBusyNs += now * vcpus * elapsed * 1e9;
    }
    m_memoryUsedKiB += used;
    return MachineCounters{
        .uuid = machine.uuid,
        .vcpus = vcpus,
        .cpuTimeNs = quint64(totals.cpuNs),
        .memoryAvailableKiB = quint64(memoryKiB),
        .memoryUnusedKiB = quint64(std::max(0.0, memoryKiB - used)),
        .diskReadBytes = quint64(totals.diskRead),
        .diskWriteBytes = quint64(totals.diskWrite),
        .diskReadRequests = quint64(totals.diskRead / 16384.0),
        .diskWriteRequests = quint64(totals.diskWrite / 8192.0),
        .netRxBytes = quint64(totals.net),
        .netTxBytes = quint64(totals.net * 0.4),
    };
}

void DemoActivity::fillIn(QList<MachineCounters> &read, const QHash<QString, Machine> &machines, qint64 nowMs)
{
    const double elapsed = m_lastMs > 0 ? double(nowMs - m_lastMs) / 1000.0 : 0.0;
    m_tickBusyNs = 0;
    m_memoryUsedKiB = 0;
    ++m_round;
    // Paused and crashed machines, which the node still reports active, do
    // nothing in the demo: they have no live figures, as before. One lookup
    // of each machine: this runs for every machine of a demo node, each second.
    qsizetype kept = 0;
    for (qsizetype i = 0; i < read.size(); ++i) {
        const auto machine = machines.constFind(read[i].uuid);
        if (machine != machines.cend() && !machine->isRunning()) {
            continue;
        }
        if (machine != machines.cend()) { // else not in the inventory yet: its event is on the way
            fillInOne(read[i], *machine, nowMs, elapsed);
        }
        if (kept != i) {
            read[kept] = std::move(read[i]);
        }
        ++kept;
    }
    read.resize(kept);
    // Machines no longer reported start again from zero.
    m_totals.removeIf([this](const auto &entry) { return entry.value().round != m_round; });
    m_busyNs += m_tickBusyNs;
    m_firstMs = m_firstMs > 0 ? m_firstMs : nowMs;
    m_lastMs = nowMs;
}

void DemoActivity::fillInOne(MachineCounters &counters, const Machine &machine, qint64 nowMs, double elapsed)
{
    auto totals = m_totals.find(counters.uuid);
    if (totals == m_totals.end()) {
        totals = m_totals.insert(counters.uuid, Totals{.traits = traitsOf(machine.name)});
    }
    totals->round = m_round;
    const MachineCounters simulated = simulate(machine, *totals, nowMs, elapsed);
    counters.vcpus = counters.vcpus > 0 ? counters.vcpus : simulated.vcpus;
    const auto fill
        = [](std::optional<quint64> &field, std::optional<quint64> value) { field = field ? field : value; };
    fill(counters.cpuTimeNs, simulated.cpuTimeNs);
    fill(counters.memoryAvailableKiB, simulated.memoryAvailableKiB);
    fill(counters.memoryUnusedKiB, simulated.memoryUnusedKiB);
    fill(counters.diskReadBytes, simulated.diskReadBytes);
    fill(counters.diskWriteBytes, simulated.diskWriteBytes);
    fill(counters.diskReadRequests, simulated.diskReadRequests);
    fill(counters.diskWriteRequests, simulated.diskWriteRequests);
    fill(counters.netRxBytes, simulated.netRxBytes);
    fill(counters.netTxBytes, simulated.netTxBytes);
}

NodeCounters DemoActivity::node(const NodeFacts &facts) const
{
    const double cpus = std::max(1, facts.cpus);
    // The node's clock runs as fast as all its CPUs together; a little of it is its own.
    const double total = double(m_lastMs - m_firstMs) / 1000.0 * cpus * 1e9;
    const double hostKiB = double(facts.memoryBytes) / 1024.0;
    return NodeCounters{
        .cpuBusyNs = quint64(std::min(m_busyNs + total * 0.03, total)),
        .cpuTotalNs = quint64(total),
        .memoryTotalKiB = quint64(hostKiB),
        .memoryAvailableKiB = quint64(std::max(0.0, hostKiB * 0.95 - m_memoryUsedKiB)),
    };
}

} // namespace Flotilla
