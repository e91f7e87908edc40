// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/nodestatuslog.h"

#include "core/logging.h"

#include <QDateTime>

#include <algorithm>

namespace Flotilla::NodeStatusLog
{

namespace
{
QString nodeName(const NodeEntry &node)
{
    return node.name == node.id ? node.name : QStringLiteral("%1 (%2)").arg(node.name, node.id);
}
} // namespace

QString stateName(NodeState state)
{
    switch (state) {
    case NodeState::Connecting:
        return QStringLiteral("Connecting");
    case NodeState::Connected:
        return QStringLiteral("Connected");
    case NodeState::Degraded:
        return QStringLiteral("Degraded");
    case NodeState::Disconnected:
        return QStringLiteral("Disconnected");
    case NodeState::Reconnecting:
        return QStringLiteral("Reconnecting");
    }
    return {};
}

void statusChanged(const NodeEntry &node, const NodeStatus &before, const NodeStatus &after)
{
    if (before.state == after.state) {
        return;
    }
    QString reason = after.error.isEmpty() ? QStringLiteral("no error") : after.error.text();
    if (after.state == NodeState::Reconnecting && after.nextAttempt.isValid()) {
        reason += QStringLiteral("; next attempt in %1 ms")
                      .arg(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(after.nextAttempt)));
    }
    qCInfo(FLOTILLA_SESSION).noquote() << "node" << nodeName(node) << "is now" << stateName(after.state) << "(was"
                                       << stateName(before.state) + QStringLiteral("):") << reason;
}

void answeringChanged(const NodeEntry &node, bool answering, std::optional<std::chrono::milliseconds> silence)
{
    if (answering) {
        qCInfo(FLOTILLA_SESSION).noquote() << "node" << nodeName(node) << "answers again";
    } else {
        qCInfo(FLOTILLA_SESSION).noquote()
            << "node" << nodeName(node) << "is not answering: silent for" << (silence ? silence->count() : 0) << "ms";
    }
}

} // namespace Flotilla::NodeStatusLog
