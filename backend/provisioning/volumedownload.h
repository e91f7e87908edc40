// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QString>

#include <atomic>
#include <functional>

#include <libvirt/libvirt.h>

/// A volume of a node's pool saved as a file on this computer through a
/// libvirt stream (virStorageVolDownload), as virsh vol-download --sparse
/// does: the volume's holes stay holes in the file, not zeros sent. With
/// progress, and a cancel that stops it between two blocks. The file is
/// written aside and put in place only when whole (QSaveFile): a failed or
/// cancelled download leaves no file, and an earlier file of that name as
/// it was.
namespace Flotilla::VolumeDownload
{

struct Progress {
    quint64 doneBytes = 0; ///< of the volume as stored, holes counted as done
    quint64 totalBytes = 0;
};
/// Hears the progress, on the thread that downloads, at most every block.
using Report = std::function<void(const Progress &)>;

/// Saves the volume @p name of @p pool as the file @p path; returns the bytes saved.
[[nodiscard]] Result<quint64> download(virConnectPtr connection, const QString &pool, const QString &name,
    const QString &path, const std::atomic_bool &cancel, const Report &report = {});

} // namespace Flotilla::VolumeDownload
