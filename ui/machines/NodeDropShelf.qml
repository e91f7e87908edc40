// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// While a machine is dragged from the list: every other node as a place to
/// drop it on, the one under the pointer lit. The machine list and the
/// nodes (their list, the map) are on different pages, so the nodes come
/// to the drag instead.
QQC2.Pane {
    id: shelf

    /// The node the machine is on: not a place to drop it.
    property string excludedNode
    /// Where the pointer is, in the shelf's coordinates.
    property point pointer: Qt.point(-1, -1)
    /// The node under the pointer, or "".
    readonly property string nodeUnderPointer: {
        for (let i = 0; i < chips.count; ++i) {
            const chip = chips.itemAt(i);
            if (chip && chip.visible && chip.contains(chip.mapFromItem(shelf, shelf.pointer))) {
                return chip.nodeId;
            }
        }
        return "";
    }

    padding: Kirigami.Units.largeSpacing
    Kirigami.Theme.colorSet: Kirigami.Theme.Window
    Kirigami.Theme.inherit: false

    contentItem: ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        QQC2.Label {
            text: i18nc("@info", "Drop the machine on a node to move it there")
            color: Kirigami.Theme.disabledTextColor
        }
        Flow {
            Layout.fillWidth: true
            Layout.preferredWidth: shelf.availableWidth
            spacing: Kirigami.Units.smallSpacing

            Repeater {
                id: chips

                model: FleetView.nodes

                Rectangle {
                    id: chip

                    required property string nodeId
                    required property string name
                    required property string city
                    readonly property bool lit: shelf.nodeUnderPointer === nodeId

                    objectName: "dropOn-" + nodeId
                    visible: nodeId !== shelf.excludedNode
                    width: chipText.implicitWidth + Kirigami.Units.largeSpacing * 2
                    height: chipText.implicitHeight + Kirigami.Units.largeSpacing * 2
                    radius: Kirigami.Units.cornerRadius
                    color: lit ? Kirigami.Theme.highlightColor : Kirigami.Theme.alternateBackgroundColor
                    border.color: lit ? Kirigami.Theme.highlightColor : Kirigami.Theme.disabledTextColor
                    border.width: 1

                    QQC2.Label {
                        id: chipText

                        anchors.centerIn: parent
                        color: chip.lit ? Kirigami.Theme.highlightedTextColor : Kirigami.Theme.textColor
                        text: chip.city.length > 0 ? i18nc("@item %1 is a node, %2 its city", "%1 · %2", chip.name, chip.city) : chip.name
                    }
                }
            }
        }
    }
}
