// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QMetaType>

namespace Flotilla
{

/// A node's connection as a person sees it.
enum class NodeState {
    Connecting, ///< opening the first connection
    Connected,
    Degraded, ///< connected, but answers slowly
    Disconnected, ///< not connected and not trying (stopped by the user, or a mistake retrying cannot fix)
    Reconnecting, ///< lost; trying again at nextAttempt
};

/// Whether a node in @p state is connected, answering quickly or slowly:
/// it can be read and asked for things.
[[nodiscard]] constexpr bool isUp(NodeState state)
{
    return state == NodeState::Connected || state == NodeState::Degraded;
}

struct NodeStatus {
    NodeState state = NodeState::Connecting;
    Error error; ///< why it is not simply connected; empty otherwise
    QDateTime nextAttempt; ///< when Reconnecting: the next try
    int attempt = 0; ///< reconnect attempts since the connection was lost
    qint64 lastCallMs = 0; ///< how long the last round of calls took (judged against the machines it read)

    bool operator==(const NodeStatus &) const = default;
};

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::NodeStatus)
