// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.fleet

/// What happened lately in the fleet, newest first.
Kirigami.AbstractCard {
    id: card

    header: Kirigami.Heading {
        level: 3
        text: i18nc("@title:group", "Recent Events")
    }

    contentItem: ListView {
        id: list

        objectName: "eventList"
        implicitHeight: Kirigami.Units.gridUnit * 16
        clip: true
        model: FleetView.events
        activeFocusOnTab: true
        keyNavigationEnabled: true
        currentIndex: -1
        QQC2.ScrollBar.vertical: QQC2.ScrollBar {}

        delegate: QQC2.ItemDelegate {
            id: row

            required property int index
            required property string message
            required property string timeText
            required property string details
            required property int tone

            width: ListView.view.width
            highlighted: ListView.isCurrentItem
            onClicked: ListView.view.currentIndex = index
            Accessible.name: i18nc("@info accessible event: time, text", "%1, %2", timeText, message)

            contentItem: RowLayout {
                spacing: Kirigami.Units.largeSpacing

                StateDot {
                    tone: switch (row.tone) {
                    case EventListModel.Positive:
                        return StateDot.Tone.Good;
                    case EventListModel.Negative:
                        return StateDot.Tone.Bad;
                    case EventListModel.Warning:
                        return StateDot.Tone.Busy;
                    default:
                        return StateDot.Tone.Off;
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0

                    QQC2.Label {
                        Layout.fillWidth: true
                        text: row.message
                        elide: Text.ElideRight
                    }
                    QQC2.Label {
                        Layout.fillWidth: true
                        visible: row.details.length > 0
                        text: row.details
                        color: Kirigami.Theme.disabledTextColor
                        font: Kirigami.Theme.smallFont
                        elide: Text.ElideRight
                    }
                }
                QQC2.Label {
                    text: row.timeText
                    color: Kirigami.Theme.disabledTextColor
                }
            }
        }

        Kirigami.PlaceholderMessage {
            anchors.centerIn: parent
            width: parent.width - Kirigami.Units.gridUnit * 2
            visible: list.count === 0
            icon.name: "view-history"
            text: i18nc("@info:placeholder", "Nothing has happened yet")
            explanation: i18nc("@info:placeholder", "Nodes lost and back, machines started and stopped will show here.")
        }
    }
}
