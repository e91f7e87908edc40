// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "nodeentry.h"
#include "result.h"

#include <QByteArray>

/// The node list on disk: a small JSON document,
///   { "nodes": [ { "id", "name", "uri", "location": { "city", "country",
///                  "countryCode", "latitude", "longitude" }, "tags": [], "enabled" } ] }
/// Used for the user's list and for the bundled demo fleet.
namespace Flotilla::NodeListFile
{

/// Reads a list; any structural mistake is an error naming where it is.
[[nodiscard]] Result<QList<NodeEntry>> parse(const QByteArray &json);
[[nodiscard]] QByteArray serialize(const QList<NodeEntry> &nodes);

} // namespace Flotilla::NodeListFile
