// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleet.h"
#include "workloads/placement.h"
#include "workloads/workload.h"

/// Workloads in the fleet's picture: those its nodes' replicas make up, and
/// placement's input: what a template's replica needs, and each node's
/// capacity, use and library as last read.
namespace Flotilla::FleetWorkloads
{

/// The workloads the machines of @p fleet's nodes make up.
[[nodiscard]] QList<Workload> gather(const Fleet &fleet);

/// The base images @p fleet's nodes hold (in their stock as last read),
/// by name, with how many nodes hold each.
[[nodiscard]] QMap<QString, int> images(const Fleet &fleet);
/// The image most of @p fleet's nodes hold, which leaves placement the most
/// choice (ties go to the first by name); empty when there is none.
[[nodiscard]] QString widestImage(const Fleet &fleet);
/// Whether a workload named @p name has replicas on @p fleet: a second one's
/// replicas' names would clash. Cheap: no workload is rebuilt.
[[nodiscard]] bool nameTaken(const Fleet &fleet, const QString &name);

/// What one replica of @p machineTemplate takes.
[[nodiscard]] Placement::Need needOf(const MachineTemplate &machineTemplate);

/// Every node of @p fleet as placement sees it for @p workload: its pools
/// are those that hold the template's image (replicas are made there), and
/// the workload's replicas on it are counted.
[[nodiscard]] QList<Placement::Node> nodesFor(const Fleet &fleet, const Workload &workload);

/// What @p machine, on @p source, takes where it moves: its vCPUs, its
/// memory while it runs, what a copy of its disks takes (Arrival::copyBytes).
[[nodiscard]] Placement::Need needOf(const Fleet &fleet, const QString &source, const Machine &machine);
/// Every node of @p fleet as placement sees it for a machine moving there:
/// its pools of files (where disks travel), and @p workloadId's replicas
/// on it counted (none for a machine of no workload).
[[nodiscard]] QList<Placement::Node> nodesForMachines(const Fleet &fleet, const QString &workloadId = {});
/// Whether @p machine, on @p source, fits on @p target by placement's
/// rules (a replica under the workload policy it carries too): why not, or
/// empty when it fits.
[[nodiscard]] QString placementNote(
    const Fleet &fleet, const QString &source, const Machine &machine, const QString &target);

/// Places @p count new replicas of @p workload on @p fleet.
[[nodiscard]] Placement::Plan place(const Fleet &fleet, const Workload &workload, int count);

} // namespace Flotilla::FleetWorkloads
