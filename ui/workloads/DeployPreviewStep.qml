// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.map

/// Step 3: where the replicas will go, on the map and node by node with
/// the reasons; a replica can be moved to another node, and the plan is
/// checked again.
ColumnLayout {
    id: step

    required property WorkloadDeployer deployer

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "Where they will go")
    }
    Kirigami.InlineMessage {
        objectName: "planProblem"
        Layout.fillWidth: true
        visible: step.deployer.planProblem.length > 0
        type: Kirigami.MessageType.Error
        text: step.deployer.planProblem
    }
    Kirigami.InlineMessage {
        id: moveProblem

        objectName: "moveProblem"
        Layout.fillWidth: true
        type: Kirigami.MessageType.Warning
        showCloseButton: true
    }
    RowLayout {
        visible: step.deployer.movedByHand
        QQC2.Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: i18nc("@info", "You moved replicas by hand; the plan was checked again.")
        }
        QQC2.Button {
            objectName: "replan"
            text: i18nc("@action:button", "Place Them Again")
            icon.name: "view-refresh"
            onClicked: step.deployer.makePlan()
        }
    }
    CountMap {
        objectName: "planMap"
        Layout.fillWidth: true
        Layout.maximumHeight: Kirigami.Units.gridUnit * 14
        openNodes: false
        counts: step.deployer.planCounts
    }
    Repeater {
        model: step.deployer.plan

        RowLayout {
            id: row

            required property var modelData

            objectName: "planRow:" + modelData.nodeId
            Layout.fillWidth: true
            spacing: Kirigami.Units.largeSpacing

            QQC2.Label {
                Layout.preferredWidth: Kirigami.Units.gridUnit * 2
                horizontalAlignment: Text.AlignRight
                font.bold: true
                text: row.modelData.count > 0 ? row.modelData.count : "–"
            }
            QQC2.Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: row.modelData.count > 0 ? Kirigami.Theme.textColor : Kirigami.Theme.disabledTextColor
                text: row.modelData.explanation
            }
            QQC2.ComboBox {
                objectName: "moveFrom:" + row.modelData.nodeId
                visible: row.modelData.count > 0
                displayText: i18nc("@action:button", "Move One To…")
                model: step.deployer.plan.filter(other => other.nodeId !== row.modelData.nodeId).map(other => other.name)
                onActivated: index => {
                    const others = step.deployer.plan.filter(other => other.nodeId !== row.modelData.nodeId);
                    const why = step.deployer.moveReplica(row.modelData.nodeId, others[index].nodeId);
                    moveProblem.text = why.length > 0 ? i18nc("@info", "Not moved: %1", why) : "";
                    moveProblem.visible = why.length > 0;
                }
            }
        }
    }
}
