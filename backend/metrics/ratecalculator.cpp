// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "metrics/ratecalculator.h"

namespace Flotilla::RateCalculator
{

namespace
{

/// The increase of a counter per second, or NaN.
double perSecond(const std::optional<quint64> &before, const std::optional<quint64> &now, double seconds)
{
    if (!before || !now || *now < *before || seconds <= 0) {
        return NAN;
    }
    return double(*now - *before) / seconds;
}

} // namespace

double memoryUsedBytes(const MachineCounters &counters)
{
    if (counters.memoryAvailableKiB && counters.memoryUnusedKiB
        && *counters.memoryUnusedKiB <= *counters.memoryAvailableKiB) {
        return double(*counters.memoryAvailableKiB - *counters.memoryUnusedKiB) * 1024.0;
    }
    if (counters.memoryRssKiB) {
        return double(*counters.memoryRssKiB) * 1024.0;
    }
    return NAN;
}

MachineRates machine(const MachineCounters &before, const MachineCounters &now, double seconds, int hostCpus)
{
    MachineRates result{.uuid = now.uuid};
    Rates &rates = result.rates;
    const double cpuNsPerSecond = perSecond(before.cpuTimeNs, now.cpuTimeNs, seconds);
    if (!std::isnan(cpuNsPerSecond) && now.vcpus > 0) {
        // One busy vCPU burns 1e9 ns per second.
        at(rates, Channel::CpuPercent) = std::min(100.0, cpuNsPerSecond / 1e9 / now.vcpus * 100.0);
        if (hostCpus > 0) {
            result.cpuHostPercent = std::min(100.0, cpuNsPerSecond / 1e9 / hostCpus * 100.0);
        }
    }
    at(rates, Channel::MemoryUsedBytes) = memoryUsedBytes(now);
    at(rates, Channel::DiskReadBytesPerSecond) = perSecond(before.diskReadBytes, now.diskReadBytes, seconds);
    at(rates, Channel::DiskWriteBytesPerSecond) = perSecond(before.diskWriteBytes, now.diskWriteBytes, seconds);
    at(rates, Channel::DiskReadsPerSecond) = perSecond(before.diskReadRequests, now.diskReadRequests, seconds);
    at(rates, Channel::DiskWritesPerSecond) = perSecond(before.diskWriteRequests, now.diskWriteRequests, seconds);
    at(rates, Channel::NetReceiveBytesPerSecond) = perSecond(before.netRxBytes, now.netRxBytes, seconds);
    at(rates, Channel::NetSendBytesPerSecond) = perSecond(before.netTxBytes, now.netTxBytes, seconds);
    return result;
}

Rates node(const NodeCounters &before, const NodeCounters &now)
{
    Rates rates = unknownRates();
    if (before.cpuBusyNs && now.cpuBusyNs && before.cpuTotalNs && now.cpuTotalNs && *now.cpuTotalNs > *before.cpuTotalNs
        && *now.cpuBusyNs >= *before.cpuBusyNs) {
        const double busy = double(*now.cpuBusyNs - *before.cpuBusyNs);
        const double total = double(*now.cpuTotalNs - *before.cpuTotalNs);
        at(rates, Channel::CpuPercent) = std::min(100.0, busy / total * 100.0);
    }
    if (now.memoryTotalKiB && now.memoryAvailableKiB && *now.memoryAvailableKiB <= *now.memoryTotalKiB) {
        at(rates, Channel::MemoryUsedBytes) = double(*now.memoryTotalKiB - *now.memoryAvailableKiB) * 1024.0;
    }
    return rates;
}

void addMachineTraffic(Rates &node, const QList<MachineRates> &machines)
{
    for (const Channel channel :
        {Channel::DiskReadBytesPerSecond, Channel::DiskWriteBytesPerSecond, Channel::DiskReadsPerSecond,
            Channel::DiskWritesPerSecond, Channel::NetReceiveBytesPerSecond, Channel::NetSendBytesPerSecond}) {
        if (!std::isnan(at(node, channel))) {
            continue; // the node's own figure
        }
        double sum = 0;
        bool known = machines.isEmpty();
        for (const MachineRates &machine : machines) {
            const double value = at(machine.rates, channel);
            if (!std::isnan(value)) {
                sum += value;
                known = true;
            }
        }
        at(node, channel) = known ? sum : NAN;
    }
}

} // namespace Flotilla::RateCalculator
