// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.map

/// Step 2: the node, its pool and its network.
ColumnLayout {
    id: step

    required property MachineWizard wizard
    property bool showProblems: false

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "Where should it run?")
    }
    RowLayout {
        Layout.fillWidth: true
        visible: step.wizard.suggestion.length > 0 && step.wizard.nodeId !== step.wizard.suggestedNodeId

        Kirigami.Icon {
            source: "help-hint"
            implicitWidth: Kirigami.Units.iconSizes.smallMedium
            implicitHeight: Kirigami.Units.iconSizes.smallMedium
        }
        QQC2.Label {
            objectName: "nodeSuggestion"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: i18nc("@info", "Suggested: %1", step.wizard.suggestion)
        }
        QQC2.Button {
            objectName: "useSuggestedNode"
            text: i18nc("@action:button", "Use This Node")
            onClicked: step.wizard.nodeId = step.wizard.suggestedNodeId
        }
    }
    Repeater {
        model: step.wizard.nodes

        QQC2.RadioDelegate {
            required property var modelData

            objectName: "wizardNode:" + modelData.nodeId
            Layout.fillWidth: true
            enabled: modelData.problem.length === 0
            checked: step.wizard.nodeId === modelData.nodeId
            onClicked: step.wizard.nodeId = modelData.nodeId
            contentItem: ColumnLayout {
                spacing: 0
                QQC2.Label {
                    Layout.fillWidth: true
                    font.bold: true
                    text: modelData.nodeId === step.wizard.suggestedNodeId ? i18nc("@info node name", "%1 (suggested)", modelData.name) : modelData.name
                }
                QQC2.Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font: Kirigami.Theme.smallFont
                    color: modelData.problem ? Kirigami.Theme.neutralTextColor : Kirigami.Theme.disabledTextColor
                    text: modelData.problem ? modelData.problem : i18ncp("@info CPUs, memory, pool space", "%1 CPU, %2 of memory free, %3 free in the pool%4", "%1 CPUs, %2 of memory free, %3 free in the pool%4", modelData.cpus, step.wizard.formatBytes(modelData.freeMemoryBytes), step.wizard.formatBytes(modelData.poolFreeBytes), (modelData.hasImage ? i18nc("@info appended to a node's figures", ", image already there") : "") + (modelData.kvm || modelData.simulated ? "" : i18nc("@info appended to a node's figures", ", no KVM")))
                }
            }
        }
    }
    // Or on the map: a click on a node's marker picks it, where it can take the machine.
    WorldMapCard {
        objectName: "wizardPlaceMap"
        Layout.fillWidth: true
        Layout.maximumHeight: Kirigami.Units.gridUnit * 14
        openNodes: false
        showLegend: false
        highlightedNodeId: step.wizard.nodeId
        onNodeClicked: nodeId => {
            const node = step.wizard.nodes.find(n => n.nodeId === nodeId);
            if (node && node.problem.length === 0) {
                step.wizard.nodeId = nodeId;
            }
        }
    }
    ProblemText {
        objectName: "nodeIdProblem"
        shown: step.showProblems
        text: step.wizard.problems.nodeId ?? ""
    }
    Kirigami.InlineMessage {
        objectName: "emulatedNotice"
        Layout.fillWidth: true
        visible: step.wizard.nodeId.length > 0 && step.wizard.emulated
        type: Kirigami.MessageType.Warning
        text: i18nc("@info", "This node has no KVM: the machine will run emulated, many times slower than with KVM.")
    }
    Kirigami.FormLayout {
        Layout.fillWidth: true
        visible: step.wizard.nodeId.length > 0

        QQC2.ComboBox {
            objectName: "poolChoice"
            Kirigami.FormData.label: i18nc("@label:listbox", "Storage pool:")
            model: step.wizard.pools
            currentIndex: step.wizard.pools.indexOf(step.wizard.pool)
            onActivated: index => step.wizard.pool = step.wizard.pools[index]
        }
        ProblemText {
            shown: step.showProblems
            text: step.wizard.problems.pool ?? ""
        }
        QQC2.ComboBox {
            objectName: "networkChoice"
            Kirigami.FormData.label: i18nc("@label:listbox", "Network:")
            model: step.wizard.networks.map(name => name.length > 0 ? name : i18nc("@item:inlistbox", "QEMU's own network (outbound only)"))
            currentIndex: step.wizard.networks.indexOf(step.wizard.network)
            onActivated: index => step.wizard.network = step.wizard.networks[index]
        }
        ProblemText {
            shown: step.showProblems
            text: step.wizard.problems.network ?? ""
        }
    }
}
