// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.charts
import org.kde.flotilla.fleet
import org.kde.flotilla.machines
import org.kde.flotilla.map

/// One workload: its replicas (node, state, addresses) and their charts together, scaling by hand,
/// start, stop, restart and delete, its policy, the last change's steps,
/// and its template.
Kirigami.ScrollablePage {
    id: page

    required property WorkloadListModel workloads
    required property string workloadId
    property int revision: 0
    readonly property var workload: {
        page.revision;
        return workloads ? workloads.get(workloadId) : {};
    }
    readonly property bool gone: workload.workloadId === undefined
    readonly property var replicaCounts: {
        const counts = {};
        for (const replica of workload.replicas ?? []) {
            counts[replica.nodeId] = (counts[replica.nodeId] ?? 0) + 1;
        }
        return counts;
    }

    /// The autoscaler's fields, as the workload's policy has them (not rebound while the person edits them).
    function loadAutoscaler(): void {
        const shown = workload ?? {};
        const scaling = shown.autoscaling ?? {};
        autoscaleOn.checked = shown.autoscale ?? false;
        metricChoice.currentIndex = scaling.metric === "memory" ? 1 : 0;
        targetBox.value = scaling.target ?? 60;
        minimumBox.value = scaling.minimum ?? 1;
        maximumBox.value = scaling.maximum ?? 10;
        dryRun.checked = scaling.dryRun ?? false;
    }

    objectName: "workloadPage"
    title: gone ? i18nc("@title:window", "Workload") : workload.name
    Component.onCompleted: loadAutoscaler()
    onWorkloadIdChanged: loadAutoscaler()

    Connections {
        target: page.workloads
        function onDataChanged(): void {
            page.revision += 1;
        }
        function onModelReset(): void {
            page.revision += 1;
        }
        function onProblem(workloadId: string, message: string): void {
            if (workloadId === page.workloadId) {
                problemMessage.text = message;
                problemMessage.visible = true;
            }
        }
    }

    actions: [
        Kirigami.Action {
            objectName: "workloadStart"
            text: i18nc("@action:intoolbar", "Start")
            icon.name: "media-playback-start"
            enabled: !page.gone && page.workload.running < page.workload.replicaCount
            onTriggered: page.workloads.start(page.workloadId)
        },
        Kirigami.Action {
            objectName: "workloadStop"
            text: i18nc("@action:intoolbar", "Shut Down")
            icon.name: "system-shutdown"
            enabled: !page.gone && page.workload.running > 0
            onTriggered: page.workloads.stop(page.workloadId)
        },
        Kirigami.Action {
            objectName: "workloadRestart"
            text: i18nc("@action:intoolbar", "Restart One by One")
            icon.name: "view-refresh"
            enabled: !page.gone && page.workload.running > 0
            onTriggered: page.workloads.restart(page.workloadId)
        },
        Kirigami.Action {
            objectName: "workloadEditTemplate"
            text: i18nc("@action:intoolbar", "Change Template…")
            icon.name: "document-edit"
            enabled: !page.gone && !page.workload.changing
            onTriggered: replaceDialog.ask()
        },
        Kirigami.Action {
            objectName: "copyKubeconfig"
            text: i18nc("@action:intoolbar", "Copy kubeconfig")
            icon.name: "edit-copy"
            visible: !page.gone && (page.workload.cluster ?? "").length > 0
            enabled: !kubeconfig.busy
            onTriggered: kubeconfig.fetch(page.workloadId)
        },
        Kirigami.Action {
            objectName: "workloadDelete"
            text: i18nc("@action:intoolbar", "Delete…")
            icon.name: "edit-delete"
            enabled: !page.gone && !page.workload.changing
            onTriggered: deleteDialog.open()
        }
    ]

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.InlineMessage {
            objectName: "workloadGone"
            Layout.fillWidth: true
            visible: page.gone
            type: Kirigami.MessageType.Information
            text: i18nc("@info", "This workload has no replicas left on the fleet's nodes.")
        }
        Kirigami.InlineMessage {
            id: problemMessage

            objectName: "workloadProblem"
            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            showCloseButton: true
        }
        Kirigami.InlineMessage {
            id: kubeconfigMessage

            objectName: "kubeconfigMessage"
            Layout.fillWidth: true
            showCloseButton: true
        }
        QQC2.TextField {
            objectName: "kubeconfigCommand"
            Layout.fillWidth: true
            visible: kubeconfig.command.length > 0
            readOnly: true
            font.family: "monospace"
            text: kubeconfig.command
            onTextChanged: cursorPosition = 0 // the command's start, not its end
        }
        KubeconfigFetcher {
            id: kubeconfig

            workloads: page.workloads
            onChanged: {
                kubeconfigMessage.type = failed ? Kirigami.MessageType.Warning : Kirigami.MessageType.Positive;
                kubeconfigMessage.text = message;
                kubeconfigMessage.visible = message.length > 0;
            }
        }
        Repeater {
            model: page.workload.disagreements ?? []

            Kirigami.InlineMessage {
                required property string modelData

                objectName: "disagreement"
                Layout.fillWidth: true
                visible: true
                type: Kirigami.MessageType.Warning
                text: modelData
            }
        }

        RowLayout {
            visible: !page.gone
            spacing: Kirigami.Units.largeSpacing

            QQC2.Label {
                objectName: "workloadRunning"
                font.pointSize: Kirigami.Theme.defaultFont.pointSize * 1.6
                text: i18nc("@info", "%1 of %2 running", page.workload.running ?? 0, page.workload.desired ?? 0)
            }
            Item {
                Layout.fillWidth: true
            }
            QQC2.Label {
                text: i18nc("@label:spinbox", "Replicas:")
            }
            QQC2.SpinBox {
                id: scaleBox

                objectName: "scaleReplicas"
                from: 0
                to: 1000
                editable: true
                value: page.workload.desired ?? 0
                Accessible.name: i18nc("@label:spinbox", "Replicas")
            }
            QQC2.Button {
                objectName: "scaleApply"
                text: i18nc("@action:button", "Apply")
                icon.name: "dialog-ok-apply"
                enabled: !page.gone && !page.workload.changing && scaleBox.value !== page.workload.replicaCount
                onClicked: scaleDialog.ask(scaleBox.value)
            }
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: !page.gone
            wrapMode: Text.Wrap
            color: Kirigami.Theme.disabledTextColor
            text: (page.workload.policyText ?? "") + " · " + (page.workload.image ?? "") + " · " + (page.workload.sizeText ?? "")
        }

        CountMap {
            objectName: "workloadMap"
            Layout.fillWidth: true
            Layout.maximumHeight: Kirigami.Units.gridUnit * 12
            visible: !page.gone
            counts: page.replicaCounts
        }
        // Its replicas together: their mean CPU, their memory, disk and network summed.
        MetricsCard {
            objectName: "workloadCharts"
            Layout.fillWidth: true
            visible: !page.gone
            source: ChartFeeder.Machines
            workloadId: page.workloadId
            machines: (page.workload.replicas ?? []).map(replica => replica.nodeId + "/" + replica.uuid)
        }

        Kirigami.Heading {
            level: 3
            visible: !page.gone
            text: i18nc("@title", "Replicas")
        }
        Repeater {
            model: page.workload.replicas ?? []

            QQC2.ItemDelegate {
                id: replicaRow

                required property var modelData

                objectName: "replica:" + modelData.name
                Layout.fillWidth: true
                // Its machine's page: charts, disks, console, and "Make a Template".
                onClicked: applicationWindow().pageStack.push(machinePage, { uuid: modelData.uuid })
                contentItem: RowLayout {
                    spacing: Kirigami.Units.largeSpacing

                    Kirigami.Icon {
                        source: replicaRow.modelData.running ? "media-playback-start" : "media-playback-stop"
                        implicitWidth: Kirigami.Units.iconSizes.small
                        implicitHeight: Kirigami.Units.iconSizes.small
                    }
                    QQC2.Label {
                        Layout.preferredWidth: Kirigami.Units.gridUnit * 7
                        font.bold: true
                        text: replicaRow.modelData.name
                    }
                    QQC2.Label {
                        Layout.preferredWidth: Kirigami.Units.gridUnit * 7
                        text: replicaRow.modelData.nodeName
                    }
                    QQC2.Label {
                        Layout.preferredWidth: Kirigami.Units.gridUnit * 6
                        text: replicaRow.modelData.state
                    }
                    QQC2.Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        color: Kirigami.Theme.disabledTextColor
                        text: replicaRow.modelData.outdated ? i18nc("@info", "older template") : replicaRow.modelData.addresses
                    }
                }
            }
        }

        Kirigami.Heading {
            level: 3
            visible: !page.gone
            text: i18nc("@title", "Autoscaler")
        }
        QQC2.Label {
            objectName: "scaledBy"
            Layout.fillWidth: true
            visible: !page.gone
            wrapMode: Text.Wrap
            text: page.workload.scaledBy === "self" ? i18nc("@info", "This Flotilla scales the workload while it is open.")
                : (page.workload.scaledBy ?? "").length > 0 ? i18nc("@info a person", "Scaled by %1, whose Flotilla is open; this one only watches.", page.workload.scaledBy)
                : page.workload.autoscale ? i18nc("@info", "On; the next open Flotilla takes it on.")
                : i18nc("@info", "Off: the workload keeps the replicas you set.")
        }
        Flow {
            Layout.fillWidth: true
            visible: !page.gone
            spacing: Kirigami.Units.largeSpacing

            QQC2.Switch {
                id: autoscaleOn

                objectName: "autoscaleOn"
                text: i18nc("@option:check", "Scale with the load")
            }
            QQC2.ComboBox {
                id: metricChoice

                objectName: "autoscaleMetric"
                model: [i18nc("@item:inlistbox autoscaler metric", "Average CPU"), i18nc("@item:inlistbox autoscaler metric", "Average memory")]
            }
            RowLayout {
                QQC2.Label {
                    text: i18nc("@label:spinbox", "Target %:")
                }
                QQC2.SpinBox {
                    id: targetBox

                    objectName: "autoscaleTarget"
                    from: 1
                    to: 100
                }
            }
            RowLayout {
                QQC2.Label {
                    text: i18nc("@label:spinbox", "Replicas from:")
                }
                QQC2.SpinBox {
                    id: minimumBox

                    objectName: "autoscaleMinimum"
                    from: 1
                    to: 1000
                }
                QQC2.Label {
                    text: i18nc("@label:spinbox replicas from … to", "to:")
                }
                QQC2.SpinBox {
                    id: maximumBox

                    objectName: "autoscaleMaximum"
                    from: 1
                    to: 1000
                }
            }
            QQC2.CheckBox {
                id: dryRun

                objectName: "autoscaleDryRun"
                text: i18nc("@option:check", "Dry run: explain, do nothing")
            }
            QQC2.Button {
                objectName: "autoscaleApply"
                text: i18nc("@action:button", "Apply")
                icon.name: "dialog-ok-apply"
                enabled: !page.workload.changing
                onClicked: page.workloads.setAutoscale(page.workloadId, autoscaleOn.checked, metricChoice.currentIndex === 1 ? "memory" : "cpu", targetBox.value, minimumBox.value, maximumBox.value, dryRun.checked)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            visible: FleetView.demo && !page.gone

            QQC2.Label {
                text: i18nc("@label:slider", "Simulated load (demo):")
            }
            QQC2.Slider {
                id: loadSlider

                objectName: "simulatedLoad"
                Layout.fillWidth: true
                from: 0
                to: 100
                stepSize: 5
                value: Math.max(0, page.workload.simulatedLoad ?? 0)
                onMoved: page.workloads.setSimulatedLoad(page.workloadId, value)
            }
            QQC2.Label {
                text: (page.workload.simulatedLoad ?? -1) < 0 ? i18nc("@info simulated load", "its own") : i18nc("@info percent", "%1 %", page.workload.simulatedLoad)
            }
            QQC2.Button {
                text: i18nc("@action:button", "Let It Be")
                enabled: (page.workload.simulatedLoad ?? -1) >= 0
                onClicked: page.workloads.setSimulatedLoad(page.workloadId, -1)
            }
        }
        Repeater {
            model: (page.workload.events ?? []).slice(0, 8)

            QQC2.Label {
                required property var modelData

                objectName: "autoscalerEvent"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: Qt.formatTime(modelData.at, Qt.DefaultLocaleShortDate) + "  " + modelData.text
            }
        }

        Kirigami.Heading {
            level: 3
            visible: (page.workload.changeSteps ?? []).length > 0
            text: page.workload.changing ? i18nc("@title", "Changing…") : i18nc("@title", "Last change")
        }
        QQC2.Label {
            objectName: "changeSummary"
            Layout.fillWidth: true
            visible: text.length > 0
            wrapMode: Text.Wrap
            text: page.workload.changeSummary ?? ""
        }
        ChangeSteps {
            Layout.fillWidth: true
            steps: page.workload.changeSteps ?? []
        }

        Kirigami.Heading {
            level: 3
            visible: !page.gone
            text: i18nc("@title", "Template")
        }
        QQC2.TextArea {
            objectName: "templateText"
            Layout.fillWidth: true
            visible: !page.gone
            readOnly: true
            font.family: "monospace"
            wrapMode: TextEdit.Wrap
            text: page.workload.templateJson ?? ""
        }
    }

    Component {
        id: machinePage
        MachinePage {}
    }

    ReplaceDialog {
        id: replaceDialog

        workloads: page.workloads
        workloadId: page.workloadId
    }

    ScaleDialog {
        id: scaleDialog

        workloads: page.workloads
        workloadId: page.workloadId
    }

    Kirigami.PromptDialog {
        id: deleteDialog

        objectName: "deleteWorkloadDialog"
        title: i18nc("@title:dialog", "Delete %1?", page.workload.name ?? "")
        subtitle: i18ncp("@info", "Its %1 replica is deleted, with its root disk and setup.", "Its %1 replicas are deleted, with their root disks and setups.", page.workload.replicaCount ?? 0)
        standardButtons: Kirigami.Dialog.Cancel
        customFooterActions: [
            Kirigami.Action {
                objectName: "confirmDeleteWorkload"
                text: i18nc("@action:button", "Delete")
                icon.name: "edit-delete"
                onTriggered: {
                    page.workloads.remove(page.workloadId, deleteData.checked);
                    deleteDialog.close();
                }
            }
        ]

        QQC2.CheckBox {
            id: deleteData

            objectName: "deleteWorkloadData"
            text: i18nc("@option:check", "Delete their data disks too")
        }
    }
}
