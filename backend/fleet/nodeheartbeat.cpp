// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/nodeheartbeat.h"

#include <algorithm>

using namespace std::chrono;

namespace Flotilla
{

NodeHeartbeat::NodeHeartbeat(Clock clock, QObject *parent)
    : QObject(parent)
    , m_clock(
          clock ? std::move(clock) : [] { return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()); })
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &NodeHeartbeat::check);
}

void NodeHeartbeat::connectionChanged(const QString &node, bool connected)
{
    Watch &watch = m_nodes[node];
    watch.connected = connected;
    if (connected) {
        markHeard(node, watch);
    }
    schedule();
}

void NodeHeartbeat::heard(const QString &node)
{
    markHeard(node, m_nodes[node]);
    schedule();
}

void NodeHeartbeat::requestSent(const QString &node, quint64 request)
{
    m_nodes[node].requests.insert(request, m_clock());
    schedule();
}

void NodeHeartbeat::requestEnded(const QString &node, quint64 request, bool fromNode)
{
    const auto found = m_nodes.find(node);
    if (found == m_nodes.end()) {
        return;
    }
    found->requests.remove(request);
    if (fromNode) {
        markHeard(node, *found);
    }
    schedule();
}

void NodeHeartbeat::forget(const QString &node)
{
    m_nodes.remove(node);
}

bool NodeHeartbeat::isAnswering(const QString &node) const
{
    const auto found = m_nodes.constFind(node);
    return found == m_nodes.cend() || found->answering;
}

std::optional<milliseconds> NodeHeartbeat::silence(const QString &node) const
{
    const auto found = m_nodes.constFind(node);
    if (found == m_nodes.cend() || !found->lastHeard) {
        return std::nullopt;
    }
    return m_clock() - *found->lastHeard;
}

std::optional<milliseconds> NodeHeartbeat::deadline(const Watch &watch) const
{
    // Silent since the later of: the last word, and the moment it first owed
    // one. A connected node owes its next tick a tick after its last word.
    std::optional<milliseconds> owedSince;
    if (watch.connected) {
        owedSince = watch.lastHeard.value_or(milliseconds(0)) + m_tickInterval;
    }
    for (const milliseconds sent : watch.requests) {
        owedSince = std::min(owedSince.value_or(sent), sent);
    }
    if (!owedSince) {
        return std::nullopt;
    }
    return std::max(*owedSince, watch.lastHeard.value_or(milliseconds(0))) + m_limit;
}

void NodeHeartbeat::markHeard(const QString &node, Watch &watch)
{
    watch.lastHeard = m_clock();
    if (!watch.answering) {
        watch.answering = true;
        Q_EMIT answeringChanged(node, true);
    }
}

void NodeHeartbeat::check()
{
    const milliseconds now = m_clock();
    QStringList silent;
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        const std::optional<milliseconds> due = deadline(*it);
        if (it->answering && due && *due <= now) {
            it->answering = false;
            silent.append(it.key());
        }
    }
    schedule();
    for (const QString &node : std::as_const(silent)) {
        Q_EMIT answeringChanged(node, false);
    }
}

void NodeHeartbeat::schedule()
{
    if (m_timer.isActive()) {
        return;
    }
    std::optional<milliseconds> next;
    for (const Watch &watch : std::as_const(m_nodes)) {
        const std::optional<milliseconds> due = watch.answering ? deadline(watch) : std::nullopt;
        if (due && (!next || *due < *next)) {
            next = due;
        }
    }
    if (next) {
        m_timer.start(std::max(*next - m_clock(), milliseconds(0)));
    }
}

} // namespace Flotilla
