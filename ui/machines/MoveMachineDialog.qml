// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// Move a machine to another node: the node and the pool for its disks,
/// what kind of move it is and what travels; then the plan's steps as they
/// run, with each disk's copy. A failure leaves the machine where it was.
Kirigami.Dialog {
    id: dialog

    required property string uuid
    readonly property bool asking: !mover.running && !mover.finished
    readonly property real textWidth: Kirigami.Units.gridUnit * 28

    function ask(): void {
        mover.reset();
        open();
    }

    /// Asks with @p node chosen as the target (a machine dropped on it).
    function askFor(node: string): void {
        mover.reset();
        mover.targetNode = node;
        open();
    }

    objectName: "moveMachineDialog"
    title: i18nc("@title:dialog", "Move %1", machine.name)
    padding: Kirigami.Units.largeSpacing
    preferredWidth: Kirigami.Units.gridUnit * 30
    standardButtons: Kirigami.Dialog.NoButton
    closePolicy: mover.running ? QQC2.Popup.NoAutoClose : QQC2.Popup.CloseOnEscape | QQC2.Popup.CloseOnPressOutside
    customFooterActions: [
        Kirigami.Action {
            objectName: "confirmMove"
            visible: dialog.asking
            enabled: mover.problem.length === 0
            text: i18nc("@action:button", "Move")
            icon.name: "go-jump"
            onTriggered: mover.move()
        },
        Kirigami.Action {
            objectName: "cancelMove"
            visible: mover.running
            text: i18nc("@action:button", "Stop and Undo")
            icon.name: "process-stop"
            onTriggered: mover.cancel()
        },
        Kirigami.Action {
            objectName: "closeMove"
            visible: !mover.running
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

    MachineMover {
        id: mover

        fleet: FleetView
        uuid: dialog.uuid
    }

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.FormLayout {
            visible: dialog.asking
            Layout.fillWidth: true
            Layout.preferredWidth: dialog.textWidth
            Layout.maximumWidth: dialog.textWidth

            QQC2.ComboBox {
                objectName: "moveNode"
                Kirigami.FormData.label: i18nc("@label:listbox", "To the node:")
                Layout.fillWidth: true
                model: mover.nodes
                textRole: "name"
                valueRole: "id"
                currentIndex: indexOfValue(mover.targetNode)
                onActivated: mover.targetNode = currentValue
            }
            QQC2.ComboBox {
                objectName: "movePool"
                Kirigami.FormData.label: i18nc("@label:listbox", "Pool:")
                Layout.fillWidth: true
                model: mover.pools
                textRole: "text"
                valueRole: "name"
                currentIndex: indexOfValue(mover.pool)
                onActivated: mover.pool = currentValue
            }
            QQC2.RadioButton {
                objectName: "moveLive"
                Kirigami.FormData.label: i18nc("@label", "How:")
                visible: machine.active
                enabled: mover.liveProblem.length === 0
                checked: mover.live
                text: i18nc("@option:radio", "Live: it keeps running while it moves")
                onToggled: mover.live = checked
            }
            QQC2.RadioButton {
                objectName: "moveCold"
                visible: machine.active
                checked: !mover.live
                text: i18nc("@option:radio", "Cold: it shuts down, moves, and starts there")
                onToggled: mover.live = !checked
            }
            QQC2.Label {
                objectName: "moveLiveProblem"
                visible: machine.active && mover.liveProblem.length > 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Kirigami.Theme.disabledTextColor
                text: mover.liveProblem
            }
        }
        QQC2.Label {
            objectName: "movePlan"
            visible: dialog.asking && mover.plan.length > 0
            Layout.fillWidth: true
            Layout.preferredWidth: dialog.textWidth
            Layout.maximumWidth: dialog.textWidth
            wrapMode: Text.Wrap
            text: mover.plan
        }
        Kirigami.InlineMessage {
            objectName: "moveProblem"
            Layout.fillWidth: true
            Layout.preferredWidth: dialog.textWidth
            Layout.maximumWidth: dialog.textWidth
            visible: dialog.asking && mover.problem.length > 0
            type: Kirigami.MessageType.Information
            text: mover.problem
        }
        Kirigami.InlineMessage {
            objectName: "moveRoomNote"
            Layout.fillWidth: true
            Layout.preferredWidth: dialog.textWidth
            Layout.maximumWidth: dialog.textWidth
            visible: dialog.asking && mover.roomNote.length > 0
            type: Kirigami.MessageType.Warning
            text: mover.roomNote
        }
        Kirigami.InlineMessage {
            objectName: "movePlacementNote"
            Layout.fillWidth: true
            Layout.preferredWidth: dialog.textWidth
            Layout.maximumWidth: dialog.textWidth
            visible: dialog.asking && mover.placementNote.length > 0
            type: Kirigami.MessageType.Warning
            text: i18nc("@info %1 is why, by the placement's rules", "By the placement's rules it does not fit: %1. It can still be moved; it may not start there.", mover.placementNote)
        }
        PlanStepList {
            Layout.fillWidth: true
            Layout.preferredWidth: dialog.textWidth
            Layout.maximumWidth: dialog.textWidth
            steps: mover.steps
        }
        Kirigami.InlineMessage {
            objectName: "moveFailure"
            Layout.fillWidth: true
            Layout.preferredWidth: dialog.textWidth
            Layout.maximumWidth: dialog.textWidth
            visible: mover.failure.length > 0
            type: Kirigami.MessageType.Error
            text: mover.failure
        }
        Kirigami.InlineMessage {
            objectName: "moveDone"
            Layout.fillWidth: true
            Layout.preferredWidth: dialog.textWidth
            Layout.maximumWidth: dialog.textWidth
            visible: mover.finished && mover.failure.length === 0
            type: Kirigami.MessageType.Positive
            text: i18nc("@info %1 is a machine", "%1 has moved.", machine.name)
        }
    }
}
