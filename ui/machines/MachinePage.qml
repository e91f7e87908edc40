// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet
import org.kde.flotilla.charts

/// One machine: what it is, what it runs on, its disks and interfaces, its
/// tags and note, its snapshots, and changes to its vCPUs and memory while it runs.
Kirigami.ScrollablePage {
    id: page

    required property string uuid
    /// It runs, with a display: its screen shows on the page and in a window.
    readonly property bool showsScreen: machine.active && (machine.facts.graphics ?? "").length > 0

    objectName: "machinePage"
    title: machine.name.length > 0 ? machine.name : i18nc("@title:window", "Machine")

    function act(action: int): void {
        // A node that is not answering is named first, as for a bulk action.
        if (action === MachineActions.ForceOff || action === MachineActions.Delete
                || FleetView.actions.silentNodesOf([page.uuid]).length > 0) {
            confirmation.ask(action, [page.uuid]);
        } else {
            FleetView.actions.perform([page.uuid], action);
        }
    }

    MachineView {
        id: machine

        fleet: FleetView
        uuid: page.uuid
    }

    actions: [
        Kirigami.Action {
            objectName: "machineScreenWindow"
            text: i18nc("@action:button", "Screen")
            tooltip: i18nc("@info:tooltip", "The machine's screen in a window of its own")
            icon.name: "video-display"
            visible: machine.exists && page.showsScreen
            onTriggered: applicationWindow().openScreen(machine.nodeId, page.uuid, machine.name)
        },
        Kirigami.Action {
            objectName: "machineConsole"
            text: i18nc("@action:button", "Serial Console")
            icon.name: "utilities-terminal"
            visible: machine.exists && machine.active
            onTriggered: applicationWindow().openConsole(machine.nodeId, page.uuid, machine.name)
        },
        Kirigami.Action {
            objectName: "machineClone"
            text: i18nc("@action:button", "Clone…")
            tooltip: i18nc("@info:tooltip", "Make a new machine from this one, on its node or another")
            icon.name: "edit-copy"
            displayHint: Kirigami.DisplayHint.AlwaysHide
            visible: machine.exists
            onTriggered: cloneDialog.ask()
        },
        Kirigami.Action {
            objectName: "machineMove"
            text: i18nc("@action:button", "Move to Another Node…")
            tooltip: i18nc("@info:tooltip", "Move this machine, with its disks, to another node")
            icon.name: "go-jump"
            displayHint: Kirigami.DisplayHint.AlwaysHide
            visible: machine.exists
            onTriggered: moveDialog.ask()
        },
        Kirigami.Action {
            objectName: "machineMakeTemplate"
            text: i18nc("@action:button", "Make a Template")
            tooltip: i18nc("@info:tooltip", "Keep this machine's size, disks and image as a template for workloads; the machine is not touched")
            icon.name: "document-save-as-template"
            displayHint: Kirigami.DisplayHint.AlwaysHide
            visible: machine.exists
            onTriggered: applicationWindow().showPassiveNotification(machine.makeTemplate(), "long")
        },
        MachinePageAction {
            objectName: "machineStart"
            action: MachineActions.Start
            text: i18nc("@action:button", "Start")
            icon.name: "media-playback-start"
        },
        MachinePageAction {
            objectName: "machineShutdown"
            action: MachineActions.Shutdown
            text: i18nc("@action:button", "Shut Down")
            icon.name: "system-shutdown"
        },
        MachinePageAction {
            action: MachineActions.Reboot
            text: i18nc("@action:button", "Reboot")
            icon.name: "system-reboot"
        },
        MachinePageAction {
            action: MachineActions.Pause
            text: i18nc("@action:button", "Pause")
            icon.name: "media-playback-pause"
        },
        MachinePageAction {
            action: MachineActions.Resume
            text: i18nc("@action:button", "Resume")
            icon.name: "media-playback-start"
        },
        MachinePageAction {
            action: MachineActions.ForceOff
            text: i18nc("@action:button", "Force Off…")
            icon.name: "process-stop"
        },
        MachinePageAction {
            action: MachineActions.Delete
            text: i18nc("@action:button", "Delete…")
            icon.name: "edit-delete"
        }
    ]

    component MachinePageAction: Kirigami.Action {
        required property int action

        visible: machine.exists && FleetView.actions.revision >= 0 && FleetView.actions.applicable([page.uuid], action).length > 0
        displayHint: Kirigami.DisplayHint.AlwaysHide
        onTriggered: page.act(action)
    }

    header: ColumnLayout {
        spacing: 0

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            objectName: "machineProblem"
            visible: machine.problem.length > 0
            type: Kirigami.MessageType.Error
            text: machine.problemDetails.length > 0 ? i18nc("@info message: reason", "%1: %2", machine.problem, machine.problemDetails)
                                                    : machine.problem
            showCloseButton: true
        }
        Kirigami.InlineMessage {
            Layout.fillWidth: true
            objectName: "machineNodeNotAnswering"
            visible: machine.exists && !machine.nodeAnswering
            type: Kirigami.MessageType.Warning
            text: i18nc("@info machine page; %1 is the node's name, %2 e.g. 'Not answering, last heard 7 seconds ago'",
                        "%1: %2. This page shows what was last heard; changes wait until the node answers, or fail.",
                        machine.nodeName, machine.nodeLastHeardText)
        }
        Kirigami.InlineMessage {
            Layout.fillWidth: true
            visible: !machine.exists
            type: Kirigami.MessageType.Information
            text: i18nc("@info", "This machine is gone from its node.")
        }
        MachineActionMessage {
            Layout.fillWidth: true
        }
    }

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        MetricsCard {
            objectName: "machineCharts"
            Layout.fillWidth: true
            source: ChartFeeder.Machine
            nodeId: machine.nodeId
            machineUuid: page.uuid
        }
        MachineOverview {
            Layout.fillWidth: true
            machine: machine
        }
        Kirigami.Separator {
            Layout.fillWidth: true
            visible: screenSection.visible
        }
        MachineScreenSection {
            id: screenSection

            Layout.fillWidth: true
            visible: page.showsScreen
            machine: machine
        }
        Kirigami.Separator {
            Layout.fillWidth: true
        }
        MachineResources {
            Layout.fillWidth: true
            machine: machine
        }
        Kirigami.Separator {
            Layout.fillWidth: true
        }
        MachineDevices {
            Layout.fillWidth: true
            machine: machine
        }
        Kirigami.Separator {
            Layout.fillWidth: true
        }
        MachineSnapshots {
            Layout.fillWidth: true
            machine: machine
        }
        Kirigami.Separator {
            Layout.fillWidth: true
        }
        MachineTags {
            Layout.fillWidth: true
            machine: machine
        }
    }

    CloneMachineDialog {
        id: cloneDialog

        uuid: page.uuid
        onOpenRequested: uuid => applicationWindow().pageStack.push(Qt.resolvedUrl("MachinePage.qml"), {
                uuid: uuid
            })
    }

    MoveMachineDialog {
        id: moveDialog

        uuid: page.uuid
    }

    MachineConfirmation {
        id: confirmation

        onConfirmed: action => page.deleteRequested = action === MachineActions.Delete
    }

    property bool deleteRequested: false

    Connections {
        target: machine

        function onChanged(): void {
            // A machine deleted from here leaves nothing to show.
            if (!machine.exists && page.deleteRequested) {
                applicationWindow().pageStack.pop();
            }
        }
    }
}
