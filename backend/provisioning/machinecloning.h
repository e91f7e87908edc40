// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "model/domainxml.h"
#include "provisioning/cloudinit.h"
#include "provisioning/provisioningplan.h"

#include <QHash>

#include <QString>

#include <libvirt/libvirt.h>

namespace Flotilla
{

/// A machine to clone on its own node.
struct CloneOrder {
    QString parent; ///< the parent's UUID
    QString name; ///< the clone's
    QString uuid; ///< the clone's, chosen by the caller as a new machine's is
    /// Layers (qcow2 overlays) over the parent's disks, made in an instant;
    /// the parent then moves onto new layers of its own over the same disks,
    /// which become the base the two share. Else full copies.
    bool linked = true;
    bool start = false;
};

/// The steps that clone a machine on its node, each with its undo, as
/// MachineProvisioning makes one: the clone is recorded first, marked
/// unfinished with the volumes the plan makes, so a node lost half way is
/// cleaned up by MachineProvisioning::removeLeftovers().
///
/// The clone is its parent (devices, sizes, networks, tags, note) but for
/// what makes it a machine of its own: its name, UUID and MAC addresses, its
/// disks, and its cloud-init seed, rebuilt from the parent's with a new
/// instance id, its name as host name and its MAC addresses, so cloud-init
/// takes it for a new machine (new host keys, its own address). A seed is a
/// CD-ROM volume labelled "cidata"; other CD-ROMs (an installer) are shared.
namespace MachineCloning
{

/// The plan for @p order on @p connection. The parent is read as the plan is
/// made (its definition, its disks' volumes, its seed): a parent that cannot
/// be read or cloned gives a plan whose one step fails, saying why.
/// @p simulated: a demo node, which takes no uploads or downloads, so the
/// seed is made empty and its step says so. Runs on the thread that owns
/// @p connection.
[[nodiscard]] ProvisioningPlan plan(virConnectPtr connection, const CloneOrder &order, bool simulated);

/// What a clone takes of its parent's metadata: tags, template, note and
/// image, but made now by this process here, and in no workload.
[[nodiscard]] MachineMetadata metadataFor(const MachineMetadata &parent);

/// A clone's new MAC addresses, one for each of its parent's, in order,
/// and the parent's (lower case) to the clone's.
struct NewMacs {
    QStringList macs;
    QHash<QString, QString> of;
};
[[nodiscard]] NewMacs newMacs(const QStringList &parentMacs);

/// The clone's seed, as an ISO image: its parent's @p seed with its own
/// host name @p name, the instance id "iid-<@p uuid>" and its MAC
/// addresses (@p macOf: the parent's to the clone's, lower case).
[[nodiscard]] Result<QByteArray> seedImage(
    const CloudInit::Seed &seed, const QString &name, const QString &uuid, const QHash<QString, QString> &macOf);

} // namespace MachineCloning

} // namespace Flotilla
