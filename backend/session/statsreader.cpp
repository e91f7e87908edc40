// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/statsreader.h"

#include "libvirt/libvirthandles.h"

#include <KLocalizedString>

#include <libvirt/virterror.h>

namespace Flotilla::StatsReader
{

namespace
{

std::optional<quint64> number(virTypedParameterPtr params, int count, const QByteArray &name)
{
    unsigned long long value = 0;
    if (virTypedParamsGetULLong(params, count, name.constData(), &value) == 1) {
        return value;
    }
    unsigned int small = 0;
    if (virTypedParamsGetUInt(params, count, name.constData(), &small) == 1) {
        return small;
    }
    return std::nullopt;
}

/// Sums "PREFIX.N.FIELD" over N < "PREFIX.count"; empty if no item reports it.
std::optional<quint64> summed(virTypedParameterPtr params, int count, const char *prefix, const char *field)
{
    const std::optional<quint64> items = number(params, count, QByteArray(prefix) + ".count");
    std::optional<quint64> total;
    for (quint64 i = 0; items && i < *items; ++i) {
        if (const auto value = number(params, count, QByteArray(prefix) + '.' + QByteArray::number(i) + '.' + field)) {
            total = total.value_or(0) + *value;
        }
    }
    return total;
}

std::optional<quint64> nodeField(const QList<std::pair<QByteArray, quint64>> &fields, const char *name)
{
    for (const auto &[field, value] : fields) {
        if (field == name) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace

MachineCounters fromTypedParameters(const QString &uuid, virTypedParameterPtr params, int count)
{
    MachineCounters counters{.uuid = uuid};
    counters.vcpus = int(number(params, count, "vcpu.current").value_or(0));
    counters.cpuTimeNs = number(params, count, "cpu.time");
    counters.memoryAvailableKiB = number(params, count, "balloon.available");
    counters.memoryUnusedKiB = number(params, count, "balloon.unused");
    counters.memoryRssKiB = number(params, count, "balloon.rss");
    counters.diskReadBytes = summed(params, count, "block", "rd.bytes");
    counters.diskWriteBytes = summed(params, count, "block", "wr.bytes");
    counters.diskReadRequests = summed(params, count, "block", "rd.reqs");
    counters.diskWriteRequests = summed(params, count, "block", "wr.reqs");
    counters.netRxBytes = summed(params, count, "net", "rx.bytes");
    counters.netTxBytes = summed(params, count, "net", "tx.bytes");
    return counters;
}

Result<QList<MachineCounters>> readMachines(virConnectPtr connection)
{
    virDomainStatsRecordPtr *records = nullptr;
    const unsigned int groups = VIR_DOMAIN_STATS_CPU_TOTAL | VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU
        | VIR_DOMAIN_STATS_INTERFACE | VIR_DOMAIN_STATS_BLOCK;
    const int count
        = virConnectGetAllDomainStats(connection, groups, &records, VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read the machines' statistics"));
    }
    QList<MachineCounters> machines;
    machines.reserve(count);
    for (int i = 0; i < count; ++i) {
        char uuid[VIR_UUID_STRING_BUFLEN];
        if (virDomainGetUUIDString(records[i]->dom, uuid) == 0) {
            machines.append(fromTypedParameters(QString::fromLatin1(uuid), records[i]->params, records[i]->nparams));
        }
    }
    virDomainStatsRecordListFree(records);
    return machines;
}

Result<NodeCounters> readNode(virConnectPtr connection)
{
    NodeCounters counters;
    int cpuCount = 0;
    if (virNodeGetCPUStats(connection, VIR_NODE_CPU_STATS_ALL_CPUS, nullptr, &cpuCount, 0) == 0 && cpuCount > 0) {
        std::vector<virNodeCPUStats> stats(static_cast<size_t>(cpuCount));
        if (virNodeGetCPUStats(connection, VIR_NODE_CPU_STATS_ALL_CPUS, stats.data(), &cpuCount, 0) == 0) {
            QList<std::pair<QByteArray, quint64>> fields;
            for (const virNodeCPUStats &stat : stats) {
                fields.append({QByteArray(stat.field), stat.value});
            }
            const auto kernel = nodeField(fields, VIR_NODE_CPU_STATS_KERNEL);
            const auto user = nodeField(fields, VIR_NODE_CPU_STATS_USER);
            const auto idle = nodeField(fields, VIR_NODE_CPU_STATS_IDLE);
            const auto iowait = nodeField(fields, VIR_NODE_CPU_STATS_IOWAIT);
            if (kernel && user && idle) {
                counters.cpuBusyNs = *kernel + *user;
                counters.cpuTotalNs = *kernel + *user + *idle + iowait.value_or(0);
            }
        }
    }
    int memoryCount = 0;
    if (virNodeGetMemoryStats(connection, VIR_NODE_MEMORY_STATS_ALL_CELLS, nullptr, &memoryCount, 0) == 0
        && memoryCount > 0) {
        std::vector<virNodeMemoryStats> stats(static_cast<size_t>(memoryCount));
        if (virNodeGetMemoryStats(connection, VIR_NODE_MEMORY_STATS_ALL_CELLS, stats.data(), &memoryCount, 0) == 0) {
            QList<std::pair<QByteArray, quint64>> fields;
            for (const virNodeMemoryStats &stat : stats) {
                fields.append({QByteArray(stat.field), stat.value});
            }
            counters.memoryTotalKiB = nodeField(fields, VIR_NODE_MEMORY_STATS_TOTAL);
            const auto free = nodeField(fields, VIR_NODE_MEMORY_STATS_FREE);
            if (free) {
                counters.memoryAvailableKiB = *free + nodeField(fields, VIR_NODE_MEMORY_STATS_BUFFERS).value_or(0)
                    + nodeField(fields, VIR_NODE_MEMORY_STATS_CACHED).value_or(0);
            }
        }
    }
    virResetLastError(); // nodes that keep these to themselves are not broken
    return counters;
}

} // namespace Flotilla::StatsReader
