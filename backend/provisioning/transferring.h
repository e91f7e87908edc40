// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// What the steps of one MachineTransfer plan share; the plan's own files only.
#pragma once

#include "model/domainxml.h"
#include "provisioning/machineclone.h"
#include "provisioning/machinetransfer.h"
#include "provisioning/nodefit.h"
#include "provisioning/parentmachine.h"

namespace Flotilla::MachineTransfer
{

/// Decided as the plan is made, from the machine and the target as read then.
struct Transfer {
    Context context;
    TransferOrder order;
    ParentMachine machine;
    DomainDescription described; ///< the machine's definition, read
    bool wasRunning = false; ///< a move: it runs now, so it is shut down, and started on the target
    QString poolPath; ///< the target pool's folder
    NodeFit fit;
    CloneIdentity identity; ///< the name, UUID and disks the target's definition has
    QHash<QString, QString> volumes; ///< each copied disk's source (and the seed's) to its volume on the target
    QStringList macs; ///< a clone's, in the order of the machine's interfaces
    QHash<QString, QString> macOf;
    MachineMetadata unfinished; ///< on the target while the plan runs
    MachineMetadata finished; ///< once it is made

    [[nodiscard]] virConnectPtr target() const { return context.target.connection->get(); }
    [[nodiscard]] virConnectPtr source() const { return context.source; }
    [[nodiscard]] bool simulated() const { return context.simulated || context.target.simulated; }
};

/// Everything decided as the plan is made, from the machine and the target as they are now.
[[nodiscard]] Result<std::shared_ptr<Transfer>> transferOf(const Context &context, const TransferOrder &order);

/// The first step's work: whether the machine can go as ordered, now.
[[nodiscard]] Result<bool> check(const Transfer &transfer);

// Steps both kinds of move take (machinetransfer.cpp).
[[nodiscard]] ProvisioningPlan::Step checkStep(const std::shared_ptr<const Transfer> &transfer);
/// The seed: a clone's written anew, a moved machine's copied.
[[nodiscard]] ProvisioningPlan::Step seedStep(const std::shared_ptr<const Transfer> &transfer);
/// A move's last: the machine's definition (unless a live move took it
/// along) and its own volumes removed from the source.
[[nodiscard]] ProvisioningPlan::Step removeStep(const std::shared_ptr<const Transfer> &transfer);

/// The steps of a live move (livemigration.cpp).
[[nodiscard]] ProvisioningPlan livePlan(const std::shared_ptr<const Transfer> &transfer);

/// The folder of @p pool on @p connection, which must be a running pool of files.
[[nodiscard]] Result<QString> folderOf(virConnectPtr connection, const QString &pool);

} // namespace Flotilla::MachineTransfer
