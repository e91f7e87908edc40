// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// Changes a workload's template (its image, size, packages) and replaces
/// its replicas with new ones made from it, N at a time: each new one is
/// made and started before its old one goes, and takes over its data disk.
Kirigami.Dialog {
    id: dialog

    required property WorkloadListModel workloads
    required property string workloadId
    property var images: []
    readonly property var fields: ({
            image: image.currentText,
            vcpus: vcpus.value,
            memoryMiB: memory.value,
            rootGiB: root.value,
            packages: packages.text
        })
    readonly property string problem: visible ? workloads.replaceProblem(workloadId, fields) : ""

    function ask(): void {
        const now = workloads.templateFields(workloadId);
        images = workloads.imagesFor(workloadId);
        image.currentIndex = Math.max(0, images.indexOf(now.image));
        vcpus.value = now.vcpus;
        memory.value = now.memoryMiB;
        root.value = now.rootGiB;
        packages.text = now.packages;
        packages.cursorPosition = 0;
        atATime.value = 1;
        open();
    }

    objectName: "replaceDialog"
    title: i18nc("@title:dialog", "Change the Template")
    padding: Kirigami.Units.largeSpacing
    standardButtons: Kirigami.Dialog.Cancel
    customFooterActions: [
        Kirigami.Action {
            objectName: "confirmReplace"
            text: i18nc("@action:button", "Replace the Replicas")
            icon.name: "view-refresh"
            enabled: dialog.problem.length === 0
            onTriggered: {
                dialog.workloads.replaceTemplate(dialog.workloadId, dialog.fields, atATime.value);
                dialog.close();
            }
        }
    ]

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.FormLayout {
            Layout.fillWidth: true

            QQC2.ComboBox {
                id: image

                objectName: "replaceImage"
                Kirigami.FormData.label: i18nc("@label:listbox", "Image:")
                model: dialog.images
            }
            QQC2.SpinBox {
                id: vcpus

                objectName: "replaceVcpus"
                Kirigami.FormData.label: i18nc("@label:spinbox", "vCPUs:")
                from: 1
                to: 64
            }
            QQC2.SpinBox {
                id: memory

                objectName: "replaceMemory"
                Kirigami.FormData.label: i18nc("@label:spinbox", "Memory (MiB):")
                from: 128
                to: 262144
                stepSize: 128
                editable: true
            }
            QQC2.SpinBox {
                id: root

                objectName: "replaceRoot"
                Kirigami.FormData.label: i18nc("@label:spinbox", "Root disk (GiB):")
                from: 1
                to: 4096
                editable: true
            }
            QQC2.TextField {
                id: packages

                objectName: "replacePackages"
                Kirigami.FormData.label: i18nc("@label:textbox", "Packages:")
            }
            QQC2.SpinBox {
                id: atATime

                objectName: "replaceAtATime"
                Kirigami.FormData.label: i18nc("@label:spinbox", "Replace at a time:")
                from: 1
                to: 100
            }
        }
        QQC2.Label {
            objectName: "replaceProblem"
            Layout.fillWidth: true
            Layout.maximumWidth: Kirigami.Units.gridUnit * 26
            visible: dialog.problem.length > 0
            wrapMode: Text.Wrap
            color: Kirigami.Theme.negativeTextColor
            text: dialog.problem
        }
        QQC2.Label {
            Layout.fillWidth: true
            Layout.maximumWidth: Kirigami.Units.gridUnit * 26
            visible: dialog.problem.length === 0
            wrapMode: Text.Wrap
            text: i18ncp("@info", "Each replica is replaced on its own node, %1 at a time: the new one is made and started, then the old one is removed, and a data disk moves to the new one. A new one that cannot be made keeps its old one.", "Each replica is replaced on its own node, %1 at a time: the new one is made and started, then the old one is removed, and a data disk moves to the new one. A new one that cannot be made keeps its old one.", atATime.value)
        }
    }
}
