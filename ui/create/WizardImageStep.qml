// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Dialogs
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// Step 1: the image the machines are made from, from the nodes' libraries or a file.
ColumnLayout {
    id: step

    required property MachineWizard wizard
    property bool showProblems: false

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "Which image should the machine start from?")
    }
    QQC2.Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: i18nc("@info", "Images in your nodes' libraries. The root disk is made from the image; the image itself is not changed.")
    }
    Kirigami.PlaceholderMessage {
        Layout.fillWidth: true
        visible: step.wizard.images.length === 0
        icon.name: "application-x-cd-image"
        text: i18nc("@info", "No images yet")
        explanation: i18nc("@info", "Add a disk image (qcow2 or raw) from a file on this computer.")
    }
    Repeater {
        model: step.wizard.images

        QQC2.RadioDelegate {
            required property var modelData

            objectName: "wizardImage:" + modelData.name
            Layout.fillWidth: true
            checked: step.wizard.image === modelData.name && step.wizard.imageFile.toString().length === 0
            onClicked: step.wizard.image = modelData.name
            contentItem: ColumnLayout {
                spacing: 0
                QQC2.Label {
                    Layout.fillWidth: true
                    text: modelData.name
                    elide: Text.ElideMiddle
                    font.bold: true
                }
                QQC2.Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font: Kirigami.Theme.smallFont
                    color: modelData.problem ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.disabledTextColor
                    text: modelData.problem ? modelData.problem : i18nc("@info format, size, nodes", "%1, %2, on %3", modelData.format, step.wizard.formatBytes(modelData.virtualBytes), modelData.nodes.join(", "))
                }
            }
        }
    }
    RowLayout {
        QQC2.Button {
            objectName: "addImageFromFile"
            text: i18nc("@action:button", "Add Image from File…")
            icon.name: "document-open"
            onClicked: fileDialog.open()
        }
        QQC2.Label {
            visible: step.wizard.imageFile.toString().length > 0
            text: i18nc("@info", "%1, uploaded to the node when the machine is made", step.wizard.image)
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
    }
    ProblemText {
        objectName: "imageProblem"
        shown: step.showProblems
        text: step.wizard.problems.image ?? ""
    }
    FileDialog {
        id: fileDialog

        title: i18nc("@title:window", "Choose a Disk Image")
        nameFilters: [i18nc("@item file type", "Disk images (*.qcow2 *.img *.raw)"), i18nc("@item file type", "All files (*)")]
        onAccepted: step.wizard.imageFile = selectedFile
    }
}
