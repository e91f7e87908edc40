// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "provisioning/imageheader.h"

#include <QString>

#include <atomic>
#include <functional>

#include <libvirt/libvirt.h>

/// An image file on this computer sent into a new volume of a node's pool
/// through a libvirt stream (virStorageVolUpload), as virsh vol-upload
/// --sparse does: the file's holes are skipped, not sent. With progress,
/// and a cancel that stops it between two blocks; a failed or cancelled
/// upload deletes the half-made volume.
namespace Flotilla::ImageUpload
{

struct Progress {
    quint64 doneBytes = 0; ///< of the file, holes counted as done
    quint64 totalBytes = 0;
};
/// Hears the progress, on the thread that uploads, at most every block.
using Report = std::function<void(const Progress &)>;

/// Sends the image file at @p path into a new volume @p name in @p pool,
/// and says what it was (ImageHeader). Refused before anything is sent: a
/// file that is no image Flotilla takes (ImageHeader's reasons), a name
/// taken, a pool without room for the file's data. The volume is made raw,
/// as large as the file; the node reads its real format itself (a folder
/// pool probes it when the stream ends). With @p node (the node's URI),
/// the volume is written down in the UploadJournal from just before it is
/// made until it is whole or deleted, so one the node kept when it went
/// away is deleted once it is back.
[[nodiscard]] Result<ImageHeader::Image> upload(virConnectPtr connection, const QString &pool, const QString &name,
    const QString &path, const std::atomic_bool &cancel, const Report &report = {}, const QString &node = {});

} // namespace Flotilla::ImageUpload
