// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QList>
#include <QString>

class QKeyEvent;

/// X keysyms, the names VNC gives keys: what a key pressed here, a
/// character typed from the clipboard, or a combination sent is called on
/// the machine's display.
namespace Flotilla::Keysyms
{
/// The keysym of @p event: the platform's own where it has one (X11 and
/// Wayland report it), else found from the key and the text it makes.
/// 0 when there is none.
[[nodiscard]] quint32 of(const QKeyEvent &event);
/// The keysym that types @p character; 0 for a control character other
/// than a line end or a tab.
[[nodiscard]] quint32 forCharacter(char32_t character);
/// The keys of a combination as Send Key names them ("Ctrl+Alt+Del",
/// "Ctrl+Alt+F2"), in the order they are pressed; empty if unknown.
[[nodiscard]] QList<quint32> combination(const QString &name);
/// The combinations Send Key offers.
[[nodiscard]] QStringList combinations();
} // namespace Flotilla::Keysyms
