// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet
import org.kde.flotilla.map

/// While a machine is dragged from the list: every other node as a place to
/// drop it on, in a list and on the world map, the one under the pointer
/// lit. The machine list and the nodes (their list, the map) are on
/// different pages, so the nodes come to the drag instead.
QQC2.Pane {
    id: shelf

    /// The node the machine is on: not a place to drop it.
    property string excludedNode
    /// Where the pointer is, in the shelf's coordinates.
    property point pointer: Qt.point(-1, -1)
    /// The node under the pointer, or "": a chip, or a marker on the map.
    readonly property string nodeUnderPointer: {
        for (let i = 0; i < chips.count; ++i) {
            const chip = chips.itemAt(i);
            if (chip && chip.visible && chip.contains(chip.mapFromItem(shelf, shelf.pointer))) {
                return chip.nodeId;
            }
        }
        return nodeOnMap(dropMap.map.mapFromItem(shelf, shelf.pointer));
    }

    /// The node whose marker is nearest @p point (in the map's own
    /// coordinates), within a marker and a half; of a group of nodes drawn
    /// as one, the first that can take the machine.
    function nodeOnMap(point: point): string {
        let nearest = "";
        let distance = dropMap.map.markerSize * 1.5;
        for (const group of dropMap.map.groups) {
            const away = Math.hypot(group.x - point.x, group.y - point.y);
            const nodeId = group.nodeIds.find(id => id !== shelf.excludedNode) ?? "";
            if (nodeId.length > 0 && away <= distance) {
                nearest = nodeId;
                distance = away;
            }
        }
        return nearest;
    }

    padding: Kirigami.Units.largeSpacing
    Kirigami.Theme.colorSet: Kirigami.Theme.Window
    Kirigami.Theme.inherit: false

    // The map beside the list where there is room, else below it.
    contentItem: GridLayout {
        columns: shelf.width > Kirigami.Units.gridUnit * 36 ? 2 : 1
        columnSpacing: Kirigami.Units.largeSpacing
        rowSpacing: Kirigami.Units.smallSpacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Kirigami.Units.smallSpacing

            QQC2.Label {
                text: i18nc("@info", "Drop the machine on a node to move it there")
                color: Kirigami.Theme.disabledTextColor
            }
            Flow {
                Layout.fillWidth: true
                Layout.preferredWidth: Kirigami.Units.gridUnit * 16
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
        CountMap {
            id: dropMap

            objectName: "dropMap"
            Layout.preferredWidth: Kirigami.Units.gridUnit * 20
            Layout.fillWidth: parent.columns === 1
            Layout.preferredHeight: Math.round(Math.min(width, Kirigami.Units.gridUnit * 20) * 0.4)
            Layout.alignment: Qt.AlignTop
            openNodes: false

            // The marker under the pointer ringed (the map's own highlight
            // would zoom in on it, and move every marker under the pointer).
            Repeater {
                parent: dropMap.map
                model: dropMap.map.groups

                Rectangle {
                    required property var modelData

                    objectName: "dropRing:" + modelData.nodeIds.join(",")
                    visible: modelData.nodeIds.includes(shelf.nodeUnderPointer)
                    x: modelData.x - width / 2
                    y: modelData.y - height / 2
                    width: dropMap.map.markerSize * 2
                    height: width
                    radius: width / 2
                    color: "transparent"
                    border.color: Kirigami.Theme.highlightColor
                    border.width: 3
                }
            }
        }
    }
}
