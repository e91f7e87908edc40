// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QString>

#include <libvirt/libvirt.h>

/// A full copy of a disk that a machine holds open: a paused machine's,
/// whose QEMU keeps its images locked, so the node's own volume copy
/// (qemu-img) cannot read them. QEMU itself copies the disk instead
/// (virDomainBlockCopy, a mirror), and the mirror is let go, not switched
/// to, once it has caught up: the new volume is the disk as it was then,
/// its whole chain in one image. Proxmox clones running machines this way.
namespace Flotilla::DiskCopy
{

/// Copies the disk @p target ("vda") of the machine with @p uuid into a new
/// volume @p name of @p pool, of @p capacityBytes in @p format. The volume
/// is deleted again when the copy fails. Blocks until the copy is whole.
[[nodiscard]] Result<bool> fromOpenDisk(virConnectPtr connection, const QString &uuid, const QString &target,
    const QString &pool, const QString &name, quint64 capacityBytes, const QString &format);

} // namespace Flotilla::DiskCopy
