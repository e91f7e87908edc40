// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet
import org.kde.flotilla.components

/// Clone a machine: the clone's name, its node (its own, or another, with
/// the pool there), a linked clone or a full copy, whether it starts; then
/// the plan's steps as they run, undone if one fails.
Kirigami.Dialog {
    id: dialog

    required property string uuid
    readonly property bool asking: !cloner.running && !cloner.finished

    /// The person wants to see the clone just made.
    signal openRequested(string uuid)

    function ask(): void {
        cloner.reset();
        open();
    }

    objectName: "cloneMachineDialog"
    title: i18nc("@title:dialog", "Clone %1", machine.name)
    padding: Kirigami.Units.largeSpacing
    preferredWidth: Kirigami.Units.gridUnit * 30
    standardButtons: Kirigami.Dialog.NoButton
    closePolicy: cloner.running ? QQC2.Popup.NoAutoClose : QQC2.Popup.CloseOnEscape | QQC2.Popup.CloseOnPressOutside
    customFooterActions: [
        Kirigami.Action {
            objectName: "confirmClone"
            visible: dialog.asking
            enabled: cloner.nameProblem.length === 0 && cloner.parentProblem.length === 0
            text: i18nc("@action:button", "Clone")
            icon.name: "edit-copy"
            onTriggered: cloner.clone()
        },
        Kirigami.Action {
            objectName: "openClone"
            visible: cloner.finished && cloner.cloneUuid.length > 0
            text: i18nc("@action:button", "Open the Clone")
            icon.name: "go-next"
            onTriggered: {
                dialog.close();
                dialog.openRequested(cloner.cloneUuid);
            }
        },
        Kirigami.Action {
            objectName: "cancelClone"
            visible: cloner.running
            text: i18nc("@action:button", "Stop and Undo")
            icon.name: "process-stop"
            onTriggered: cloner.cancel()
        },
        Kirigami.Action {
            objectName: "closeClone"
            visible: !cloner.running
            text: dialog.asking ? i18nc("@action:button", "Cancel") : i18nc("@action:button", "Close")
            icon.name: "dialog-close"
            onTriggered: dialog.close()
        }
    ]

    MachineView {
        id: machine

        fleet: FleetView
        uuid: dialog.uuid
    }

    MachineCloner {
        id: cloner

        fleet: FleetView
        uuid: dialog.uuid
    }

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.FormLayout {
            visible: dialog.asking
            Layout.fillWidth: true
            Layout.preferredWidth: Kirigami.Units.gridUnit * 28
            Layout.maximumWidth: Kirigami.Units.gridUnit * 28

            QQC2.TextField {
                objectName: "cloneName"
                Kirigami.FormData.label: i18nc("@label:textbox", "Name:")
                text: cloner.name
                onTextEdited: cloner.name = text
            }
            ProblemText {
                shown: true
                text: cloner.nameProblem
            }
            QQC2.ComboBox {
                objectName: "cloneNode"
                Kirigami.FormData.label: i18nc("@label:listbox", "Node:")
                Layout.fillWidth: true
                model: cloner.nodes
                textRole: "name"
                valueRole: "id"
                currentIndex: indexOfValue(cloner.targetNode)
                onActivated: cloner.targetNode = currentValue
            }
            QQC2.ComboBox {
                objectName: "clonePool"
                Kirigami.FormData.label: i18nc("@label:listbox", "Pool:")
                visible: cloner.elsewhere
                Layout.fillWidth: true
                model: cloner.pools
                textRole: "text"
                valueRole: "name"
                currentIndex: indexOfValue(cloner.pool)
                onActivated: cloner.pool = currentValue
            }
            QQC2.RadioButton {
                objectName: "cloneLinked"
                Kirigami.FormData.label: i18nc("@label", "Disks:")
                enabled: cloner.linkedProblem.length === 0 && !cloner.elsewhere
                checked: cloner.linked
                text: i18nc("@option:radio", "Linked: made at once; shares the parent's disks as they are now")
                onToggled: cloner.linked = checked
            }
            QQC2.RadioButton {
                objectName: "cloneFull"
                checked: !cloner.linked
                text: i18nc("@option:radio", "Full copy: its own disks, independent of the parent; takes time and room")
                onToggled: cloner.linked = !checked
            }
            QQC2.CheckBox {
                objectName: "cloneStart"
                checked: cloner.startAfter
                text: i18nc("@option:check", "Start the clone")
                onToggled: cloner.startAfter = checked
            }
        }
        QQC2.Label {
            visible: dialog.asking
            Layout.fillWidth: true
            Layout.preferredWidth: Kirigami.Units.gridUnit * 28
            Layout.maximumWidth: Kirigami.Units.gridUnit * 28
            wrapMode: Text.Wrap
            color: Kirigami.Theme.disabledTextColor
            text: cloner.elsewhere ? i18nc("@info", "The clone gets its own name, UUID and MAC addresses, and a new cloud-init instance id, so it sets itself up as a new machine (new host keys, its own address). Its disks travel through Flotilla, as full copies; installer CDs stay empty there. Snapshots are not cloned.") : i18nc("@info", "The clone gets its own name, UUID and MAC addresses, and a new cloud-init instance id, so it sets itself up as a new machine (new host keys, its own address). Snapshots are not cloned.")
        }
        Kirigami.InlineMessage {
            objectName: "cloneRoomNote"
            Layout.fillWidth: true
            Layout.preferredWidth: Kirigami.Units.gridUnit * 28
            Layout.maximumWidth: Kirigami.Units.gridUnit * 28
            visible: dialog.asking && cloner.roomNote.length > 0
            type: Kirigami.MessageType.Warning
            text: cloner.roomNote
        }
        Kirigami.InlineMessage {
            objectName: "cloneParentProblem"
            Layout.fillWidth: true
            Layout.preferredWidth: Kirigami.Units.gridUnit * 28
            Layout.maximumWidth: Kirigami.Units.gridUnit * 28
            visible: dialog.asking && cloner.parentProblem.length > 0
            type: Kirigami.MessageType.Information
            text: cloner.parentProblem
        }
        PlanStepList {
            Layout.fillWidth: true
            Layout.preferredWidth: Kirigami.Units.gridUnit * 28
            Layout.maximumWidth: Kirigami.Units.gridUnit * 28
            steps: cloner.steps
        }
        Kirigami.InlineMessage {
            objectName: "cloneFailure"
            Layout.fillWidth: true
            Layout.preferredWidth: Kirigami.Units.gridUnit * 28
            Layout.maximumWidth: Kirigami.Units.gridUnit * 28
            visible: cloner.failure.length > 0
            type: Kirigami.MessageType.Error
            text: cloner.failure
        }
        Kirigami.InlineMessage {
            objectName: "cloneMade"
            Layout.fillWidth: true
            Layout.preferredWidth: Kirigami.Units.gridUnit * 28
            Layout.maximumWidth: Kirigami.Units.gridUnit * 28
            visible: cloner.finished && cloner.cloneUuid.length > 0
            type: Kirigami.MessageType.Positive
            text: i18nc("@info %1 is a machine", "%1 is made.", cloner.name)
        }
    }
}
