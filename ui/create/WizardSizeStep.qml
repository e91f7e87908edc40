// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// Step 3: vCPUs, memory and the root disk; the maximums set how far the
/// machine can grow while it runs.
ColumnLayout {
    id: step

    required property MachineWizard wizard
    property bool showProblems: false

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "How large?")
    }
    Flow {
        Layout.fillWidth: true
        spacing: Kirigami.Units.largeSpacing

        Repeater {
            model: step.wizard.presets

            QQC2.Button {
                required property var modelData
                required property int index

                objectName: "preset" + index
                text: modelData.name + "\n" + modelData.text
                onClicked: step.wizard.applyPreset(index)
            }
        }
    }
    Kirigami.FormLayout {
        Layout.fillWidth: true

        NumberField {
            objectName: "vcpus"
            label: i18nc("@label:spinbox", "vCPUs:")
            from: 0
            to: 1024
            value: step.wizard.vcpus
            onEdited: value => step.wizard.vcpus = value
            problem: step.wizard.problems.vcpus ?? ""
            showProblem: true
        }
        NumberField {
            objectName: "maxVcpus"
            label: i18nc("@label:spinbox", "Up to, while it runs:")
            from: 0
            to: 1024
            value: step.wizard.maxVcpus
            unit: i18nc("@label unit", "vCPUs")
            onEdited: value => step.wizard.maxVcpus = value
            problem: step.wizard.problems.maxVcpus ?? ""
            showProblem: true
        }
        NumberField {
            objectName: "memoryMiB"
            label: i18nc("@label:spinbox", "Memory:")
            from: 0
            to: 4194304
            stepSize: 256
            unit: i18nc("@label unit", "MiB")
            value: step.wizard.memoryMiB
            onEdited: value => step.wizard.memoryMiB = value
            problem: step.wizard.problems.memoryMiB ?? ""
            warning: step.wizard.warnings.memoryMiB ?? ""
            showProblem: true
        }
        NumberField {
            objectName: "maxMemoryMiB"
            label: i18nc("@label:spinbox", "Up to, while it runs:")
            from: 0
            to: 4194304
            stepSize: 256
            unit: i18nc("@label unit", "MiB")
            value: step.wizard.maxMemoryMiB
            onEdited: value => step.wizard.maxMemoryMiB = value
            problem: step.wizard.problems.maxMemoryMiB ?? ""
            showProblem: true
        }
        NumberField {
            objectName: "rootGiB"
            label: i18nc("@label:spinbox", "Root disk:")
            from: 0
            to: 65536
            unit: i18nc("@label unit", "GiB")
            value: step.wizard.rootGiB
            onEdited: value => step.wizard.rootGiB = value
            problem: step.wizard.problems.rootGiB ?? ""
            showProblem: true
        }
    }
}
