// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// Step 1: what each replica is: a name, an image, a size, disks, packages.
ColumnLayout {
    id: step

    required property WorkloadDeployer deployer
    property bool showProblems: false

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "What should each replica be?")
    }
    Kirigami.FormLayout {
        Layout.fillWidth: true

        QQC2.ComboBox {
            objectName: "templateChoice"
            Kirigami.FormData.label: i18nc("@label:listbox", "Start from:")
            visible: step.deployer.templates.length > 0
            model: [i18nc("@item:inlistbox", "A new template")].concat(step.deployer.templates)
            // Built-in ones come first: "docker-host".
            onActivated: index => {
                if (index > 0) {
                    templateProblem.text = step.deployer.loadTemplate(step.deployer.templates[index - 1]);
                }
            }
        }
        QQC2.Label {
            id: templateProblem

            visible: text.length > 0
            color: Kirigami.Theme.negativeTextColor
        }
        QQC2.TextField {
            objectName: "workloadName"
            Kirigami.FormData.label: i18nc("@label:textbox", "Name:")
            text: step.deployer.name
            onTextEdited: step.deployer.name = text
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.name ?? ""
        }
        QQC2.ComboBox {
            objectName: "workloadImage"
            Kirigami.FormData.label: i18nc("@label:listbox", "Image:")
            model: step.deployer.images.map(image => i18ncp("@item:inlistbox image, on how many nodes", "%2 (on %1 node)", "%2 (on %1 nodes)", image.nodes, image.name))
            currentIndex: step.deployer.images.findIndex(image => image.name === step.deployer.image)
            onActivated: index => step.deployer.image = step.deployer.images[index].name
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.image ?? ""
        }
        QQC2.SpinBox {
            objectName: "workloadVcpus"
            Kirigami.FormData.label: i18nc("@label:spinbox", "vCPUs:")
            from: 1
            to: 64
            value: step.deployer.vcpus
            onValueModified: step.deployer.vcpus = value
        }
        QQC2.SpinBox {
            objectName: "workloadMemory"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Memory (MiB):")
            from: 128
            to: 262144
            stepSize: 128
            editable: true
            value: step.deployer.memoryMiB
            onValueModified: step.deployer.memoryMiB = value
        }
        QQC2.SpinBox {
            objectName: "workloadRoot"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Root disk (GiB):")
            from: 1
            to: 4096
            editable: true
            value: step.deployer.rootGiB
            onValueModified: step.deployer.rootGiB = value
        }
        QQC2.SpinBox {
            objectName: "workloadData"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Data disk (GiB, 0: none):")
            from: 0
            to: 65536
            editable: true
            value: step.deployer.dataGiB
            onValueModified: step.deployer.dataGiB = value
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.size ?? ""
        }
        QQC2.TextField {
            objectName: "workloadPackages"
            Kirigami.FormData.label: i18nc("@label:textbox", "Packages:")
            placeholderText: i18nc("@info:placeholder", "nginx curl")
            text: step.deployer.packages
            onTextEdited: step.deployer.packages = text
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.packages ?? ""
        }
        QQC2.Label {
            objectName: "workloadCommands"
            Kirigami.FormData.label: i18nc("@label", "First boot runs:")
            Layout.fillWidth: true
            visible: step.deployer.commands.length > 0
            wrapMode: Text.Wrap
            font.family: "monospace"
            text: step.deployer.commands.join("\n")
        }
        QQC2.TextField {
            objectName: "workloadSshKey"
            Kirigami.FormData.label: i18nc("@label:textbox", "SSH key:")
            placeholderText: i18nc("@info:placeholder", "ssh-ed25519 AAAA… you@desktop")
            text: step.deployer.sshKey
            onTextEdited: step.deployer.sshKey = text
        }
        QQC2.Button {
            objectName: "saveTemplate"
            text: i18nc("@action:button", "Keep as a Template")
            icon.name: "document-save"
            onClicked: templateProblem.text = step.deployer.saveTemplate()
        }
    }
}
