// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace Flotilla
{

/// Which nodes have stopped answering, seen from the UI thread. A node owes
/// an answer while it is connected (its next tick) and while a request to
/// it is out; when that answer is later than the limit, it is marked not
/// answering, and the mark goes when it is heard from again. It watches from
/// the UI thread because a session stuck inside a libvirt call cannot tell:
/// its thread is the one that waits. Keepalive, which drops the connection
/// after about 15 s, is the session's business, apart from this.
class NodeHeartbeat : public QObject
{
    Q_OBJECT

public:
    /// A monotonic clock in milliseconds; tests pass their own.
    using Clock = std::function<std::chrono::milliseconds()>;

    static constexpr std::chrono::milliseconds defaultLimit{3000};

    explicit NodeHeartbeat(Clock clock = {}, QObject *parent = nullptr);

    void setLimit(std::chrono::milliseconds limit) { m_limit = limit; }
    [[nodiscard]] std::chrono::milliseconds limit() const { return m_limit; }
    /// The time between a connected node's ticks: its next one is owed that
    /// long after the last word, and only then does the limit start.
    void setTickInterval(std::chrono::milliseconds interval) { m_tickInterval = interval; }

    /// The session reported a connection state: while @p connected, ticks
    /// are owed, and a connection made is itself word from the node.
    void connectionChanged(const QString &node, bool connected);
    /// The node answered: a tick, a reading, a request carried out.
    void heard(const QString &node);
    void requestSent(const QString &node, quint64 request);
    /// A request came back; @p fromNode when the node answered it (not the
    /// session on its behalf, as for a node that is not connected).
    void requestEnded(const QString &node, quint64 request, bool fromNode);
    /// The node left the fleet, or has a fresh session: start again.
    void forget(const QString &node);

    [[nodiscard]] bool isAnswering(const QString &node) const;
    /// How long ago the node was last heard from; none if never.
    [[nodiscard]] std::optional<std::chrono::milliseconds> silence(const QString &node) const;

    /// Marks the nodes that have been silent past the limit. Runs by itself
    /// when the next one is due; public for tests that move their own clock.
    void check();

Q_SIGNALS:
    void answeringChanged(const QString &node, bool answering);

private:
    struct Watch {
        bool connected = false;
        bool answering = true;
        std::optional<std::chrono::milliseconds> lastHeard;
        QHash<quint64, std::chrono::milliseconds> requests; ///< out, by id: when each was sent
    };

    /// When @p watch's node will have been silent too long; none if it owes nothing.
    [[nodiscard]] std::optional<std::chrono::milliseconds> deadline(const Watch &watch) const;
    void markHeard(const QString &node, Watch &watch);
    /// Arms the timer for the earliest deadline, unless it is armed already
    /// (deadlines only move later, so an armed timer is never too late).
    void schedule();

    Clock m_clock;
    std::chrono::milliseconds m_limit = defaultLimit;
    std::chrono::milliseconds m_tickInterval{0};
    QHash<QString, Watch> m_nodes;
    QTimer m_timer;
};

} // namespace Flotilla
