// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QString>

/// What a disk image file is, read from its own first bytes before anything
/// is sent to a node: its format (qcow2, raw or an ISO 9660 installer) and
/// its virtual size. A file that is none of these is refused with the
/// reason, and so is a qcow2 image that would reach files outside itself.
///
/// Written by hand: qemu-img answers the same question but would run a
/// program per file and is not on every desktop; libvirt probes only
/// volumes already on a node. The formats are qemu's qcow2 specification
/// (docs/interop/qcow2.txt) and ECMA-119.
namespace Flotilla::ImageHeader
{

enum class Format {
    Raw,
    Qcow2,
    Iso,
};

struct Image {
    Format format = Format::Raw;
    quint64 virtualBytes = 0; ///< the size the machine sees (a qcow2 image's file is smaller)

    bool operator==(const Image &) const = default;
};

/// How much of a file inspect() wants: a qcow2 header, its extensions and
/// its backing file name lie in its first cluster (at most 2 MiB).
inline constexpr qsizetype headBytes = 2 * 1024 * 1024;

/// What @p head (the file's first bytes, up to headBytes) of a file of
/// @p fileBytes is. Refused, each with its own reason: a truncated or
/// inconsistent header; a qcow2 image that names a backing file or an
/// external data file (a machine made from it would read that file on its
/// node, e.g. /etc/shadow), is encrypted, marked corrupt or uses a feature
/// this reader does not know; another image format (VMDK, VDI, VHDX,
/// QED); a compressed or archived file; and a file with neither a partition
/// table nor a file system, which is no disk.
[[nodiscard]] Result<Image> inspect(QByteArrayView head, quint64 fileBytes);

/// inspect() on the file at @p path.
[[nodiscard]] Result<Image> inspectFile(const QString &path);

/// "qcow2", "raw", "iso": the name libvirt's volume XML uses.
[[nodiscard]] QString formatName(Format format);

} // namespace Flotilla::ImageHeader
