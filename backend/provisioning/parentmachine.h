// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/domainxml.h"
#include "provisioning/cloudinit.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include <libvirt/libvirt.h>

namespace Flotilla
{

/// One of a parent machine's disks, with the volume under it.
struct ParentDisk {
    QString target; ///< "vda"
    QString source; ///< as the definition names it: a path, or "pool/volume"
    bool byPath = false; ///< named by its path (a file or block device), not by pool and volume
    QString pool;
    QString volume;
    QString format; ///< the driver's type: "qcow2", "raw"
    quint64 capacityBytes = 0;
    quint64 allocationBytes = 0;
    bool block = false; ///< a block volume (LVM), on which no qcow2 layer can sit
};

/// A machine about to be cloned, as its node holds it.
struct ParentMachine {
    QString uuid;
    QString name;
    QByteArray xml; ///< its inactive definition, with its secrets (a VNC password goes to the clone too)
    MachineMetadata metadata;
    QStringList macs; ///< its interfaces', in order
    QList<ParentDisk> copied; ///< its disks, which the clone gets its own of
    std::optional<ParentDisk> seedDisk; ///< the CD-ROM holding its cloud-init seed
    CloudInit::Seed seed; ///< what that seed holds (empty on a demo node)
};

/// Reading a machine to clone, on the thread that owns the connection.
namespace ParentMachines
{

/// The largest CD-ROM looked into for a seed; a seed is a few kilobytes.
inline constexpr quint64 largestSeedBytes = 4 * 1024 * 1024;

/// The machine with @p uuid: its definition, the volumes under its disks,
/// and its seed, found by reading every small CD-ROM volume it has (a
/// cloud-init seed is labelled "cidata"; an installer is not and is left
/// shared). A disk in none of the node's pools cannot be copied: an error
/// naming it. @p simulated: a demo node, which takes no downloads; there a
/// CD-ROM volume named as Flotilla names seeds ("…-seed-….iso") is the seed.
[[nodiscard]] Result<ParentMachine> read(virConnectPtr connection, const QString &uuid, bool simulated);

/// Whether @p parent can be cloned now: off, or paused for a full copy
/// (its disks must not change while they are copied). A linked clone
/// also needs a machine with no snapshots (its disks move onto new layers,
/// under which the snapshots' would no longer fit) and disks in files.
[[nodiscard]] Result<bool> readyToClone(virConnectPtr connection, const ParentMachine &parent, bool linked);

} // namespace ParentMachines

} // namespace Flotilla
