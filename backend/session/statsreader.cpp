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

/// A node's named figures (virNodeGetCPUStats, virNodeGetMemoryStats: the
/// same shape): @p read(nullptr, &n) asks how many, once (@p fields: 0 not
/// asked, -1 none); later reads fill that many at once.
template<typename Stat, typename Read>
QList<std::pair<QByteArray, quint64>> namedFigures(int &fields, Read read)
{
    QList<std::pair<QByteArray, quint64>> named;
    if (fields == 0 && read(nullptr, &fields) < 0) {
        fields = -1;
    }
    if (fields <= 0) {
        return named;
    }
    std::vector<Stat> stats(static_cast<size_t>(fields));
    int count = fields;
    if (read(stats.data(), &count) < 0) {
        fields = 0; // ask the count again next time
        return named;
    }
    for (int i = 0; i < count; ++i) {
        named.append({QByteArray(stats[size_t(i)].field), stats[size_t(i)].value});
    }
    return named;
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
    const auto cpu = namedFigures<virNodeCPUStats>(shape.cpuFields, [connection](virNodeCPUStats *stats, int *count) {
        return virNodeGetCPUStats(connection, VIR_NODE_CPU_STATS_ALL_CPUS, stats, count, 0);
    });
    const auto kernel = nodeField(cpu, VIR_NODE_CPU_STATS_KERNEL);
    const auto user = nodeField(cpu, VIR_NODE_CPU_STATS_USER);
    const auto idle = nodeField(cpu, VIR_NODE_CPU_STATS_IDLE);
    if (kernel && user && idle) {
        counters.cpuBusyNs = *kernel + *user;
        counters.cpuTotalNs = *kernel + *user + *idle + nodeField(cpu, VIR_NODE_CPU_STATS_IOWAIT).value_or(0);
    }
    const auto memory
        = namedFigures<virNodeMemoryStats>(shape.memoryFields, [connection](virNodeMemoryStats *stats, int *count) {
              return virNodeGetMemoryStats(connection, VIR_NODE_MEMORY_STATS_ALL_CELLS, stats, count, 0);
          });
    counters.memoryTotalKiB = nodeField(memory, VIR_NODE_MEMORY_STATS_TOTAL);
    if (const auto free = nodeField(memory, VIR_NODE_MEMORY_STATS_FREE)) {
        counters.memoryAvailableKiB = *free + nodeField(memory, VIR_NODE_MEMORY_STATS_BUFFERS).value_or(0)
            + nodeField(memory, VIR_NODE_MEMORY_STATS_CACHED).value_or(0);
    }
    virResetLastError(); // nodes that keep these to themselves are not broken
    return counters;
}

} // namespace Flotilla::StatsReader
