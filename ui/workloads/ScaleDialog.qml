// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// Confirms a scale: where new replicas go, or which replicas go, with their
/// data disks named, kept unless the person ticks the box.
Kirigami.PromptDialog {
    id: dialog

    required property WorkloadListModel workloads
    required property string workloadId
    property int replicas: 0
    property string problem: ""
    property var adds: []
    property var removes: []

    function ask(count: int): void {
        replicas = count;
        problem = workloads.scaleProblem(workloadId, count);
        adds = workloads.scalePreview(workloadId, count);
        removes = workloads.scaleRemoves(workloadId, count);
        deleteData.checked = false;
        open();
    }

    objectName: "scaleDialog"
    title: i18ncp("@title:dialog", "Scale to %1 replica?", "Scale to %1 replicas?", replicas)
    standardButtons: Kirigami.Dialog.Cancel
    customFooterActions: [
        Kirigami.Action {
            objectName: "confirmScale"
            text: i18nc("@action:button", "Scale")
            icon.name: "dialog-ok-apply"
            enabled: dialog.problem.length === 0
            onTriggered: {
                dialog.workloads.scale(dialog.workloadId, dialog.replicas, deleteData.checked);
                dialog.close();
            }
        }
    ]

    ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        QQC2.Label {
            objectName: "scaleProblem"
            Layout.fillWidth: true
            visible: dialog.problem.length > 0
            wrapMode: Text.Wrap
            color: Kirigami.Theme.negativeTextColor
            text: dialog.problem
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: dialog.adds.length > 0 && dialog.problem.length === 0
            wrapMode: Text.Wrap
            text: i18nc("@info", "The new replicas go where the workload's policy puts them:")
        }
        Repeater {
            model: dialog.problem.length === 0 ? dialog.adds : []

            QQC2.Label {
                required property string modelData

                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: "• " + modelData
            }
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: dialog.removes.length > 0
            wrapMode: Text.Wrap
            text: i18nc("@info", "These replicas are removed, those the policy values least:")
        }
        Repeater {
            model: dialog.removes

            QQC2.Label {
                required property var modelData

                objectName: "scaleRemoves:" + modelData.name
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: modelData.dataDisk.length > 0 ? i18nc("@info a replica, its node, its data disk", "• %1 on %2, data disk %3", modelData.name, modelData.nodeName, modelData.dataDisk) : i18nc("@info a replica, its node", "• %1 on %2", modelData.name, modelData.nodeName)
            }
        }
        QQC2.CheckBox {
            id: deleteData

            objectName: "scaleDeleteData"
            visible: dialog.removes.some(replica => replica.dataDisk.length > 0)
            text: i18nc("@option:check", "Delete their data disks too")
        }
    }
}
