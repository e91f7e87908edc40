// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodedrainer.h"

#include "workloads/nodedrain.h"

#include <KLocalizedString>

namespace Flotilla
{

NodeDrainer::NodeDrainer(QObject *parent)
    : QObject(parent)
{
}

NodeDrainer::~NodeDrainer() = default;

QString NodeDrainer::nodeName() const
{
    const Fleet::Node *node = m_view ? m_view->fleet()->node(m_nodeId) : nullptr;
    return node ? node->entry.name : m_nodeId;
}

QVariantList NodeDrainer::departures() const
{
    QVariantList list;
    if (!m_drain) {
        return list;
    }
    for (const NodeDrain::Departure &departure : m_drain->departures()) {
        list.append(QVariantMap{{QStringLiteral("uuid"), departure.uuid}, {QStringLiteral("name"), departure.name},
            {QStringLiteral("kind"), NodeDrain::kindName(departure.kind)},
            {QStringLiteral("targetId"), departure.targetId}, {QStringLiteral("targetName"), departure.targetName},
            {QStringLiteral("pool"), departure.pool}, {QStringLiteral("reason"), departure.reason},
            {QStringLiteral("state"), NodeDrain::stateName(departure.state)},
            {QStringLiteral("error"), departure.error}, {QStringLiteral("activity"), departure.activity},
            {QStringLiteral("doneBytes"), double(departure.doneBytes)},
            {QStringLiteral("totalBytes"), double(departure.totalBytes)}});
    }
    return list;
}

QVariantMap NodeDrainer::counts() const
{
    QVariantMap counts;
    if (m_drain) {
        for (const NodeDrain::Departure &departure : m_drain->departures()) {
            if (departure.kind != NodeDrain::Departure::Kind::Stay) {
                counts[departure.targetId] = counts.value(departure.targetId).toInt() + 1;
            }
        }
    }
    return counts;
}

QVariantList NodeDrainer::routes() const
{
    QVariantList routes;
    const QVariantMap targets = counts();
    for (auto target = targets.cbegin(); target != targets.cend(); ++target) {
        routes.append(QVariantMap{{QStringLiteral("from"), m_nodeId}, {QStringLiteral("to"), target.key()}});
    }
    return routes;
}

int NodeDrainer::leaving() const
{
    return m_drain ? int(std::ranges::count_if(m_drain->departures(),
                         [](const auto &departure) { return departure.kind != NodeDrain::Departure::Kind::Stay; }))
                   : 0;
}

int NodeDrainer::staying() const
{
    return m_drain ? int(m_drain->departures().size()) - leaving() : 0;
}

QString NodeDrainer::problem() const
{
    const Fleet::Node *node = m_view ? m_view->fleet()->node(m_nodeId) : nullptr;
    if (!node) {
        return i18nc("@info", "This node is no longer in the fleet.");
    }
    if (!isUp(node->status.state)) {
        return i18nc(
            "@info %1 a node", "%1 is not connected: its machines cannot be moved off it now.", node->entry.name);
    }
    if (!m_drain || m_drain->departures().isEmpty()) {
        return i18nc("@info %1 a node", "%1 has no machines: there is nothing to drain.", node->entry.name);
    }
    if (leaving() == 0) {
        return i18nc("@info", "None of its machines can go anywhere now; each says why.");
    }
    return {};
}

bool NodeDrainer::isRunning() const
{
    return m_drain && m_drain->isRunning();
}

bool NodeDrainer::isFinished() const
{
    return m_drain && m_drain->isFinished();
}

QString NodeDrainer::summary() const
{
    return isFinished() ? m_drain->summary() : QString();
}

void NodeDrainer::plan(const QString &nodeId)
{
    if (!m_view || isRunning()) {
        return;
    }
    m_nodeId = nodeId;
    m_drain = std::make_unique<NodeDrain>(m_view->fleet(), nodeId, NodeDrain::plan(*m_view->fleet(), nodeId));
    connect(m_drain.get(), &NodeDrain::departureChanged, this, &NodeDrainer::progressChanged);
    connect(m_drain.get(), &NodeDrain::finished, this, &NodeDrainer::progressChanged);
    Q_EMIT changed();
    Q_EMIT progressChanged();
}

void NodeDrainer::drain()
{
    if (m_drain && !m_drain->isRunning() && !m_drain->isFinished() && problem().isEmpty()) {
        m_drain->start();
        Q_EMIT progressChanged();
    }
}

void NodeDrainer::cancel()
{
    if (m_drain) {
        m_drain->cancel();
    }
}

} // namespace Flotilla
