// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "libvirt/libvirthandles.h"
#include "provisioning/provisioningplan.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

#include <libvirt/libvirt.h>

namespace Flotilla
{

/// A machine copied onto another node: a clone made there, or the machine
/// itself moved there (a cold move: shut down, copied, started there, and
/// only then removed here).
struct TransferOrder {
    enum class Kind {
        Clone,
        Move, ///< cold: shut down, copied, started there
        LiveMove, ///< live: copied while it runs, and handed over (see MachineTransfer)
    };
    Kind kind = Kind::Clone;
    QString machine; ///< its UUID on the source node
    QString name; ///< Clone: the clone's name; Move: the machine's
    QString uuid; ///< Clone: the clone's, chosen by the caller; Move: the machine's
    QString pool; ///< the target node's pool that takes the disks
    /// Clone: start the clone. A move starts the machine on the target when
    /// it ran here, whatever this says.
    bool start = false;

    [[nodiscard]] bool isMove() const { return kind != Kind::Clone; }
    [[nodiscard]] bool isLive() const { return kind == Kind::LiveMove; }
};

/// The node a transfer goes to, as the plan reaches it.
struct TransferTarget {
    /// Lent by the target's session for the job: libvirt connections may be
    /// used from any thread, and the plan holds it until it ends.
    std::shared_ptr<Libvirt::Connection> connection;
    QString name; ///< the node's, as the steps name it
    /// The address the source's QEMU reaches the target's on for a live
    /// move: the host of the target's URI; empty for a node on this
    /// computer (libvirt then names the target by its host name).
    QString host;
    bool simulated = false; ///< a demo node, which takes no uploads
};

/// The steps that copy a machine onto another node, each with its undo, as
/// MachineCloning does on one node: the machine is recorded on the target
/// first, marked unfinished with the volumes the plan makes there, so a
/// target lost half way is cleaned up by MachineProvisioning::removeLeftovers().
///
/// Each disk travels through Flotilla: downloaded from the source node
/// and uploaded to the target in one stream pump (VolumeTransfer), holes as
/// holes. A disk that is a layer over an image, or that a paused machine
/// holds open, is first flattened into a temporary volume beside it, which
/// travels instead and is deleted after. The definition is fitted to the
/// target (NodeFits): its hypervisor, machine type, QEMU and firmware.
/// CD-ROMs other than the cloud-init seed (an installer) stay empty there.
///
/// A clone is its parent with its own name, UUID, MACs and seed, as on one
/// node. A move keeps everything, and removes the machine from the source
/// only as the last step, once it runs on the target (when it ran before):
/// a failure before that leaves it where it was, complete.
namespace MachineTransfer
{

/// How far a disk's copy is, told as it travels.
using Progress = std::function<void(qsizetype step, quint64 doneBytes, quint64 totalBytes)>;

/// The machines on a node that use any of @p paths as a disk (or an image
/// under one), other than the machine with UUID @p except; by path. The
/// session's reader, handed in (provisioning does not use sessions).
using VolumeUsers = std::function<Result<QHash<QString, QStringList>>(
    virConnectPtr connection, const QStringList &paths, const QString &except)>;

/// What a plan needs besides its order.
struct Context {
    virConnectPtr source = nullptr; ///< the machine's node, on whose session's thread the plan runs
    QString sourceName; ///< as the steps name it
    bool simulated = false; ///< the source is a demo node
    TransferTarget target;
    VolumeUsers users;
    std::shared_ptr<std::atomic_bool> cancel; ///< looked at between blocks of a disk's copy, too
    Progress progress;
};

/// A live move (TransferOrder::Kind::LiveMove) is libvirt's migration of
/// the running machine, driven by Flotilla with both connections
/// (virDomainMigrate3): the nodes need not reach each other's libvirt (no
/// keys or certificates between them, as a peer-to-peer migration would
/// need), only the target's QEMU on its migration ports. The disks' volumes
/// are made empty on the target first and filled by QEMU while the
/// machine runs (NBD); the seed is copied as in a cold move. Progress and a
/// cancel come from libvirt's job information; a failed or cancelled
/// migration leaves the machine running where it was, and the volumes made
/// for it are deleted. Once the target runs it, its own volumes go here.
/// Its machine type and QEMU are not fitted: a running machine's hardware
/// must be the same on both sides, which libvirt checks.
///
/// The plan for @p order. A machine that cannot be read gives a plan whose
/// one step fails, saying why; everything else is checked by its first step.
[[nodiscard]] ProvisioningPlan plan(const Context &context, const TransferOrder &order);

/// How long a move waits for a running machine to shut down.
inline constexpr int shutdownSeconds = 180;

} // namespace MachineTransfer

} // namespace Flotilla
