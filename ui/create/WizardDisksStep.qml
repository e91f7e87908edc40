// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// Step 4: the root disk as a linked clone or a copy, a data disk kept
/// apart, and the firmware.
ColumnLayout {
    id: step

    required property MachineWizard wizard
    property bool showProblems: false

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "Disks")
    }
    Kirigami.FormLayout {
        Layout.fillWidth: true

        QQC2.Label {
            objectName: "emptyRoot"
            visible: step.wizard.installing
            Kirigami.FormData.label: i18nc("@label", "Root disk:")
            text: i18nc("@info", "Empty: the installer installs onto it")
        }
        QQC2.RadioButton {
            objectName: "linkedClone"
            visible: !step.wizard.installing
            Kirigami.FormData.label: i18nc("@label", "Root disk:")
            text: i18nc("@option:radio", "Linked clone of the image (made at once, takes no room until written)")
            checked: step.wizard.linkedClone
            onClicked: step.wizard.linkedClone = true
        }
        QQC2.RadioButton {
            objectName: "fullCopy"
            visible: !step.wizard.installing
            text: i18nc("@option:radio", "Full copy (independent of the image, takes time and room)")
            checked: !step.wizard.linkedClone
            onClicked: step.wizard.linkedClone = false
        }
        QQC2.CheckBox {
            id: withData

            objectName: "withDataDisk"
            Kirigami.FormData.label: i18nc("@label", "Data disk:")
            text: i18nc("@option:check", "A data disk, kept when the machine is deleted or rebuilt")
            checked: step.wizard.dataGiB > 0 || step.wizard.keptDataDisk.length > 0
            onToggled: {
                step.wizard.dataGiB = checked ? 10 : 0;
                step.wizard.keptDataDisk = "";
            }
        }
        // A data disk kept from a machine deleted before, attached again: its files are there.
        QQC2.ComboBox {
            objectName: "keptDataDiskChoice"
            visible: withData.checked && step.wizard.keptDataDisks.length > 0
            Kirigami.FormData.label: i18nc("@label:listbox", "Use:")
            model: [i18nc("@item:inlistbox", "A new data disk")].concat(step.wizard.keptDataDisks.map(disk => i18nc("@item:inlistbox kept data disk: name, size, pool", "%1 (%2, pool %3), kept", disk.name, step.wizard.formatBytes(disk.sizeBytes), disk.pool)))
            currentIndex: step.wizard.keptDataDisks.findIndex(disk => disk.key === step.wizard.keptDataDisk) + 1
            onActivated: index => step.wizard.keptDataDisk = index === 0 ? "" : step.wizard.keptDataDisks[index - 1].key
        }
        ProblemText {
            objectName: "keptDataDiskProblem"
            shown: true
            text: step.wizard.problems.keptDataDisk ?? ""
        }
        NumberField {
            objectName: "dataGiB"
            visible: withData.checked && step.wizard.keptDataDisk.length === 0
            from: 0
            to: 65536
            unit: i18nc("@label unit", "GiB")
            value: step.wizard.dataGiB
            onEdited: value => step.wizard.dataGiB = value
            problem: step.wizard.problems.dataGiB ?? ""
            showProblem: true
        }
        QQC2.ComboBox {
            objectName: "dataPoolChoice"
            visible: withData.checked && step.wizard.keptDataDisk.length === 0 && step.wizard.pools.length > 1
            Kirigami.FormData.label: i18nc("@label:listbox", "In the pool:")
            model: [i18nc("@item:inlistbox", "The root disk's (%1)", step.wizard.pool)].concat(step.wizard.pools)
            currentIndex: step.wizard.dataPool.length === 0 ? 0 : step.wizard.pools.indexOf(step.wizard.dataPool) + 1
            onActivated: index => step.wizard.dataPool = index === 0 ? "" : step.wizard.pools[index - 1]
        }
        ProblemText {
            objectName: "dataPoolProblem"
            shown: true
            text: step.wizard.problems.dataPool ?? ""
        }
        QQC2.ComboBox {
            objectName: "firmware"
            Kirigami.FormData.label: i18nc("@label:listbox", "Firmware:")
            model: [i18nc("@item:inlistbox firmware", "BIOS"), step.wizard.uefiAvailable ? i18nc("@item:inlistbox firmware", "UEFI") : i18nc("@item:inlistbox firmware", "UEFI (not installed on this node)")]
            currentIndex: step.wizard.uefi ? 1 : 0
            onActivated: index => step.wizard.uefi = index === 1
        }
        ProblemText {
            objectName: "uefiProblem"
            shown: true
            text: step.wizard.problems.uefi ?? ""
        }
    }
}
