// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.map

/// Step 6: everything chosen, how many machines, and the definition the node receives.
ColumnLayout {
    id: step

    required property MachineWizard wizard
    property bool showProblems: false

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "Review")
    }
    Kirigami.FormLayout {
        Layout.fillWidth: true

        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Image:")
            text: step.wizard.image
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Node:")
            text: {
                const node = step.wizard.nodes.find(n => n.nodeId === step.wizard.nodeId);
                return node ? i18nc("@info node, pool, network", "%1, pool %2, network %3", node.name, step.wizard.pool, step.wizard.network.length > 0 ? step.wizard.network : i18nc("@info", "QEMU's own")) : "";
            }
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Size:")
            text: i18nc("@info", "%1 vCPUs (up to %2), %3 MiB of memory (up to %4 MiB)", step.wizard.vcpus, step.wizard.maxVcpus, step.wizard.memoryMiB, step.wizard.maxMemoryMiB)
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Disks:")
            text: (step.wizard.installing ? i18nc("@info", "%1 GiB root disk, empty, installed from the installer", step.wizard.rootGiB)
                   : step.wizard.linkedClone ? i18nc("@info", "%1 GiB root disk, a linked clone", step.wizard.rootGiB) : i18nc("@info", "%1 GiB root disk, a full copy", step.wizard.rootGiB)) + (step.wizard.keptDataDisk.length > 0 ? i18nc("@info appended", "; the kept data disk %1", step.wizard.keptDataDisk)
                      : step.wizard.dataGiB > 0 && step.wizard.dataPool.length > 0 ? i18nc("@info appended", "; %1 GiB data disk in the pool %2, kept apart", step.wizard.dataGiB, step.wizard.dataPool)
                      : step.wizard.dataGiB > 0 ? i18nc("@info appended", "; %1 GiB data disk, kept apart", step.wizard.dataGiB) : "")
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Setup:")
            Layout.maximumWidth: Kirigami.Units.gridUnit * 30
            wrapMode: Text.Wrap
            text: {
                if (step.wizard.installing) {
                    return i18nc("@info", "In the installer");
                }
                const keys = step.wizard.sshKeys.split("\n").filter(line => line.trim().length > 0).length;
                const user = step.wizard.userName.length > 0 ? step.wizard.userName : i18nc("@info", "the image's own user");
                return i18ncp("@info", "%2 with %1 SSH key%3", "%2 with %1 SSH keys%3", keys, user, step.wizard.hasPassword ? i18nc("@info appended", " and a password") : "");
            }
        }
        QQC2.SpinBox {
            objectName: "count"
            Kirigami.FormData.label: i18nc("@label:spinbox", "How many:")
            from: 1
            to: 99
            value: step.wizard.count
            onValueModified: step.wizard.count = value
        }
        QQC2.Label {
            objectName: "countWarning"
            Layout.maximumWidth: Kirigami.Units.gridUnit * 30
            visible: text.length > 0
            wrapMode: Text.Wrap
            color: Kirigami.Theme.neutralTextColor
            font: Kirigami.Theme.smallFont
            text: step.wizard.warnings.count ?? ""
        }
        QQC2.Label {
            objectName: "machineNames"
            Kirigami.FormData.label: i18nc("@label", "Names:")
            Layout.maximumWidth: Kirigami.Units.gridUnit * 30
            wrapMode: Text.Wrap
            text: step.wizard.machineNames.join(", ")
        }
        QQC2.CheckBox {
            objectName: "startAfter"
            text: i18nc("@option:check", "Start when made")
            checked: step.wizard.startAfter
            onToggled: step.wizard.startAfter = checked
        }
    }
    // Where it will stand: its node, marked on the map.
    WorldMapCard {
        objectName: "wizardReviewMap"
        Layout.fillWidth: true
        Layout.maximumHeight: Kirigami.Units.gridUnit * 10
        openNodes: false
        showLegend: false
        highlightedNodeId: step.wizard.nodeId
    }
    Kirigami.InlineMessage {
        objectName: "reviewProblems"
        Layout.fillWidth: true
        visible: Object.keys(step.wizard.problems).length > 0
        type: Kirigami.MessageType.Error
        text: i18nc("@info", "Something above needs a change: %1", Object.values(step.wizard.problems)[0] ?? "")
    }
    QQC2.CheckBox {
        id: details

        objectName: "showDetails"
        text: i18nc("@option:check", "Details: the definition the node receives, and the setup the machine boots with")
    }
    QQC2.TextArea {
        objectName: "domainXml"
        visible: details.checked
        Layout.fillWidth: true
        readOnly: true
        font.family: "monospace"
        wrapMode: TextEdit.NoWrap
        text: step.wizard.domainXml
    }
    QQC2.TextArea {
        objectName: "setupDocuments"
        visible: details.checked && text.length > 0
        Layout.fillWidth: true
        readOnly: true
        font.family: "monospace"
        wrapMode: TextEdit.NoWrap
        text: step.wizard.setupDocuments
    }
}
