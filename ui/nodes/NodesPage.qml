// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

Kirigami.ScrollablePage {
    id: page

    title: i18nc("@title:window", "Nodes")
    objectName: "nodesPage"

    actions: [
        Kirigami.Action {
            objectName: "addNodeAction"
            text: i18nc("@action:button", "Add Node…")
            icon.name: "list-add"
            shortcut: StandardKey.New
            onTriggered: applicationWindow().addNode()
        }
    ]

    header: Kirigami.InlineMessage {
        objectName: "startupProblem"
        visible: FleetView.startupProblem.length > 0
        position: Kirigami.InlineMessage.Position.Header
        type: Kirigami.MessageType.Warning
        text: FleetView.startupProblemDetails.length > 0
              ? i18nc("@info error with details", "%1: %2", FleetView.startupProblem, FleetView.startupProblemDetails)
              : FleetView.startupProblem
    }

    ListView {
        id: list

        objectName: "nodeList"
        model: FleetView.nodes
        currentIndex: -1
        activeFocusOnTab: true
        keyNavigationEnabled: true

        delegate: NodeDelegate {
            width: ListView.view.width
            onEditRequested: applicationWindow().editNode(nodeId)
            onRemoveRequested: applicationWindow().removeNode(nodeId)
            onClicked: {
                ListView.view.currentIndex = index;
                applicationWindow().pageStack.push(nodePage, {
                    nodeId: nodeId,
                    nodeName: name
                });
            }
        }

        Component {
            id: nodePage
            NodePage {}
        }

        Kirigami.PlaceholderMessage {
            anchors.centerIn: parent
            width: parent.width - Kirigami.Units.gridUnit * 4
            visible: list.count === 0
            icon.name: "network-server"
            text: i18nc("@info:placeholder", "No nodes yet")
            explanation: i18nc("@info:placeholder", "Add your first node, or start Flotilla with --demo to look around a demo fleet of five nodes.")
            helpfulAction: Kirigami.Action {
                text: i18nc("@action:button", "Add Node…")
                icon.name: "list-add"
                onTriggered: applicationWindow().addNode()
            }
        }
    }
}
