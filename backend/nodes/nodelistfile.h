// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "nodes/nodeentry.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>

/// The node list on disk: a small JSON document,
///   { "nodes": [ { "id", "name", "uri", "location": { "city", "country",
///                  "countryCode", "latitude", "longitude" }, "tags": [], "enabled" } ] }
/// Used for the user's list and for the bundled demo fleet.
namespace Flotilla::NodeListFile
{

/// One entry as read: the node, or what is wrong with it; and the entry as
/// it is written in the file, to write back unchanged when it cannot be used.
struct ReadEntry {
    NodeEntry node;
    QString problem; ///< empty when the entry was read
    QJsonValue written;
};

/// Reads a list entry by entry. Only a file that is no node list at all is an
/// error; a bad entry (not an object, no id or URI, an id used twice,
/// coordinates off the globe) comes back with its problem.
[[nodiscard]] Result<QList<ReadEntry>> read(const QByteArray &json);
/// Reads a list whole; any mistake is an error naming where it is.
[[nodiscard]] Result<QList<NodeEntry>> parse(const QByteArray &json);
/// The list of @p nodes, followed by the @p kept entries exactly as they were read.
[[nodiscard]] QByteArray serialize(const QList<NodeEntry> &nodes, const QJsonArray &kept = {});

} // namespace Flotilla::NodeListFile
