// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// Where a drained node's machines go (NodeDrain::plan).
#include "workloads/nodedrain.h"

#include "fleet/arrival.h"
#include "workloads/fleetworkloads.h"
#include "workloads/workloadsecrets.h"

#include <KLocalizedString>

#include <algorithm>
#include <optional>

namespace Flotilla
{

namespace
{

using Departure = NodeDrain::Departure;

/// What a drain plans with: every other node's capacity and use, grown by
/// each departure placed, and the workloads as they stand.
struct Drain {
    const Fleet &fleet;
    const Fleet::Node &node;
    QList<Placement::Node> others; ///< for machines: pools of files, replicas = machines placed there so far
    QList<Workload> workloads;
    QHash<QString, QList<Placement::Node>> forWorkload; ///< for recreated replicas, each workload's own view

    /// Counts @p need on node @p id in every view: all of it in the
    /// machines' view and in @p workloadId's (a replica recreated), its
    /// vCPUs and memory in the other workloads'.
    void take(const QString &id, const Placement::Need &need, const QString &pool, const QString &workloadId = {})
    {
        for (Placement::Node &other : others) {
            if (other.id == id) {
                Placement::take(other, need, pool);
            }
        }
        for (auto view = forWorkload.begin(); view != forWorkload.end(); ++view) {
            for (Placement::Node &other : *view) {
                if (other.id != id) {
                    continue;
                }
                if (view.key() == workloadId) {
                    Placement::take(other, need, pool);
                } else {
                    other.vcpusGiven += need.vcpus;
                    other.memoryGivenBytes += need.memoryBytes;
                }
            }
        }
    }
};

QList<Placement::Node> without(QList<Placement::Node> nodes, const QString &id)
{
    nodes.removeIf([&id](const Placement::Node &node) { return node.id == id; });
    return nodes;
}

const Workload *workloadOf(const Drain &drain, const Machine &machine)
{
    const auto found = std::ranges::find(drain.workloads, machine.metadata.workloadId, &Workload::id);
    return machine.metadata.workloadId.isEmpty() || found == drain.workloads.end() ? nullptr : &*found;
}

/// Why @p machine, a replica of @p workload, moves as itself rather than
/// being made anew: it holds state a new replica would not have (a data
/// disk, a k3s server's share of the cluster's database), or its setup
/// names secrets that only the Flotilla that made it may hold. Empty when
/// a new one can take its place.
QString keepsItself(const Workload &workload, const Machine &machine)
{
    const auto replica = std::ranges::find(workload.replicas, machine.uuid, &Replica::uuid);
    if (replica != workload.replicas.end() && !Workloads::dataDiskOf(*replica).isEmpty()) {
        return i18nc("@info %1 a workload", "A replica of %1 with a data disk, which moves with it.", workload.name);
    }
    if (workload.machineTemplate.cluster.role == QLatin1StringView("server")) {
        return i18nc("@info %1 a workload",
            "A server of the k3s cluster %1: it moves as itself, keeping its share of the cluster's database.",
            workload.name);
    }
    if (const QStringList secrets = WorkloadSecrets::namesIn(workload.machineTemplate.setup); !secrets.isEmpty()) {
        return i18nc("@info %1 a workload, %2 secrets' names",
            "A replica of %1: it moves as itself, as a new one would need the secrets %2 from the keyring of the "
            "Flotilla that made the workload.",
            workload.name, secrets.join(QStringLiteral(", ")));
    }
    return {};
}

/// Why @p machine cannot leave now, whatever the node; empty when it can.
QString cannotLeave(const Machine &machine)
{
    if (!machine.metadata.unfinished.isEmpty()) {
        return i18nc("@info", "It is still being made; drain again once it is whole.");
    }
    if (machine.state != MachineState::Off && !machine.isRunning()) {
        return i18nc("@info", "It is paused; resume it or shut it down, then drain again.");
    }
    if (machine.snapshotCount > 0) {
        return i18nc("@info", "It has snapshots, which do not travel between nodes; delete them, then drain again.");
    }
    return {};
}

/// A replica of @p workload recreated on another node, if its policy allows one.
std::optional<Departure> recreated(Drain &drain, const Workload &workload, const Machine &machine)
{
    if (!drain.forWorkload.contains(workload.id)) {
        drain.forWorkload.insert(
            workload.id, without(FleetWorkloads::nodesFor(drain.fleet, workload), drain.node.entry.id));
    }
    QList<Placement::Node> &view = drain.forWorkload[workload.id];
    const Placement::Need need = FleetWorkloads::needOf(workload.machineTemplate);
    const Placement::Plan placed = Placement::place(need, 1, workload.policy.placement, view);
    if (!placed.isComplete()) {
        return std::nullopt;
    }
    const QString target = placed.nodeIds.first();
    const auto verdict = std::ranges::find(placed.verdicts, target, &Placement::Verdict::nodeId);
    drain.take(target, need, placed.pools.first(), workload.id);
    const Placement::Node &node = *std::ranges::find(view, target, &Placement::Node::id);
    return Departure{.kind = Departure::Kind::Recreate,
        .uuid = machine.uuid,
        .name = machine.name,
        .workloadId = workload.id,
        .targetId = target,
        .targetName = node.name,
        .pool = placed.pools.first(),
        .reason = i18nc("@info %1 a workload, %2 a node, %3 the placement's explanation",
            "A replica of %1 that holds no data of its own: a new one is made on %2 from the workload's template, "
            "and this one is removed once it is. %3",
            workload.name, node.name, verdict->explanation)};
}

QString liveOrCold(
    const Fleet &fleet, const Fleet::Node &source, const QString &target, const Machine &machine, Departure::Kind *kind)
{
    const Fleet::Node *arriving = fleet.node(target);
    if (!machine.isRunning()) {
        *kind = Departure::Kind::Move;
        return i18nc("@info", "Cold, as it is off.");
    }
    if (source.simulatedActivity || (arriving && arriving->simulatedActivity)) {
        *kind = Departure::Kind::Move;
        return i18nc("@info", "Cold: it shuts down and starts there, as demo nodes cannot move machines live.");
    }
    *kind = Departure::Kind::LiveMove;
    return i18nc("@info", "Live: it keeps running while it moves.");
}

/// What set a node apart for one machine of those leaving: placement's
/// own words, but for spreading, which here spreads the machines leaving.
QString reasonFor(Placement::Term::Kind kind)
{
    switch (kind) {
    case Placement::Term::Kind::SpreadNodes:
        return i18nc("@info drain: what set a node apart", "few of the others leaving going there");
    case Placement::Term::Kind::SpreadCountries:
        return i18nc("@info drain: what set a node apart", "few of the others leaving going to its country");
    default:
        return Placement::describe(kind);
    }
}

/// @p machine moved to the node that suits it best, or staying with why.
Departure moved(Drain &drain, const Machine &machine, const QString &note)
{
    const Workload *workload = workloadOf(drain, machine);
    const Placement::Policy policy = workload ? workload->policy.placement : Placement::Policy{};
    const Placement::Need need = FleetWorkloads::needOf(drain.fleet, drain.node.entry.id, machine);
    QList<Placement::Node> candidates;
    QStringList refused;
    for (Placement::Node candidate : std::as_const(drain.others)) {
        if (const QString why = Arrival::nodeProblem(drain.fleet, candidate.id, machine, machine.name);
            !why.isEmpty()) {
            refused.append(why);
            continue;
        }
        if (workload) { // its workload's replicas there, for its policy's limits
            candidate.replicas = int(std::ranges::count(workload->replicas, candidate.id, &Replica::nodeId));
        }
        candidates.append(candidate);
    }
    Departure departure{.uuid = machine.uuid, .name = machine.name};
    const Placement::Plan placed = Placement::place(need, 1, policy, candidates);
    if (!placed.isComplete()) {
        for (const Placement::Verdict &verdict : placed.verdicts) {
            refused.append(verdict.explanation);
        }
        departure.kind = Departure::Kind::Stay;
        departure.reason = i18nc("@info %1 is each node and why it does not take the machine", "No node takes it: %1",
            refused.join(QStringLiteral("; ")));
        return departure;
    }
    departure.targetId = placed.nodeIds.first();
    departure.pool = placed.pools.first();
    departure.targetName = drain.fleet.node(departure.targetId)->entry.name;
    const auto verdict = std::ranges::find(placed.verdicts, departure.targetId, &Placement::Verdict::nodeId);
    QStringList edge;
    for (const Placement::Term::Kind kind : verdict->edge) {
        edge.append(reasonFor(kind));
    }
    const QString how = liveOrCold(drain.fleet, drain.node, departure.targetId, machine, &departure.kind);
    const QString why = edge.isEmpty()
        ? i18nc("@info %1 a node", "To %1, as good as the others and first in the list.", departure.targetName)
        : i18nc("@info %1 a node, %2 what set it apart", "To %1, for %2.", departure.targetName,
              edge.join(i18nc("@info between reasons", " and ")));
    departure.reason = QStringList{how, why, note}.join(QLatin1Char(' ')).trimmed();
    drain.take(departure.targetId, need, departure.pool);
    return departure;
}

} // namespace

QList<NodeDrain::Departure> NodeDrain::plan(const Fleet &fleet, const QString &nodeId)
{
    const Fleet::Node *node = fleet.node(nodeId);
    if (!node) {
        return {};
    }
    Drain drain{.fleet = fleet,
        .node = *node,
        .others = without(FleetWorkloads::nodesForMachines(fleet), nodeId),
        .workloads = FleetWorkloads::gather(fleet)};
    // The biggest first: they have the fewest places to go (by name among
    // equals, so the same fleet gives the same plan).
    QList<const Machine *> machines;
    for (const Machine &machine : node->machines.machines()) {
        machines.append(&machine);
    }
    std::ranges::stable_sort(machines, [](const Machine *a, const Machine *b) {
        if (a->memoryBytes != b->memoryBytes || a->vcpus != b->vcpus) {
            return std::pair(a->memoryBytes, a->vcpus) > std::pair(b->memoryBytes, b->vcpus);
        }
        return a->name < b->name;
    });
    QList<Departure> departures;
    QList<Departure> moves;
    for (const Machine *machine : std::as_const(machines)) {
        if (const QString why = cannotLeave(*machine); !why.isEmpty()) {
            moves.append(
                Departure{.kind = Departure::Kind::Stay, .uuid = machine->uuid, .name = machine->name, .reason = why});
            continue;
        }
        const Workload *workload = workloadOf(drain, *machine);
        if (!workload) {
            continue; // placed below, after the replicas
        }
        if (!keepsItself(*workload, *machine).isEmpty()) {
            continue;
        }
        if (std::optional<Departure> recreate = recreated(drain, *workload, *machine)) {
            departures.append(*recreate);
        }
    }
    for (const Machine *machine : std::as_const(machines)) {
        const bool placed = std::ranges::any_of(
            departures + moves, [machine](const Departure &departure) { return departure.uuid == machine->uuid; });
        if (placed) {
            continue;
        }
        const Workload *workload = workloadOf(drain, *machine);
        QString note;
        if (workload) {
            note = keepsItself(*workload, *machine);
            note = !note.isEmpty()
                ? note
                : i18nc("@info %1 a workload",
                      "A replica of %1, moved as it is: its policy allows no other node for a new one.",
                      workload->name);
        }
        moves.append(moved(drain, *machine, note));
    }
    return departures + moves;
}

} // namespace Flotilla
