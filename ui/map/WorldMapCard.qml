// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// The world map in a card: every node where it stands, zoom buttons and a
/// legend. By default it shows the fleet's nodes and opens a node's page
/// when one is clicked (set openNodes to false to handle nodeClicked alone).
Kirigami.AbstractCard {
    id: card

    property alias map: worldMap
    property alias model: worldMap.model
    property alias picking: worldMap.picking
    property alias highlightedNodeId: worldMap.highlightedNodeId
    property bool showLegend: true
    property bool openNodes: true

    signal nodeClicked(nodeId: string)
    signal locationPicked(latitude: real, longitude: real)

    // The world is 360° wide and 144° high as drawn.
    implicitHeight: Math.max(Kirigami.Units.gridUnit * 8, width * 0.4) + (showLegend ? legend.implicitHeight + Kirigami.Units.smallSpacing * 2 : 0)
    padding: 0
    topPadding: 0
    bottomPadding: 0
    leftPadding: 0
    rightPadding: 0

    contentItem: ColumnLayout {
        spacing: 0

        WorldMap {
            id: worldMap

            objectName: "worldMap"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: FleetView.nodes
            markerSize: Kirigami.Units.gridUnit * 0.8
            waterColor: Kirigami.ColorUtils.tintWithAlpha(Kirigami.Theme.backgroundColor, Kirigami.Theme.highlightColor, 0.12)
            landColor: Kirigami.Theme.backgroundColor
            borderColor: Kirigami.ColorUtils.tintWithAlpha(Kirigami.Theme.backgroundColor, Kirigami.Theme.textColor, 0.3)
            goodColor: Kirigami.Theme.positiveTextColor
            busyColor: Kirigami.Theme.neutralTextColor
            badColor: Kirigami.Theme.negativeTextColor
            offColor: Kirigami.Theme.disabledTextColor
            textColor: Kirigami.Theme.textColor
            highlightColor: Kirigami.Theme.highlightColor
            Accessible.role: Accessible.Graphic
            // The marker the keyboard is on speaks for the map while it has one.
            Accessible.name: focusText.length > 0 ? focusText
                           : picking ? i18nc("@info accessible", "World map: click to choose the node's place")
                                     : i18nc("@info accessible", "World map of the nodes")
            Accessible.description: i18nc("@info accessible", "Tab moves between the nodes in view, Enter opens one, the Menu key offers what to do with it; arrow keys pan, plus and minus zoom")

            onNodeClicked: nodeId => {
                card.nodeClicked(nodeId);
                if (card.openNodes) {
                    applicationWindow().openNode(nodeId);
                }
            }
            onLocationPicked: (latitude, longitude) => card.locationPicked(latitude, longitude)
            onNodeMenuRequested: (nodeId, point) => {
                nodeMenu.nodeId = nodeId;
                nodeMenu.popup(worldMap, point);
            }

            QQC2.Menu {
                id: nodeMenu

                property string nodeId

                objectName: "mapNodeMenu"

                QQC2.MenuItem {
                    text: i18nc("@action:inmenu", "Open Node")
                    icon.name: "network-server"
                    onTriggered: applicationWindow().openNode(nodeMenu.nodeId)
                }
                QQC2.MenuItem {
                    objectName: "mapCreateMachine"
                    text: i18nc("@action:inmenu", "Create Machine Here…")
                    icon.name: "list-add"
                    onTriggered: applicationWindow().createMachine(nodeMenu.nodeId, "")
                }
            }

            QQC2.ToolTip {
                x: Math.min(worldMap.hoverPoint.x + Kirigami.Units.gridUnit, worldMap.width - width)
                y: worldMap.hoverPoint.y + Kirigami.Units.gridUnit
                visible: worldMap.hoverText.length > 0
                text: worldMap.hoverText
            }

            MapZoomButtons {
                anchors.top: parent.top
                anchors.right: parent.right
                anchors.margins: Kirigami.Units.smallSpacing
                map: worldMap
            }
        }

        MapLegend {
            id: legend

            Layout.fillWidth: true
            Layout.margins: Kirigami.Units.smallSpacing
            visible: card.showLegend
        }
    }
}
