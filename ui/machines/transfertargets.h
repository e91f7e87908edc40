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
/// the Clone and Move dialogs offer them (what stands in the way there is
/// Arrival's).
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
/// A warning when @p pool on @p node has less room than the disks' size
/// @p travelling: their copies hold only what the disks hold, which the
/// node's first step measures; empty when there is room for their size.
[[nodiscard]] QString roomNote(const Fleet &fleet, const QString &node, const QString &pool, quint64 travelling);

} // namespace TransferTargets

} // namespace Flotilla
