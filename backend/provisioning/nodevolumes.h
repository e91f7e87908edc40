// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "libvirt/libvirthandles.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

#include <libvirt/libvirt.h>

/// The volumes a plan makes in a node's storage pools, by pool and name.
/// Each call is one or two libvirt calls on the calling (session) thread.
namespace Flotilla::NodeVolumes
{

/// The pool named @p pool, or libvirt's error.
[[nodiscard]] Result<Libvirt::Pool> poolNamed(virConnectPtr connection, const QString &pool);
/// The volume, or libvirt's error.
[[nodiscard]] Result<Libvirt::Volume> volumeNamed(virConnectPtr connection, const QString &pool, const QString &name);

/// The volume behind a disk's source as a definition names it: a file or
/// device path, or "pool/volume" (as the machines Flotilla makes name
/// theirs); null when it is in none of the node's pools.
[[nodiscard]] Libvirt::Volume volumeAt(virConnectPtr connection, const QString &source);

/// A qcow2 volume of @p capacityBytes over the volume @p base (in @p
/// format) of the same pool, a linked clone: made in an instant whatever
/// the image's size. The backing format is always given (libvirt no longer
/// guesses it). Fails when @p base is not there: never a blank disk instead.
[[nodiscard]] Result<bool> createOverlay(virConnectPtr connection, const QString &pool, const QString &name,
    quint64 capacityBytes, const QString &base, const QString &baseFormat);
/// A full copy of the volume @p base in the same pool, in @p format, grown
/// to @p capacityBytes; the images under @p base are read into it.
[[nodiscard]] Result<bool> createCopy(virConnectPtr connection, const QString &pool, const QString &name,
    quint64 capacityBytes, const QString &base, const QString &format = QStringLiteral("qcow2"));
/// An empty volume, @p format "qcow2" or "raw".
[[nodiscard]] Result<bool> createEmpty(
    virConnectPtr connection, const QString &pool, const QString &name, quint64 capacityBytes, const QString &format);
/// Sends into a volume through a libvirt stream (virStorageVolUpload).
using Fill = std::function<Result<bool>(virStorageVolPtr volume)>;
/// A raw volume of @p capacityBytes filled by @p fill; deleted again when
/// @p fill fails, unless @p keepIfUnsupported and the node takes no uploads.
[[nodiscard]] Result<bool> createFilled(virConnectPtr connection, const QString &pool, const QString &name,
    quint64 capacityBytes, const Fill &fill, bool keepIfUnsupported = false);
/// A raw volume holding @p bytes, sent through a libvirt stream. A node
/// that cannot take uploads (libvirt's test driver) gets the volume empty
/// when @p simulated; otherwise that is an error.
[[nodiscard]] Result<bool> createWith(
    virConnectPtr connection, const QString &pool, const QString &name, const QByteArray &bytes, bool simulated);
/// Deletes the volume; one that is not there is no error.
[[nodiscard]] Result<bool> remove(virConnectPtr connection, const QString &pool, const QString &name);
/// Whether the volume is there.
[[nodiscard]] bool exists(virConnectPtr connection, const QString &pool, const QString &name);
/// The volume's path on the node, or empty.
[[nodiscard]] QString pathOf(virConnectPtr connection, const QString &pool, const QString &name);
/// Bytes free in @p pool, or libvirt's error.
[[nodiscard]] Result<quint64> available(virConnectPtr connection, const QString &pool);
/// Whether each pool has the bytes @p needed says it must hold; else the
/// first that has not, named, with what is needed and what is free.
[[nodiscard]] Result<bool> roomFor(virConnectPtr connection, const QHash<QString, quint64> &needed);

} // namespace Flotilla::NodeVolumes
