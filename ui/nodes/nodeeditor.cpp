// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodeeditor.h"

#include "core/displayname.h"
#include "fleet/fleet.h"
#include "fleet/fleetview.h"
#include "map/citylist.h"

#include <cmath>

namespace Flotilla
{

namespace
{

NodeEntry entryFrom(const QVariantMap &map, NodeEntry entry = {})
{
    const auto number = [&map](const char *key) {
        const QVariant value = map.value(QLatin1StringView(key));
        return value.isValid() && !value.isNull() ? value.toDouble() : NAN;
    };
    entry.name = map.value(QStringLiteral("name")).toString().trimmed();
    entry.uri = map.value(QStringLiteral("uri")).toString().trimmed();
    entry.location = Location{.city = map.value(QStringLiteral("city")).toString(),
        .country = map.value(QStringLiteral("country")).toString(),
        .countryCode = map.value(QStringLiteral("countryCode")).toString(),
        .latitude = number("latitude"),
        .longitude = number("longitude")};
    if (map.contains(QStringLiteral("tags"))) {
        entry.tags = map.value(QStringLiteral("tags")).toStringList();
    }
    return entry;
}

/// "Reykjavik node" → "reykjavik-node", made unique among @p fleet's ids.
QString freshId(const Fleet &fleet, const QString &name)
{
    QString base;
    for (const QChar c : CityList::fold(name)) {
        base += c.isLetterOrNumber() && c.unicode() < 128 ? c : QLatin1Char('-');
    }
    base = base.split(QLatin1Char('-'), Qt::SkipEmptyParts).join(QLatin1Char('-'));
    if (base.isEmpty()) {
        base = QStringLiteral("node");
    }
    QString id = base;
    for (int n = 2; fleet.indexOf(id) >= 0; ++n) {
        id = base + QLatin1Char('-') + QString::number(n);
    }
    return id;
}

} // namespace

QVariantMap NodeEditor::saved(const QString &nodeId)
{
    QVariantMap outcome{{QStringLiteral("nodeId"), nodeId}};
    const Result<bool> written = m_view->fleet()->save();
    if (!written) {
        outcome.insert(QStringLiteral("error"), written.error().text());
        Q_EMIT m_view->notice(written.error().text());
    }
    return outcome;
}

QVariantMap NodeEditor::add(const QVariantMap &map)
{
    if (!m_view) {
        return {};
    }
    NodeEntry entry = entryFrom(map);
    entry.id = freshId(*m_view->fleet(), entry.name);
    m_view->fleet()->addNode(entry, true);
    return saved(entry.id);
}

QVariantMap NodeEditor::update(const QString &nodeId, const QVariantMap &map)
{
    const qsizetype index = m_view ? m_view->fleet()->indexOf(nodeId) : -1;
    if (index < 0) {
        return {};
    }
    m_view->fleet()->updateNode(entryFrom(map, m_view->fleet()->nodes().at(index).entry));
    return saved(nodeId);
}

QVariantMap NodeEditor::remove(const QString &nodeId)
{
    if (!m_view || !m_view->fleet()->removeNode(nodeId)) {
        return {};
    }
    return saved(nodeId);
}

QVariantMap NodeEditor::entry(const QString &nodeId) const
{
    const qsizetype index = m_view ? m_view->fleet()->indexOf(nodeId) : -1;
    if (index < 0) {
        return {};
    }
    const NodeEntry &entry = m_view->fleet()->nodes().at(index).entry;
    return {{QStringLiteral("nodeId"), entry.id}, {QStringLiteral("name"), entry.name},
        {QStringLiteral("displayName"), displayName(entry.name)}, {QStringLiteral("uri"), entry.uri},
        {QStringLiteral("city"), entry.location.city}, {QStringLiteral("country"), entry.location.country},
        {QStringLiteral("countryCode"), entry.location.countryCode},
        {QStringLiteral("latitude"), entry.location.latitude}, {QStringLiteral("longitude"), entry.location.longitude},
        {QStringLiteral("tags"), entry.tags}};
}

QStringList NodeEditor::names(const QString &exceptNodeId) const
{
    QStringList names;
    if (!m_view) {
        return names;
    }
    for (const Fleet::Node &node : m_view->fleet()->nodes()) {
        if (node.entry.id != exceptNodeId) {
            names.append(node.entry.name);
        }
    }
    return names;
}

} // namespace Flotilla
