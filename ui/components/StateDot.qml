// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import org.kde.kirigami as Kirigami

/// A small coloured disc telling good, busy, off or bad at a glance.
Rectangle {
    enum Tone {
        Good,
        Busy,
        Off,
        Bad
    }

    property int tone: StateDot.Tone.Off

    implicitWidth: Kirigami.Units.iconSizes.small / 1.5
    implicitHeight: implicitWidth
    radius: width / 2
    color: switch (tone) {
    case StateDot.Tone.Good:
        return Kirigami.Theme.positiveTextColor;
    case StateDot.Tone.Busy:
        return Kirigami.Theme.neutralTextColor;
    case StateDot.Tone.Bad:
        return Kirigami.Theme.negativeTextColor;
    default:
        return Kirigami.Theme.disabledTextColor;
    }
}
