// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla

/// One node: what it is, and its machines.
Kirigami.ScrollablePage {
    id: page

    required property string nodeId
    required property string nodeName

    title: nodeName
    objectName: "nodePage"

    ListView {
        id: list

        objectName: "nodeMachineList"
        // The facts above the machines grow as they arrive: stay at the top
        // until the person scrolls.
        property bool scrolledByPerson: false
        onMovementStarted: scrolledByPerson = true
        onOriginYChanged: if (!scrolledByPerson) contentY = originY
        currentIndex: -1
        activeFocusOnTab: true
        keyNavigationEnabled: true
        model: MachineFilterModel {
            sourceModel: Fleet.machines
            nodeId: page.nodeId
        }
        delegate: MachineDelegate {
            width: ListView.view.width
            showNode: false
        }
        header: ColumnLayout {
            width: ListView.view.width
            spacing: 0
            // Grown after the view placed it (charts, facts): keep it in sight when it was.
            onHeightChanged: {
                if (list.contentY - list.originY <= height) {
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
