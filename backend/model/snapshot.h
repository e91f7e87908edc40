// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Flotilla
{

/// One snapshot of a machine, as its node's libvirt describes it.
struct Snapshot {
    QString name;
    QString description;
    QDateTime created; ///< UTC
    QString state; ///< the machine's state when it was taken: "running", "shutoff", "paused", "disk-snapshot"
    bool memory = false; ///< holds the machine's memory: reverting to it resumes the machine where it was
    bool external = false; ///< its disks (or memory) are files of their own (overlays), not inside the disk image
    QString parent; ///< the snapshot it was taken on top of; empty for a root
    bool current = false; ///< the one the machine now runs on top of

    bool operator==(const Snapshot &) const = default;
};

namespace Snapshots
{

/// A snapshot from its XML (virDomainSnapshotGetXMLDesc); its parent and
/// whether it is current come from the XML too where libvirt puts them there.
[[nodiscard]] Result<Snapshot> parse(const QByteArray &xml);

/// The XML that asks libvirt for a snapshot named @p name with
/// @p description, holding the memory when @p withMemory.
[[nodiscard]] Result<QByteArray> request(const QString &name, const QString &description, bool withMemory);

/// Why @p name cannot name a snapshot; empty when it can: 1 to 64 letters,
/// digits, "-", "_" and ".", not starting with ".".
[[nodiscard]] QString nameProblem(const QString &name);

/// @p snapshots ordered as a tree: each root (oldest first), then its
/// children beneath it; @p depths gets each one's depth.
[[nodiscard]] QList<Snapshot> asTree(const QList<Snapshot> &snapshots, QList<int> *depths);

} // namespace Snapshots

} // namespace Flotilla
