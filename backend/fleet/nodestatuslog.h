// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "nodes/nodeentry.h"
#include "session/nodestatus.h"

#include <chrono>
#include <optional>

namespace Flotilla::NodeStatusLog
{

/// The name of @p state as the log writes it ("Connected").
[[nodiscard]] QString stateName(NodeState state);

/// One info line in `flotilla.session` when @p after is another connection
/// state than @p before (nothing otherwise): the node, both states, why.
void statusChanged(const NodeEntry &node, const NodeStatus &before, const NodeStatus &after);

/// One info line in `flotilla.session`: the node stopped answering (silent
/// for @p silence), or answers again.
void answeringChanged(const NodeEntry &node, bool answering, std::optional<std::chrono::milliseconds> silence);

} // namespace Flotilla::NodeStatusLog
