// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/statsreader.h"

#include "libvirt/libvirthandles.h"

#include <KLocalizedString>

#include <libvirt/virterror.h>

#include <string_view>

namespace Flotilla::StatsReader
{

namespace
{

/// A numeric parameter's value; empty for other kinds.
std::optional<quint64> valueOf(const virTypedParameter &param)
{
    switch (param.type) {
    case VIR_TYPED_PARAM_ULLONG:
        return param.value.ul;
    case VIR_TYPED_PARAM_UINT:
        return param.value.ui;
    default:
        return std::nullopt;
    }
}

void add(std::optional<quint64> &total, quint64 value)
{
    total = total.value_or(0) + value;
}

/// FIELD of "PREFIX.N.FIELD" (N a number); empty for any other name.
std::string_view itemField(std::string_view name, std::string_view prefix)
{
    if (!name.starts_with(prefix)) {
        return {};
    }
    name.remove_prefix(prefix.size());
    const size_t dot = name.find_first_not_of("0123456789");
    return dot == 0 || dot == std::string_view::npos || name[dot] != '.' ? std::string_view{} : name.substr(dot + 1);
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
    // One pass over the parameters: a node sends some twenty per machine,
    // every second, and looking each wanted one up by name is ten passes.
    MachineCounters counters{.uuid = uuid};
    for (int i = 0; i < count; ++i) {
        const std::optional<quint64> value = valueOf(params[i]);
        if (!value) {
            continue;
        }
        const std::string_view name = params[i].field;
        if (name == "cpu.time") {
            counters.cpuTimeNs = value;
        } else if (name == "vcpu.current") {
            counters.vcpus = int(*value);
        } else if (name == "balloon.available") {
            counters.memoryAvailableKiB = value;
        } else if (name == "balloon.unused") {
            counters.memoryUnusedKiB = value;
        } else if (name == "balloon.rss") {
            counters.memoryRssKiB = value;
        } else if (const std::string_view disk = itemField(name, "block."); !disk.empty()) {
            std::optional<quint64> *total = disk == "rd.bytes" ? &counters.diskReadBytes
                : disk == "wr.bytes"                           ? &counters.diskWriteBytes
                : disk == "rd.reqs"                            ? &counters.diskReadRequests
                : disk == "wr.reqs"                            ? &counters.diskWriteRequests
                                                               : nullptr;
            if (total) {
                add(*total, *value);
            }
        } else if (const std::string_view net = itemField(name, "net."); !net.empty()) {
            if (net == "rx.bytes") {
                add(counters.netRxBytes, *value);
            } else if (net == "tx.bytes") {
                add(counters.netTxBytes, *value);
            }
        }
    }
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
        if (const QString uuid = Libvirt::uuidOf(records[i]->dom); !uuid.isEmpty()) {
            machines.append(fromTypedParameters(uuid, records[i]->params, records[i]->nparams));
        }
    }
    virDomainStatsRecordListFree(records);
    return machines;
}

Result<NodeCounters> readNode(virConnectPtr connection, NodeStatsShape &shape)
{
    NodeCounters counters;
    if (shape.cpuFields == 0
        && virNodeGetCPUStats(connection, VIR_NODE_CPU_STATS_ALL_CPUS, nullptr, &shape.cpuFields, 0) < 0) {
        shape.cpuFields = -1;
    }
    if (shape.cpuFields > 0) {
        std::vector<virNodeCPUStats> stats(static_cast<size_t>(shape.cpuFields));
        int count = shape.cpuFields;
        if (virNodeGetCPUStats(connection, VIR_NODE_CPU_STATS_ALL_CPUS, stats.data(), &count, 0) == 0) {
            QList<std::pair<QByteArray, quint64>> fields;
            for (int i = 0; i < count; ++i) {
                fields.append({QByteArray(stats[size_t(i)].field), stats[size_t(i)].value});
            }
            const auto kernel = nodeField(fields, VIR_NODE_CPU_STATS_KERNEL);
            const auto user = nodeField(fields, VIR_NODE_CPU_STATS_USER);
            const auto idle = nodeField(fields, VIR_NODE_CPU_STATS_IDLE);
            const auto iowait = nodeField(fields, VIR_NODE_CPU_STATS_IOWAIT);
            if (kernel && user && idle) {
                counters.cpuBusyNs = *kernel + *user;
                counters.cpuTotalNs = *kernel + *user + *idle + iowait.value_or(0);
            }
        } else {
            shape.cpuFields = 0; // ask the count again next time
        }
    }
    if (shape.memoryFields == 0
        && virNodeGetMemoryStats(connection, VIR_NODE_MEMORY_STATS_ALL_CELLS, nullptr, &shape.memoryFields, 0) < 0) {
        shape.memoryFields = -1;
    }
    if (shape.memoryFields > 0) {
        std::vector<virNodeMemoryStats> stats(static_cast<size_t>(shape.memoryFields));
        int count = shape.memoryFields;
        if (virNodeGetMemoryStats(connection, VIR_NODE_MEMORY_STATS_ALL_CELLS, stats.data(), &count, 0) == 0) {
            QList<std::pair<QByteArray, quint64>> fields;
            for (int i = 0; i < count; ++i) {
                fields.append({QByteArray(stats[size_t(i)].field), stats[size_t(i)].value});
            }
            counters.memoryTotalKiB = nodeField(fields, VIR_NODE_MEMORY_STATS_TOTAL);
            const auto free = nodeField(fields, VIR_NODE_MEMORY_STATS_FREE);
            if (free) {
                counters.memoryAvailableKiB = *free + nodeField(fields, VIR_NODE_MEMORY_STATS_BUFFERS).value_or(0)
                    + nodeField(fields, VIR_NODE_MEMORY_STATS_CACHED).value_or(0);
            }
        } else {
            shape.memoryFields = 0;
        }
    }
    virResetLastError(); // nodes that keep these to themselves are not broken
    return counters;
}

} // namespace Flotilla::StatsReader
