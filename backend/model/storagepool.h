// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/inventory.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Flotilla
{

/// A storage pool a person asks for in the New Pool dialog.
struct PoolSpec {
    enum class Type {
        Directory, ///< a directory on the node ("dir"), made if missing
        Lvm, ///< an existing LVM volume group ("logical"); its volumes are logical volumes
        Nfs, ///< an NFS export mounted on the node ("netfs")
    };
    QString name;
    Type type = Type::Directory;
    QString path; ///< Directory: the directory; Nfs: where it is mounted
    QString volumeGroup; ///< Lvm
    QString host; ///< Nfs: the server
    QString exportPath; ///< Nfs: the export on the server
};

/// A volume a person asks for in the New Volume dialog.
struct VolumeSpec {
    QString name;
    quint64 capacityBytes = 0;
    QString format = QStringLiteral("qcow2"); ///< "qcow2" or "raw"
};

namespace StoragePools
{

/// libvirt's word for @p type: "dir", "logical", "netfs".
[[nodiscard]] QString typeName(PoolSpec::Type type);
/// Fills @p pool's type, path and source from its XML (virStoragePoolGetXMLDesc).
[[nodiscard]] Result<bool> readXml(const QByteArray &xml, StoragePool &pool);

/// Why @p spec cannot be made next to @p existing; empty when it can.
/// Checks what can be known before asking the node: the name (free, and
/// allowed), absolute paths, a volume group's and a host's form.
[[nodiscard]] QString problem(const PoolSpec &spec, const QList<StoragePool> &existing);
/// The pool's XML for virStoragePoolDefineXML; @p spec must have no problem.
[[nodiscard]] Result<QByteArray> definition(const PoolSpec &spec);

/// Why @p spec cannot be made in a pool holding @p existing (volume names);
/// empty when it can. New volumes are thin (they take room as they are
/// written), so one larger than the pool's free room is allowed.
[[nodiscard]] QString volumeProblem(const VolumeSpec &spec, const QStringList &existing);
/// Why a volume of @p currentBytes cannot become @p newBytes; empty when it
/// can. Only growing is offered: shrinking cuts off what a guest wrote.
[[nodiscard]] QString resizeProblem(quint64 currentBytes, quint64 newBytes);

} // namespace StoragePools

} // namespace Flotilla
