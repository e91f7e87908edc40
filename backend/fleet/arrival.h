// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QList>
#include <QString>

namespace Flotilla
{

class Fleet;
struct Machine;
struct StoragePool;

/// Whether a machine can arrive on another node, from the fleet's picture:
/// what the Clone and Move dialogs say before anything is sent, and what a
/// drain plans with. The plan's first step checks it all again on the
/// nodes themselves (transfercheck.cpp).
namespace Arrival
{

/// Whether a machine's disks can travel into @p pool: a running pool of
/// files (a folder, a file system, NFS), as VolumeTransfer writes them.
[[nodiscard]] bool takesDisks(const StoragePool &pool);
/// The pools of @p node that take disks, the roomiest first.
[[nodiscard]] QList<StoragePool> pools(const Fleet &fleet, const QString &node);
/// The bytes a machine's disks hold at most: what a copy of them sends,
/// holes not counted (CD-ROMs do not travel).
[[nodiscard]] quint64 diskBytes(const Machine &machine);
/// What a copy of @p machine's disks takes in a pool, as @p source last
/// read its volumes: a disk's allocation (empty space does not travel), or
/// its size where that is unknown or the disk is a layer (its copy is
/// flattened, and holds what the image under it holds too).
[[nodiscard]] quint64 copyBytes(const Fleet &fleet, const QString &source, const Machine &machine);
/// Why @p machine cannot arrive on @p node as @p name, whatever the pool:
/// the node is not connected, holds it or a machine of that name, or
/// lacks a virtual network one of its cards is on; empty when it can.
[[nodiscard]] QString nodeProblem(const Fleet &fleet, const QString &node, const Machine &machine, const QString &name);
/// nodeProblem(), and whether @p pool there takes its disks.
[[nodiscard]] QString problem(
    const Fleet &fleet, const QString &node, const QString &pool, const Machine &machine, const QString &name);

} // namespace Arrival

} // namespace Flotilla
