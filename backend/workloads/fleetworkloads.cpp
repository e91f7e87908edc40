// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/fleetworkloads.h"

#include "fleet/arrival.h"
#include "provisioning/imagelibrary.h"

namespace Flotilla::FleetWorkloads
{

namespace
{
constexpr quint64 MiB = 1ULL << 20;
constexpr quint64 GiB = 1ULL << 30;
constexpr quint64 seedBytes = MiB; ///< a NoCloud seed is a few KiB in a 1 MiB volume, at most
/// How far a node's memory may be promised to running machines: guests
/// seldom use all they are given, and the balloon gives back what they do not.
/// Proxmox and oVirt allow as much by default; docs/WORKLOADS.md says so.
constexpr double overcommit = 1.5;
} // namespace

QList<Workload> gather(const Fleet &fleet)
{
    QList<Workloads::Seen> seen;
    for (const Fleet::Node &node : fleet.nodes()) {
        for (const Machine &machine : node.machines.machines()) {
            seen.append({node.entry.id, &machine});
        }
    }
    return Workloads::gather(seen);
}

QMap<QString, int> images(const Fleet &fleet)
{
    QMap<QString, int> holders;
    for (const Fleet::Node &node : fleet.nodes()) {
        QSet<QString> here;
        for (const NodeVolume &volume : node.stock.volumes) {
            const bool image = volume.format == QLatin1StringView("qcow2") || volume.format == QLatin1StringView("raw");
            if (image && !ImageLibrary::isMachineVolume(volume.name) && volume.backingFile.isEmpty()) {
                here.insert(volume.name);
            }
        }
        for (const QString &name : std::as_const(here)) {
            ++holders[name];
        }
    }
    return holders;
}

QString widestImage(const Fleet &fleet)
{
    const QMap<QString, int> held = images(fleet);
    QString widest;
    for (auto image = held.cbegin(); image != held.cend(); ++image) {
        widest = widest.isEmpty() || image.value() > held.value(widest) ? image.key() : widest;
    }
    return widest;
}

bool nameTaken(const Fleet &fleet, const QString &name)
{
    return std::ranges::any_of(fleet.nodes(), [&](const Fleet::Node &node) {
        return std::ranges::any_of(node.machines.machines(), [&](const Machine &machine) {
            return !machine.metadata.workloadId.isEmpty() && machine.metadata.workload == name;
        });
    });
}

Placement::Need needOf(const MachineTemplate &machineTemplate)
{
    const quint64 root = machineTemplate.linkedClone ? 0 : quint64(machineTemplate.rootGiB) * GiB;
    return Placement::Need{.vcpus = machineTemplate.vcpus,
        .memoryBytes = quint64(machineTemplate.memoryMiB) * MiB,
        .diskBytes = root + quint64(machineTemplate.dataGiB) * GiB + seedBytes,
        .image = machineTemplate.image,
        .imageRequired = !machineTemplate.image.isEmpty()};
}

namespace
{
/// @p node's capacity and use, with @p workloadId's replicas on it counted; no pools yet.
Placement::Node placementNode(const Fleet &fleet, const Fleet::Node &node, const QString &workloadId)
{
    Placement::Node placed{.id = node.entry.id,
        .name = node.entry.name,
        .country = node.entry.location.countryCode,
        .tags = node.entry.tags,
        .up = isUp(node.status.state) && fleet.heartbeat().isAnswering(node.entry.id),
        .maintenance = node.entry.maintenance,
        .cpus = node.facts.cpus,
        .memoryBytes = node.facts.memoryBytes,
        .overcommit = overcommit};
    for (const Machine &machine : node.machines.machines()) {
        if (machine.isActive()) {
            placed.vcpusGiven += machine.vcpus;
            placed.memoryGivenBytes += machine.memoryBytes;
        }
        placed.replicas += !workloadId.isEmpty() && machine.metadata.workloadId == workloadId ? 1 : 0;
    }
    for (const NodeVolume &volume : node.stock.volumes) {
        placed.images.append(volume.name);
    }
    return placed;
}
} // namespace

QList<Placement::Node> nodesFor(const Fleet &fleet, const Workload &workload)
{
    QList<Placement::Node> nodes;
    const QString &image = workload.machineTemplate.image;
    for (const Fleet::Node &node : fleet.nodes()) {
        Placement::Node placed = placementNode(fleet, node, workload.id);
        QSet<QString> poolsWithImage;
        for (const NodeVolume &volume : node.stock.volumes) {
            if (volume.name == image) {
                poolsWithImage.insert(volume.pool);
            }
        }
        for (const StoragePool &pool : node.pools) {
            if (pool.active && (image.isEmpty() || poolsWithImage.contains(pool.name))) {
                placed.pools.append({.name = pool.name, .freeBytes = pool.availableBytes});
            }
        }
        nodes.append(placed);
    }
    return nodes;
}

Placement::Need needOf(const Fleet &fleet, const QString &source, const Machine &machine)
{
    // A machine that is off takes no memory or CPU time where it arrives
    // until it is started; its disks take room at once.
    return Placement::Need{.vcpus = machine.vcpus,
        .memoryBytes = machine.isActive() ? machine.memoryBytes : 0,
        .diskBytes = Arrival::copyBytes(fleet, source, machine),
        .unit = Placement::Need::Unit::Machine};
}

QList<Placement::Node> nodesForMachines(const Fleet &fleet, const QString &workloadId)
{
    QList<Placement::Node> nodes;
    for (const Fleet::Node &node : fleet.nodes()) {
        Placement::Node placed = placementNode(fleet, node, workloadId);
        for (const StoragePool &pool : Arrival::pools(fleet, node.entry.id)) {
            placed.pools.append({.name = pool.name, .freeBytes = pool.availableBytes});
        }
        nodes.append(placed);
    }
    return nodes;
}

QString placementNote(const Fleet &fleet, const QString &source, const Machine &machine, const QString &target)
{
    // A replica carries its workload's policy: read from it, not from every
    // workload rebuilt (the dialog asks again at each change of the fleet).
    Placement::Policy policy;
    if (!machine.metadata.workloadId.isEmpty()) {
        if (const Result<WorkloadPolicy> own = Workloads::policyFromJson(machine.metadata.policy.toUtf8())) {
            policy = own.value().placement;
        }
    }
    QStringList pools;
    return Placement::check(
        needOf(fleet, source, machine), policy, nodesForMachines(fleet, machine.metadata.workloadId), {target}, &pools);
}

Placement::Plan place(const Fleet &fleet, const Workload &workload, int count)
{
    return Placement::place(
        needOf(workload.machineTemplate), count, workload.policy.placement, nodesFor(fleet, workload));
}

} // namespace Flotilla::FleetWorkloads
