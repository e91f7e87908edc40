// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

namespace Flotilla
{

/// What makes a clone a machine of its own: its name and UUID, and where
/// its disks are. The rest of its definition is its parent's.
struct CloneIdentity {
    QString name;
    QString uuid;
    /// Each of the parent's disk sources ("/path/disk.qcow2", or
    /// "pool/volume" for a disk that names its pool) to the clone's. A disk
    /// not in it (an installer ISO, say) is shared as it is; one mapped to
    /// an empty string is emptied (a CD-ROM whose ISO another node has not).
    QHash<QString, QString> disks;
    /// A moved disk's new format (its driver type: a layer over a raw disk
    /// is qcow2), by the parent's source, where it changes.
    QHash<QString, QString> formats;
};

namespace MachineClone
{

/// The clone's domain XML from its parent's inactive definition
/// (virDomainGetXMLDesc with VIR_DOMAIN_XML_INACTIVE): the same machine
/// but for its name, its UUID, a new MAC address on every interface (from
/// @p newMac), its disks where @p identity puts them (the images under
/// them read by the node itself, not copied from the parent's), a fresh
/// firmware variable store (the path dropped, the template kept), no fixed
/// graphics port (two machines cannot listen on one), and without
/// Flotilla's metadata, which the caller writes anew: a clone is no
/// replica of its parent's workload.
///
/// Written over QXmlStreamReader and QXmlStreamWriter, token by token, so
/// everything Flotilla does not know (devices, tuning, other tools'
/// metadata) is carried over unchanged.
[[nodiscard]] Result<QByteArray> definition(
    const QByteArray &parentXml, const CloneIdentity &identity, const std::function<QString()> &newMac);

/// The definition @p xml with its disks moved as @p disks says (as
/// CloneIdentity's disks and formats), and nothing else changed: how a
/// linked clone's parent moves onto a new layer over its disk, which
/// becomes the base the two share.
[[nodiscard]] Result<QByteArray> withDisks(
    const QByteArray &xml, const QHash<QString, QString> &disks, const QHash<QString, QString> &formats = {});

} // namespace MachineClone

} // namespace Flotilla
