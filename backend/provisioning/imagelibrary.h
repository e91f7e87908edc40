// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/inventory.h"

#include <QList>
#include <QMetaType>
#include <QString>

typedef struct _virConnect *virConnectPtr;

namespace Flotilla
{

/// A volume in one of a node's pools, as its own XML describes it.
struct NodeVolume {
    QString pool;
    QString name;
    QString path;
    QString format; ///< "qcow2", "raw", "iso", ...: the node's word for it
    QString backingFile; ///< a qcow2 volume's backing store, as the node read it; empty when none
    quint64 capacityBytes = 0; ///< the size a machine sees
    quint64 allocationBytes = 0; ///< what it takes in the pool

    bool operator==(const NodeVolume &) const = default;
};

/// An image in a node's library: a base that machines are made from.
struct LibraryImage {
    NodeVolume volume;
    int machines = 0; ///< how many of the node's machines use it (as a base, or as a CD-ROM)
    /// Why no machine can be made from it, or empty: a backing file would
    /// let a machine read a file of the node's own.
    QString problem;

    [[nodiscard]] bool isInstaller() const { return volume.format == QLatin1StringView("iso"); }
};

/// A node's image library. It is not a list kept anywhere: it is what the
/// node's pools hold, read each time. Every volume in a disk or installer
/// format (qcow2, raw, ISO) that no machine writes to is an image, so a
/// teammate's Flotilla, virsh and virt-manager all see the same library,
/// and a volume becomes an image by being there. Flotilla's own machine
/// volumes (root, data and seed disks) are never images.
namespace ImageLibrary
{

/// Every volume of the node's active pools. On the calling (session) thread.
[[nodiscard]] Result<QList<NodeVolume>> readVolumes(virConnectPtr connection);

/// A volume's own description (virStorageVolGetXMLDesc) read into @p volume.
void readVolumeXml(QByteArrayView xml, NodeVolume &volume);

/// True for a volume Flotilla made as a machine's root, data or seed disk:
/// "web-01-root-5b3c6a1e.qcow2" (see MachineProvisioning::volumeName).
[[nodiscard]] bool isMachineVolume(const QString &name);
/// Whether @p name is a data disk Flotilla made ("web-01-data-5b3c6a1e.qcow2"):
/// kept apart from its machine's root disk, to outlive it.
[[nodiscard]] bool isDataVolume(const QString &name);

/// The images among @p volumes, with how many of @p machines use each;
/// volumes a machine writes to (its own disk) are not images.
[[nodiscard]] QList<LibraryImage> images(const QList<NodeVolume> &volumes, const QList<Machine> &machines);

} // namespace ImageLibrary

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::NodeVolume)
