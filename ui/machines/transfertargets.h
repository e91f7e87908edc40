// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QString>
#include <QVariantList>

namespace Flotilla
{

class Fleet;
struct Machine;

/// The nodes a machine can be cloned or moved onto, and their pools, as
/// the Clone and Move dialogs offer them; and what stands in the way on
/// the node chosen, said before anything is sent (the plan's first step
/// checks it all again on the nodes themselves).
namespace TransferTargets
{

/// Every node but @p except: {id, name, connected}, connected ones first.
[[nodiscard]] QVariantList nodes(const Fleet &fleet, const QString &except);
/// The running pools of files on @p node (where a machine's disks can
/// travel): {name, freeBytes, text}, the roomiest first.
[[nodiscard]] QVariantList pools(const Fleet &fleet, const QString &node);
/// The pool to offer first on @p node: @p preferred where it has one of
/// that name, else the roomiest; empty when it has none.
[[nodiscard]] QString firstPool(const Fleet &fleet, const QString &node, const QString &preferred);
/// Why @p machine cannot arrive on @p node as @p name with its disks in
/// @p pool; empty when it can.
[[nodiscard]] QString problem(
    const Fleet &fleet, const QString &node, const QString &pool, const Machine &machine, const QString &name);
/// A warning when @p pool on @p node has less room than the disks' size
/// @p travelling: their copies hold only what the disks hold, which the
/// node's first step measures; empty when there is room for their size.
[[nodiscard]] QString roomNote(const Fleet &fleet, const QString &node, const QString &pool, quint64 travelling);
/// The bytes a machine's disks hold at most: what a copy of them sends, holes not counted.
[[nodiscard]] quint64 diskBytes(const Machine &machine);

} // namespace TransferTargets

} // namespace Flotilla
