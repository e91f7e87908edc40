// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.fleet

/// A machine's snapshots as a tree: when each was taken, whether it holds
/// the memory, which one the machine runs on; take one, go back to one
/// (saying what is lost), delete one with or without its children.
ColumnLayout {
    id: card

    required property MachineView machine

    spacing: Kirigami.Units.smallSpacing

    SnapshotList {
        id: snapshots

        fleet: FleetView
        nodeId: card.machine.nodeId
        uuid: card.machine.uuid
    }

    RowLayout {
        Layout.fillWidth: true

        Kirigami.Heading {
            Layout.fillWidth: true
            text: i18nc("@title:group", "Snapshots")
            level: 3
        }
        QQC2.BusyIndicator {
            visible: snapshots.busy
            implicitWidth: Kirigami.Units.iconSizes.smallMedium
            implicitHeight: Kirigami.Units.iconSizes.smallMedium
        }
        QQC2.Button {
            objectName: "takeSnapshot"
            text: i18nc("@action:button", "Take Snapshot…")
            icon.name: "camera-photo"
            enabled: !snapshots.busy && card.machine.exists
            onClicked: takeDialog.ask()
        }
    }
    Kirigami.InlineMessage {
        objectName: "snapshotProblem"
        Layout.fillWidth: true
        visible: snapshots.problem.length > 0
        type: Kirigami.MessageType.Error
        text: snapshots.problem
    }
    QQC2.Label {
        objectName: "noSnapshots"
        Layout.fillWidth: true
        visible: snapshots.snapshots.length === 0 && !snapshots.busy
        color: Kirigami.Theme.disabledTextColor
        text: i18nc("@info", "No snapshots. A snapshot keeps the machine's disks (and, while it runs, its memory if you like) as they are now, to come back to.")
        wrapMode: Text.Wrap
    }
    Repeater {
        model: snapshots.snapshots

        RowLayout {
            id: row

            required property var modelData

            objectName: "snapshot:" + modelData.name
            Layout.fillWidth: true
            Layout.leftMargin: modelData.depth * Kirigami.Units.gridUnit
            spacing: Kirigami.Units.largeSpacing

            Kirigami.Icon {
                source: row.modelData.current ? "go-next" : "camera-photo"
                implicitWidth: Kirigami.Units.iconSizes.small
                implicitHeight: Kirigami.Units.iconSizes.small
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                QQC2.Label {
                    objectName: "snapshotTitle:" + row.modelData.name
                    Layout.fillWidth: true
                    font.bold: row.modelData.current
                    elide: Text.ElideRight
                    text: row.modelData.current ? i18nc("@info snapshot, the one the machine runs on", "%1 (now)", row.modelData.name) : row.modelData.name
                }
                QQC2.Label {
                    Layout.fillWidth: true
                    color: Kirigami.Theme.disabledTextColor
                    wrapMode: Text.Wrap
                    text: [row.modelData.createdText, row.modelData.stateText, row.modelData.external ? i18nc("@info snapshot kept in files of its own", "external") : i18nc("@info snapshot kept inside the disk image", "internal"), row.modelData.description].filter(part => part.length > 0).join(" · ")
                }
            }
            QQC2.Button {
                objectName: "revertSnapshot:" + row.modelData.name
                text: i18nc("@action:button", "Go Back…")
                icon.name: "edit-undo"
                enabled: !snapshots.busy
                onClicked: revertDialog.ask(row.modelData.name)
            }
            QQC2.Button {
                objectName: "deleteSnapshot:" + row.modelData.name
                text: i18nc("@action:button", "Delete…")
                icon.name: "edit-delete"
                enabled: !snapshots.busy
                onClicked: deleteDialog.ask(row.modelData.name, row.modelData.children)
            }
        }
    }

    Kirigami.Dialog {
        id: takeDialog

        function ask(): void {
            snapshotName.text = snapshots.suggestedName();
            snapshotDescription.text = "";
            withMemory.checked = false;
            open();
        }

        objectName: "takeSnapshotDialog"
        title: i18nc("@title:dialog", "Take a Snapshot")
        padding: Kirigami.Units.largeSpacing
        standardButtons: Kirigami.Dialog.Cancel
        customFooterActions: [
            Kirigami.Action {
                objectName: "confirmTakeSnapshot"
                text: i18nc("@action:button", "Take Snapshot")
                icon.name: "camera-photo"
                enabled: snapshots.nameProblem(snapshotName.text).length === 0
                onTriggered: {
                    snapshots.take(snapshotName.text, snapshotDescription.text, withMemory.checked);
                    takeDialog.close();
                }
            }
        ]

        Kirigami.FormLayout {
            QQC2.TextField {
                id: snapshotName

                objectName: "snapshotName"
                Kirigami.FormData.label: i18nc("@label:textbox", "Name:")
            }
            ProblemText {
                shown: true
                text: snapshots.nameProblem(snapshotName.text)
            }
            QQC2.TextField {
                id: snapshotDescription

                objectName: "snapshotDescription"
                Kirigami.FormData.label: i18nc("@label:textbox", "Description:")
            }
            QQC2.CheckBox {
                id: withMemory

                objectName: "snapshotWithMemory"
                enabled: card.machine.active
                text: i18nc("@option:check", "With its memory (it resumes where it was)")
            }
        }
    }

    Kirigami.PromptDialog {
        id: revertDialog

        property string name

        function ask(snapshot: string): void {
            name = snapshot;
            subtitle = snapshots.revertLoss(snapshot);
            open();
        }

        objectName: "revertSnapshotDialog"
        title: i18nc("@title:dialog", "Go Back to %1?", name)
        standardButtons: Kirigami.Dialog.Cancel
        customFooterActions: [
            Kirigami.Action {
                objectName: "confirmRevertSnapshot"
                text: i18nc("@action:button", "Go Back")
                icon.name: "edit-undo"
                onTriggered: {
                    snapshots.revert(revertDialog.name);
                    revertDialog.close();
                }
            }
        ]
    }

    Kirigami.PromptDialog {
        id: deleteDialog

        property string name
        property int children: 0

        function ask(snapshot: string, count: int): void {
            name = snapshot;
            children = count;
            withChildren.checked = false;
            open();
        }

        objectName: "deleteSnapshotDialog"
        title: i18nc("@title:dialog", "Delete %1?", name)
        subtitle: i18nc("@info", "The machine itself stays as it is; only the way back to this moment goes.")
        standardButtons: Kirigami.Dialog.Cancel
        customFooterActions: [
            Kirigami.Action {
                objectName: "confirmDeleteSnapshot"
                text: i18nc("@action:button", "Delete")
                icon.name: "edit-delete"
                onTriggered: {
                    snapshots.remove(deleteDialog.name, withChildren.checked);
                    deleteDialog.close();
                }
            }
        ]

        QQC2.CheckBox {
            id: withChildren

            objectName: "deleteSnapshotChildren"
            visible: deleteDialog.children > 0
            text: i18ncp("@option:check", "Its %1 later snapshot too", "Its %1 later snapshots too", deleteDialog.children)
        }
    }
}
