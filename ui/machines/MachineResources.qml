// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// A machine's vCPUs and memory: changed now, within its maximums, while it
/// runs; the maximums themselves change from its next boot on.
ColumnLayout {
    id: card

    spacing: Kirigami.Units.smallSpacing

    required property MachineView machine
    readonly property var facts: machine.facts
    readonly property string when: machine.active ? i18nc("@info", "Applies now and from the next boot on.")
                                                  : i18nc("@info", "Applies from the next boot on.")

    Kirigami.Heading {
        Layout.fillWidth: true
        text: i18nc("@title:group", "vCPUs and Memory")
        level: 3
    }

    Kirigami.FormLayout {
        Layout.fillWidth: true
        ResourceField {
            objectName: "vcpusField"
            Kirigami.FormData.label: i18nc("@label:spinbox", "vCPUs:")
            current: card.facts.vcpus ?? 1
            to: card.facts.maxVcpus ?? 1
            busy: card.machine.busy
            onApplied: value => card.machine.setVcpus(value)
        }
        QQC2.Label {
            text: i18nc("@info", "Up to %1, its maximum. %2", card.facts.maxVcpus ?? 0, card.when)
            font: Kirigami.Theme.smallFont
            color: Kirigami.Theme.disabledTextColor
        }
        ResourceField {
            objectName: "memoryField"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Memory:")
            current: card.facts.memoryMiB ?? 0
            from: 64
            to: card.facts.maxMemoryMiB ?? 64
            stepSize: 256
            suffix: i18nc("@item:valuesuffix mebibytes", "MiB")
            busy: card.machine.busy
            onApplied: value => card.machine.setMemoryMiB(value)
        }
        QQC2.Label {
            text: i18nc("@info", "Up to %1, its maximum. %2", card.facts.maxMemoryText ?? "", card.when)
            font: Kirigami.Theme.smallFont
            color: Kirigami.Theme.disabledTextColor
        }
        Kirigami.Separator {
            Kirigami.FormData.isSection: true
            Kirigami.FormData.label: i18nc("@title:group", "Maximums, from the next boot on")
        }
        ResourceField {
            objectName: "maxVcpusField"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Maximum vCPUs:")
            current: card.facts.maxVcpus ?? 1
            to: 512
            busy: card.machine.busy
            onApplied: value => card.machine.setMaxVcpus(value)
        }
        ResourceField {
            objectName: "maxMemoryField"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Maximum memory:")
            current: card.facts.maxMemoryMiB ?? 0
            from: 64
            to: 4194304
            stepSize: 1024
            suffix: i18nc("@item:valuesuffix mebibytes", "MiB")
            busy: card.machine.busy
            onApplied: value => card.machine.setMaxMemoryMiB(value)
        }
    }
}
