// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet
import org.kde.flotilla.charts
import org.kde.flotilla.machines
import org.kde.flotilla.create

/// One node: what it is, and its machines.
Kirigami.ScrollablePage {
    id: page

    required property string nodeId
    required property string nodeName

    title: nodeName
    objectName: "nodePage"

    actions: [
        Kirigami.Action {
            objectName: "editNodeAction"
            text: i18nc("@action:button", "Edit…")
            icon.name: "document-edit"
            onTriggered: applicationWindow().editNode(page.nodeId)
        },
        Kirigami.Action {
            objectName: "drainNodePageAction"
            text: i18nc("@action:button", "Drain…")
            icon.name: "go-next-skip"
            tooltip: i18nc("@info:tooltip", "Move every machine off this node, before its maintenance")
            onTriggered: applicationWindow().drainNode(page.nodeId)
        },
        Kirigami.Action {
            objectName: "removeNodeAction"
            text: i18nc("@action:button", "Remove…")
            icon.name: "list-remove"
            onTriggered: applicationWindow().removeNode(page.nodeId)
        }
    ]

    ListView {
        id: list

        // The header grows as the node's facts and map arrive: the page stays
        // at its top until the person scrolls.
        property bool scrolledByPerson: false

        objectName: "nodeMachineList"
        onMovementStarted: scrolledByPerson = true
        onOriginYChanged: {
            if (!scrolledByPerson) {
                contentY = originY;
            }
        }
        currentIndex: -1
        activeFocusOnTab: true
        keyNavigationEnabled: true
        model: MachineFilterModel {
            sourceModel: FleetView.machines
            nodeId: page.nodeId
        }
        delegate: MachineDelegate {
            width: ListView.view.width
            showNode: false
        }
        header: ColumnLayout {
            width: ListView.view.width
            spacing: 0
            // Grown after the view placed it (charts, facts): keep it in sight when it was,
            // unless the person has scrolled (down to the map, say).
            onHeightChanged: {
                if (!list.scrolledByPerson && list.contentY - list.originY <= height) {
                    Qt.callLater(list.positionViewAtBeginning);
                }
            }

            MetricsCard {
                objectName: "nodeCharts"
                Layout.fillWidth: true
                Layout.margins: Kirigami.Units.largeSpacing
                source: ChartFeeder.Node
                nodeId: page.nodeId
            }
            NodeFacts {
                Layout.fillWidth: true
                nodeId: page.nodeId
            }
            ImageLibraryCard {
                Layout.fillWidth: true
                Layout.margins: Kirigami.Units.largeSpacing
                nodeId: page.nodeId
            }
            Kirigami.Heading {
                Layout.margins: Kirigami.Units.largeSpacing
                level: 3
                text: i18nc("@title:group", "Machines")
            }
        }

        Kirigami.PlaceholderMessage {
            anchors.centerIn: parent
            width: parent.width - Kirigami.Units.gridUnit * 4
            visible: list.count === 0
            icon.name: "computer"
            text: i18nc("@info:placeholder", "No machines on this node")
        }
    }
}
