// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// What the map's colours mean.
Flow {
    spacing: Kirigami.Units.largeSpacing

    Repeater {
        model: [
            { tone: StateDot.Tone.Good, text: i18nc("@info map legend", "Connected, idle") },
            { tone: StateDot.Tone.Busy, text: i18nc("@info map legend", "Busy or slow to answer") },
            { tone: StateDot.Tone.Bad, text: i18nc("@info map legend", "Lost, or CPU near 100 %") },
            { tone: StateDot.Tone.Off, text: i18nc("@info map legend", "Disconnected or connecting") }
        ]
        delegate: Row {
            required property var modelData

            spacing: Kirigami.Units.smallSpacing

            StateDot {
                anchors.verticalCenter: parent.verticalCenter
                tone: parent.modelData.tone
            }
            QQC2.Label {
                text: parent.modelData.text
                font: Kirigami.Theme.smallFont
                color: Kirigami.Theme.disabledTextColor
            }
        }
    }
    QQC2.Label {
        text: i18nc("@info map legend", "Larger: more machines. A number: nodes close together.")
        font: Kirigami.Theme.smallFont
        color: Kirigami.Theme.disabledTextColor
    }
}
