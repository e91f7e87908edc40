// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "provisioning/volumedownload.h"

#include <QString>

#include <atomic>

#include <libvirt/libvirt.h>

/// A volume of one node copied into a pool of another, streamed through
/// Flotilla: the source's bytes come in through virStorageVolDownload and
/// go straight out through virStorageVolUpload, a block at a time, nothing
/// written on this computer. Holes travel as holes (sparse streams). How a
/// clone or a move reaches another node. libvirt has no call that copies
/// between two nodes, so the pump between the two streams is our own.
namespace Flotilla::VolumeTransfer
{

/// The byte counts are of the volume as stored, holes counted as done.
using Progress = VolumeDownload::Progress;
using Report = VolumeDownload::Report;

/// Copies the volume @p name of @p pool on @p from as the new volume
/// @p targetName of @p targetPool on @p to, byte for byte: a qcow2 image
/// keeps the name of any image under it, so a caller sends a layer's
/// flattened copy, not the layer. The new volume is deleted again when the
/// copy fails or is cancelled (looked at between two blocks). Returns the
/// bytes that travelled, holes not counted.
[[nodiscard]] Result<quint64> copy(virConnectPtr from, const QString &pool, const QString &name, virConnectPtr to,
    const QString &targetPool, const QString &targetName, const std::atomic_bool &cancel, const Report &report = {});

} // namespace Flotilla::VolumeTransfer
