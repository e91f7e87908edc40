// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodelistfile.h"

#include "nodes/nodecheck.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Flotilla::NodeListFile
{

namespace
{

Error mistake(const QString &details)
{
    return Error{.message = i18nc("@info", "The node list is not valid"), .details = details};
}

double coordinate(const QJsonObject &location, QLatin1StringView key)
{
    const QJsonValue value = location.value(key);
    return value.isDouble() ? value.toDouble() : NAN;
}

/// The entry at @p index (counted from 0), or what keeps it from being one.
ReadEntry readNode(const QJsonValue &value, qsizetype index)
{
    ReadEntry entry{.written = value};
    if (!value.isObject()) {
        entry.problem = i18nc("@info", "entry %1 is not an object", index + 1);
        return entry;
    }
    const QJsonObject object = value.toObject();
    NodeEntry &node = entry.node;
    node.id = object.value(QLatin1StringView("id")).toString();
    node.name = object.value(QLatin1StringView("name")).toString();
    node.uri = object.value(QLatin1StringView("uri")).toString();
    if (node.id.isEmpty() || node.uri.isEmpty()) {
        entry.problem = i18nc("@info", "entry %1 has no id or no URI", index + 1);
        return entry;
    }
    if (node.name.isEmpty()) {
        node.name = node.id;
    }
    const QJsonObject location = object.value(QLatin1StringView("location")).toObject();
    node.location.city = location.value(QLatin1StringView("city")).toString();
    node.location.country = location.value(QLatin1StringView("country")).toString();
    node.location.countryCode = location.value(QLatin1StringView("countryCode")).toString();
    node.location.latitude = coordinate(location, QLatin1StringView("latitude"));
    node.location.longitude = coordinate(location, QLatin1StringView("longitude"));
    if (const QString problem = NodeCheck::placeProblem(node.location); !problem.isEmpty()) {
        entry.problem = i18nc("@info %1 is a node id, %2 what is wrong", "node '%1': %2", node.id, problem);
        return entry;
    }
    for (const QJsonValue tag : object.value(QLatin1StringView("tags")).toArray()) {
        node.tags.append(tag.toString());
    }
    node.enabled = object.value(QLatin1StringView("enabled")).toBool(true);
    node.maintenance = object.value(QLatin1StringView("maintenance")).toBool(false);
    return entry;
}

} // namespace

Result<QList<ReadEntry>> read(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return mistake(i18nc("@info", "%1 at byte %2", parseError.errorString(), parseError.offset));
    }
    if (!document.isObject() || !document.object().value(QLatin1StringView("nodes")).isArray()) {
        return mistake(i18nc("@info", "there is no \"nodes\" list"));
    }
    const QJsonArray array = document.object().value(QLatin1StringView("nodes")).toArray();
    QList<ReadEntry> entries;
    QSet<QString> ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        ReadEntry entry = readNode(array.at(i), i);
        if (entry.problem.isEmpty() && ids.contains(entry.node.id)) {
            entry.problem = i18nc("@info", "the id '%1' is used twice", entry.node.id);
        }
        if (entry.problem.isEmpty()) {
            ids.insert(entry.node.id);
        }
        entries.append(std::move(entry));
    }
    return entries;
}

Result<QList<NodeEntry>> parse(const QByteArray &json)
{
    Result<QList<ReadEntry>> entries = read(json);
    if (!entries) {
        return entries.error();
    }
    QList<NodeEntry> nodes;
    for (const ReadEntry &entry : entries.value()) {
        if (!entry.problem.isEmpty()) {
            return mistake(entry.problem);
        }
        nodes.append(entry.node);
    }
    return nodes;
}

QByteArray serialize(const QList<NodeEntry> &nodes, const QJsonArray &kept)
{
    QJsonArray array;
    for (const NodeEntry &node : nodes) {
        QJsonObject location{
            {QLatin1StringView("city"), node.location.city},
            {QLatin1StringView("country"), node.location.country},
            {QLatin1StringView("countryCode"), node.location.countryCode},
        };
        if (node.location.hasCoordinates()) {
            location.insert(QLatin1StringView("latitude"), node.location.latitude);
            location.insert(QLatin1StringView("longitude"), node.location.longitude);
        }
        array.append(QJsonObject{
            {QLatin1StringView("id"), node.id},
            {QLatin1StringView("name"), node.name},
            {QLatin1StringView("uri"), node.uri},
            {QLatin1StringView("location"), location},
            {QLatin1StringView("tags"), QJsonArray::fromStringList(node.tags)},
            {QLatin1StringView("enabled"), node.enabled},
            {QLatin1StringView("maintenance"), node.maintenance},
        });
    }
    for (const QJsonValue &entry : kept) {
        array.append(entry);
    }
    return QJsonDocument(QJsonObject{{QLatin1StringView("nodes"), array}}).toJson(QJsonDocument::Indented);
}

} // namespace Flotilla::NodeListFile
