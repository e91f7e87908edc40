// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QString>

namespace Flotilla
{

/// A node's or machine's name as it may be shown, wherever it is shown
/// (lists, page titles, notifications, events, confirmations).
///
/// Names come from the node list file and from the nodes themselves, so they
/// can be written to deceive. Here:
/// - every character that shows nothing (controls, format characters such as
///   zero-width spaces and the direction controls U+202A–U+202E,
///   U+2066–U+2069, U+200E, U+200F, U+061C, spaces other than the plain one)
///   becomes a visible mark: a control picture (␊) for the C0 controls,
///   "[U+202E]" for the others. Zero-width (non-)joiners stay between two
///   characters of scripts that need them (beyond Latin-1);
/// - a name holding right-to-left text is isolated (U+2068 … U+2069), so it
///   cannot reorder the text around it.
/// A plain name (no such character) comes back unchanged.
[[nodiscard]] QString displayName(const QString &name);

} // namespace Flotilla
