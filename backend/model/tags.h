// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QString>
#include <QStringList>

/// The one rule for tags, on machines (their metadata on the node) and on
/// nodes (nodes.json): a tag is one word of at most 40 letters, digits,
/// "-", "_", "." and "+". Commas and white space separate tags wherever
/// tags are typed or stored, so a list of valid tags survives being
/// joined and split again unchanged.
namespace Flotilla::Tags
{

inline constexpr int longest = 40;

/// Why @p tag cannot be a tag, naming it; empty when it can.
[[nodiscard]] QString problem(const QString &tag);
/// The first problem among @p tags; empty when every one is a tag.
[[nodiscard]] QString problem(const QStringList &tags);
/// The tags in @p text, split on commas and white space, each once (the
/// first spelling of tags that differ only in case), in order.
[[nodiscard]] QStringList split(QStringView text);
/// @p tags as one text that split() turns back into them.
[[nodiscard]] QString join(const QStringList &tags);

} // namespace Flotilla::Tags
