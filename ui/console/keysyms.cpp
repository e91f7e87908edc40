// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "keysyms.h"

#include <QGuiApplication>
#include <QHash>
#include <QKeyEvent>

#include <rfb/keysym.h>

namespace Flotilla::Keysyms
{

namespace
{

/// Keys that make no text, by Qt's name. Written by hand: Qt maps keysyms
/// to its keys inside its platform plugins only, and offers no way back.
const QHash<int, quint32> &specialKeys()
{
    static const QHash<int, quint32> keys = [] {
        QHash<int, quint32> table = {
            {Qt::Key_Escape, XK_Escape},
            {Qt::Key_Tab, XK_Tab},
            {Qt::Key_Backtab, XK_Tab},
            {Qt::Key_Backspace, XK_BackSpace},
            {Qt::Key_Return, XK_Return},
            {Qt::Key_Enter, XK_KP_Enter},
            {Qt::Key_Insert, XK_Insert},
            {Qt::Key_Delete, XK_Delete},
            {Qt::Key_Pause, XK_Pause},
            {Qt::Key_Print, XK_Print},
            {Qt::Key_SysReq, XK_Sys_Req},
            {Qt::Key_Home, XK_Home},
            {Qt::Key_End, XK_End},
            {Qt::Key_Left, XK_Left},
            {Qt::Key_Up, XK_Up},
            {Qt::Key_Right, XK_Right},
            {Qt::Key_Down, XK_Down},
            {Qt::Key_PageUp, XK_Page_Up},
            {Qt::Key_PageDown, XK_Page_Down},
            {Qt::Key_Shift, XK_Shift_L},
            {Qt::Key_Control, XK_Control_L},
            {Qt::Key_Meta, XK_Super_L},
            {Qt::Key_Alt, XK_Alt_L},
            {Qt::Key_AltGr, XK_ISO_Level3_Shift},
            {Qt::Key_CapsLock, XK_Caps_Lock},
            {Qt::Key_NumLock, XK_Num_Lock},
            {Qt::Key_ScrollLock, XK_Scroll_Lock},
            {Qt::Key_Menu, XK_Menu},
            {Qt::Key_Space, XK_space},
        };
        for (int f = 0; f < 12; ++f) {
            table.insert(Qt::Key_F1 + f, XK_F1 + quint32(f));
        }
        return table;
    }();
    return keys;
}

bool platformGivesKeysyms()
{
    const QString platform = QGuiApplication::platformName();
    return platform == QLatin1StringView("xcb") || platform.startsWith(QLatin1StringView("wayland"));
}

} // namespace

quint32 forCharacter(char32_t character)
{
    if (character == U'\n' || character == U'\r') {
        return XK_Return;
    }
    if (character == U'\t') {
        return XK_Tab;
    }
    if (character < 0x20 || (character >= 0x7f && character < 0xa0)) {
        return 0;
    }
    // Latin-1 keysyms are the characters themselves; the rest of Unicode
    // is 0x01000000 plus the code point (X11's keysym rules).
    return character <= 0xff ? quint32(character) : 0x01000000u | quint32(character);
}

quint32 of(const QKeyEvent &event)
{
    if (platformGivesKeysyms() && event.nativeVirtualKey() != 0) {
        return event.nativeVirtualKey();
    }
    if (const auto special = specialKeys().constFind(event.key()); special != specialKeys().cend()) {
        return *special;
    }
    const QString text = event.text();
    if (!text.isEmpty() && !(event.modifiers() & Qt::ControlModifier)) {
        return forCharacter(text.toUcs4().value(0));
    }
    // With Ctrl the text is a control character: the key's own letter or digit.
    const int key = event.key();
    if (key >= Qt::Key_A && key <= Qt::Key_Z) {
        return quint32(event.modifiers() & Qt::ShiftModifier ? key : key + ('a' - 'A'));
    }
    return key >= Qt::Key_Space && key <= Qt::Key_AsciiTilde ? quint32(key) : 0;
}

QStringList combinations()
{
    QStringList names = {QStringLiteral("Ctrl+Alt+Del"), QStringLiteral("Ctrl+Alt+Backspace")};
    for (int f = 1; f <= 12; ++f) {
        names.append(QStringLiteral("Ctrl+Alt+F%1").arg(f));
    }
    return names;
}

QList<quint32> combination(const QString &name)
{
    if (!combinations().contains(name)) {
        return {};
    }
    const QString last = name.section(u'+', 2);
    quint32 key = 0;
    if (last == QLatin1StringView("Del")) {
        key = XK_Delete;
    } else if (last == QLatin1StringView("Backspace")) {
        key = XK_BackSpace;
    } else {
        key = XK_F1 + last.mid(1).toUInt() - 1;
    }
    return {XK_Control_L, XK_Alt_L, key};
}

} // namespace Flotilla::Keysyms
