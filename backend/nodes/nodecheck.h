// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "nodes/nodeentry.h"

#include <QString>
#include <QStringList>

/// The rules a node entry follows, wherever it comes from: the add-node
/// form and the node list file check with the same functions.
namespace Flotilla::NodeCheck
{

/// What is wrong with a node's @p name beside the other nodes' @p takenNames; empty when nothing.
[[nodiscard]] QString nameProblem(const QString &name, const QStringList &takenNames);

/// What is wrong with a place's coordinates (off the globe); empty when nothing.
[[nodiscard]] QString placeProblem(const Location &location);

/// Everything about @p entry, as the add-node form checks it: URI, name,
/// place and tags (the one rule of Tags). Empty when the entry can be used.
[[nodiscard]] QString entryProblem(const NodeEntry &entry, const QStringList &takenNames);

} // namespace Flotilla::NodeCheck
