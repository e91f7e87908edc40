// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/processtoken.h"
#include "libvirt/libvirthandles.h"
#include "provisioning/cloudinit.h"
#include "provisioning/machinedefinition.h"
#include "provisioning/provisioningplan.h"

#include <QDateTime>

#include <functional>
#include <memory>

#include <libvirt/libvirt.h>

namespace Flotilla
{

/// A machine to make on a node from a base image in one of its pools.
struct MachineOrder {
    NewMachine machine; ///< its disks are filled in by the plan
    QString pool; ///< where its volumes go; the image is there too
    QString image; ///< the base image's volume name
    QString imageFormat; ///< "qcow2" or "raw"; "iso": an installer, which the machine boots with an empty root disk
    bool linkedClone = true; ///< a qcow2 overlay on the image; else a full copy
    quint64 rootBytes = 0; ///< at least the image's own size
    quint64 dataBytes = 0; ///< 0: no data disk
    QString dataVolume; ///< an existing data disk to attach (kept from an earlier machine); else one is made
    QString dataPool; ///< where the data disk is made or kept; empty: pool
    CloudInit::Seed seed; ///< empty: no seed
    bool start = true;
    /// Runs under emulation even where the node has KVM (as Proxmox's "KVM
    /// hardware virtualization: off"): for a guest of another architecture
    /// later, and for the tests, whose host's nested KVM is unreliable.
    bool emulated = false;

    [[nodiscard]] QString dataPoolOrPool() const { return dataPool.isEmpty() ? pool : dataPool; }
    /// Made from an installer: an empty root disk, the ISO as a CD-ROM.
    [[nodiscard]] bool isInstall() const { return imageFormat == QLatin1StringView("iso"); }
};

/// The steps that make a machine on a node, each with its undo, and the
/// clean-up of what a lost node left half made.
///
/// The machine is defined first, marked unfinished with the volumes the
/// plan is about to make (MachineMetadata::unfinished); then the volumes
/// are made, the mark is taken off, and the machine starts. Whatever
/// happens, a node never holds a volume of a plan without a record of it:
/// a plan that fails undoes itself, and a node lost half way is cleaned up
/// by removeLeftovers() once it is back.
namespace MachineProvisioning
{

/// The volumes' names for @p order: "web-01-root-5b3c6a1e.qcow2", with
/// part of the machine's UUID, so they never take an existing name.
[[nodiscard]] QString volumeName(const MachineOrder &order, NewDisk::Kind kind);

/// The machine as the plan defines it: its disks (the root, the data disk,
/// the seed, an installer's CD-ROM), and the volumes it makes listed as
/// unfinished, with this process as their maker.
[[nodiscard]] NewMachine machineFor(const MachineOrder &order);

/// The plan for @p order on @p connection, whose hypervisor makes @p offer.
/// @p simulated: the node cannot take uploads (a demo node), so the seed's
/// volume stays empty and its step says so. The plan runs on the thread
/// that owns @p connection.
[[nodiscard]] ProvisioningPlan plan(
    virConnectPtr connection, const HypervisorOffer &offer, const MachineOrder &order, bool simulated);

/// The machine a plan makes, once its record step has defined it.
struct PlannedMachine {
    Libvirt::Domain domain;
};

/// A step that makes the volume @p name in @p pool (with @p make), and deletes it as its undo.
[[nodiscard]] ProvisioningPlan::Step volumeStep(virConnectPtr connection, const QString &title, const QString &pool,
    const QString &name, std::function<Result<bool>()> make);
/// Defines @p xml on @p connection as @p made's machine and writes its
/// @p metadata (marked unfinished, as a plan's record step does); nothing
/// stays defined when either fails. @p refusal says what the node refused.
[[nodiscard]] Result<bool> defineMarked(virConnectPtr connection, const QByteArray &xml,
    const MachineMetadata &metadata, PlannedMachine &made, const QString &refusal);
/// Deletes @p domain's definition (stopping it first), its UEFI variables with it.
[[nodiscard]] Result<bool> undefine(virDomainPtr domain);
/// Writes Flotilla's @p metadata into @p domain's definition.
[[nodiscard]] Result<bool> writeMetadata(virDomainPtr domain, const MachineMetadata &metadata);
/// The step that takes the unfinished mark off @p metadata's machine.
[[nodiscard]] ProvisioningPlan::Step finishStep(MachineMetadata metadata, const std::shared_ptr<PlannedMachine> &made);
/// The step that starts the machine, and stops it as its undo.
[[nodiscard]] ProvisioningPlan::Step startStep(const std::shared_ptr<PlannedMachine> &made);

/// Who makes machines here: "alice@desktop", as a machine's metadata names its creator.
[[nodiscard]] QString creatorHere();

/// Which unfinished machines are leftovers. A teammate's Flotilla may be
/// making a machine on the same node right now, so only this computer's
/// marks go at once (unless a plan here is still making that machine, or
/// the Flotilla process that marked it still runs); another's go once
/// they are a day old: no plan takes that long.
struct LeftoverRule {
    QString creator = creatorHere();
    /// Whether a plan here is making the machine with this UUID now; asked
    /// as each machine is looked at, so a plan begun during the clean-up counts.
    std::function<bool(const QString &uuid)> inProgress;
    /// Whether the process a mark names (MachineMetadata::maker) still runs.
    std::function<bool(const QString &token)> running = ProcessToken::isRunning;
    QDateTime now = QDateTime::currentDateTimeUtc();
};

/// Removes every machine still marked unfinished on the node that @p rule
/// calls a leftover, with the volumes its mark lists. Returns how many
/// machines it removed.
[[nodiscard]] Result<int> removeLeftovers(virConnectPtr connection, const LeftoverRule &rule = {});

} // namespace MachineProvisioning

} // namespace Flotilla
