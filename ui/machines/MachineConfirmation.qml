// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// Asks before an action that can lose data: forcing machines off (what the
/// guests had not saved) or deleting them (their definitions and, by choice,
/// their disks). It names every machine and disk at stake. Any other action
/// is asked about when some of its machines' nodes are not answering.
Kirigami.PromptDialog {
    id: dialog

    property int action: MachineActions.ForceOff
    property var uuids: []
    readonly property bool deleting: action === MachineActions.Delete
    readonly property bool losesData: deleting || action === MachineActions.ForceOff
    /// Names of the nodes of these machines that do not answer now.
    property var silentNodes: []
    readonly property var disks: deleting ? FleetView.actions.disksOf(uuids) : []
    /// Per disk, by its index in disks: whether it goes with its machine. A
    /// data disk Flotilla made stays unless picked: it was kept apart to outlive its machine.
    property var chosen: []

    signal confirmed(int action)

    function ask(action: int, uuids: var): void {
        dialog.action = action;
        dialog.uuids = uuids;
        dialog.silentNodes = FleetView.actions.silentNodesOf(uuids);
        dialog.chosen = dialog.disks.map(disk => !disk.data && disk.sharedWith.length === 0);
        withStorage.checked = false;
        open();
    }

    objectName: "machineConfirmation"
    title: deleting ? i18ncp("@title:window", "Delete %1 Machine?", "Delete %1 Machines?", uuids.length)
                    : losesData ? i18ncp("@title:window", "Force %1 Machine Off?", "Force %1 Machines Off?", uuids.length)
                    : i18ncp("@title:window", "A Node Is Not Answering", "%1 Nodes Are Not Answering", silentNodes.length)
    subtitle: deleting ? i18nc("@info", "Their definitions, snapshots and saved states are deleted from their nodes.")
                       : losesData ? i18nc("@info", "Like pulling the plug: what the guests have not saved is lost.") : ""
    standardButtons: Kirigami.Dialog.Cancel
    customFooterActions: Kirigami.Action {
        objectName: "confirmAction"
        text: dialog.deleting ? i18nc("@action:button", "Delete")
                              : dialog.losesData ? i18nc("@action:button", "Force Off") : i18nc("@action:button", "Send Anyway")
        icon.name: dialog.deleting ? "edit-delete" : dialog.losesData ? "process-stop" : "mail-send"
        onTriggered: {
            // Exactly the disks named here: the node deletes no other.
            FleetView.actions.perform(dialog.uuids, dialog.action,
                                      dialog.deleting && withStorage.checked ? dialog.disks.filter((disk, index) => dialog.chosen[index]) : []);
            dialog.confirmed(dialog.action);
            dialog.close();
        }
    }

    ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        Kirigami.InlineMessage {
            objectName: "silentNodesWarning"
            Layout.fillWidth: true
            visible: dialog.silentNodes.length > 0
            type: Kirigami.MessageType.Warning
            text: i18ncp("@info %2 is a list of node names",
                         "Not answering: %2. Requests to its machines wait until it answers, or fail.",
                         "Not answering: %2. Requests to their machines wait until they answer, or fail.",
                         dialog.silentNodes.length, dialog.silentNodes.join(", "))
        }
        QQC2.Label {
            Layout.fillWidth: true
            text: FleetView.actions.namesOf(dialog.uuids).join(", ")
            wrapMode: Text.Wrap
            font.bold: true
        }
        QQC2.CheckBox {
            id: withStorage

            objectName: "deleteStorage"
            visible: dialog.deleting && dialog.disks.length > 0
            text: i18ncp("@option:check", "Also delete its disk (cannot be undone):", "Also delete those of the %1 disks picked below (cannot be undone):", dialog.disks.length)
        }
        Repeater {
            model: dialog.deleting ? dialog.disks : []

            QQC2.CheckBox {
                required property var modelData
                required property int index
                readonly property string disk: modelData.size.length > 0 ? i18nc("@info machine: path (size)", "%1: %2 (%3)", modelData.machine, modelData.path, modelData.size)
                                                                         : i18nc("@info machine: path", "%1: %2", modelData.machine, modelData.path)

                objectName: "deleteDisk:" + modelData.path
                Layout.fillWidth: true
                Layout.leftMargin: Kirigami.Units.gridUnit
                enabled: withStorage.checked && modelData.sharedWith.length === 0
                checked: modelData.sharedWith.length === 0 && (dialog.chosen[index] ?? false)
                onToggled: {
                    const chosen = dialog.chosen.slice();
                    chosen[index] = checked;
                    dialog.chosen = chosen;
                }
                text: modelData.sharedWith.length > 0 ? i18nc("@info disk, then the machines that also use it", "%1, kept: also used by %2", disk, modelData.sharedWith)
                    : modelData.data ? i18nc("@info disk", "%1 (its data disk, kept unless picked)", disk)
                    : disk
            }
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: dialog.deleting && !withStorage.checked && dialog.disks.length > 0
            text: i18nc("@info", "The disks stay on their nodes.")
            wrapMode: Text.Wrap
        }
    }
}
