// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet
import org.kde.flotilla.nodes
import org.kde.flotilla.machines
import org.kde.flotilla.dashboard
import org.kde.flotilla.create
import org.kde.flotilla.console
import org.kde.flotilla.workloads

Kirigami.ApplicationWindow {
    id: root

    title: FleetView.demo ? i18nc("@title:window", "Demo fleet") : ""
    width: Kirigami.Units.gridUnit * 64
    height: Kirigami.Units.gridUnit * 40
    minimumWidth: Kirigami.Units.gridUnit * 20
    minimumHeight: Kirigami.Units.gridUnit * 20

    // An inline (non-modal) drawer: Kirigami's OverlayDrawer moves its popup
    // out of the window's overlay when it opens. Made modal while shown, Qt
    // would create the dimmer in the overlay and stack it before a popup that
    // is no longer its sibling ("QQuickItem::stackBefore: Cannot stack …").
    // So a narrowing window first closes the drawer, which turns modal once
    // closed (onClosed), and opens again into the overlay.
    onWideScreenChanged: {
        if (wideScreen) {
            globalDrawer.modal = false;
        } else if (globalDrawer.visible) {
            globalDrawer.close();
        } else {
            globalDrawer.modal = true;
        }
    }
    Component.onCompleted: globalDrawer.modal = !wideScreen

    function showDashboard(): void {
        pageStack.clear();
        pageStack.push(dashboardPage);
    }

    function showNodes(): void {
        pageStack.clear();
        pageStack.push(nodesPage);
    }

    function showMachines(): void {
        pageStack.clear();
        pageStack.push(machinesPage);
    }

    function showWorkloads(): void {
        pageStack.clear();
        pageStack.push(workloadsPage, { workloads: workloadList });
    }

    function openWorkload(workloadId: string): void {
        pageStack.push(workloadPage, { workloads: workloadList, workloadId: workloadId });
    }

    /// The deploy wizard, in the window's place.
    function deployWorkload(): void {
        pageStack.clear();
        pageStack.push(deployWorkloadPage);
    }

    /// The k3s wizard, in the window's place.
    function deployCluster(): void {
        pageStack.clear();
        pageStack.push(deployClusterPage);
    }

    function openNode(nodeId: string): void {
        const entry = nodeEditor.entry(nodeId);
        if (entry.nodeId !== undefined) {
            pageStack.push(nodePage, { nodeId: nodeId, nodeName: entry.displayName });
        }
    }

    /// A node's storage pools and volumes, beside its page.
    function openNodeStorage(nodeId: string): void {
        const entry = nodeEditor.entry(nodeId);
        if (entry.nodeId !== undefined) {
            pageStack.push(nodeStoragePage, { nodeId: nodeId, nodeName: entry.displayName });
        }
    }

    /// A node's virtual networks and their leases, beside its page.
    function openNodeNetworks(nodeId: string): void {
        const entry = nodeEditor.entry(nodeId);
        if (entry.nodeId !== undefined) {
            pageStack.push(nodeNetworksPage, { nodeId: nodeId, nodeName: entry.displayName });
        }
    }

    /// A machine's page, over the machine list.
    function openMachine(uuid: string): void {
        showMachines();
        pageStack.push(machinePage, { uuid: uuid });
    }

    /// Every machine moved off a node: the plan, then the drain.
    function drainNode(nodeId: string): void {
        const entry = nodeEditor.entry(nodeId);
        if (entry.nodeId !== undefined) {
            pageStack.push(drainNodePage, { nodeId: nodeId, nodeName: entry.displayName, drainer: nodeDrainer });
        }
    }

    /// The create-machine wizard, on @p nodeId and from @p image if given.
    function createMachine(nodeId: string, image: string): void {
        if (!nodeId) {
            pageStack.clear(); // from the sidebar: the wizard takes the window
        }
        const wizard = pageStack.push(machineWizardPage, { nodeId: nodeId ?? "" });
        if (image) {
            wizard.wizard.image = image;
        }
    }

    /// A machine's serial console, in a window of its own.
    function openConsole(nodeId: string, uuid: string, name: string): void {
        consoles.open(nodeId, uuid, name);
    }

    /// A machine's screen, in a window of its own: one per machine, raised
    /// when asked for again.
    property var screenWindows: ({})
    function openScreen(nodeId: string, uuid: string, name: string): void {
        let window = screenWindows[uuid];
        if (!window) {
            window = screenWindow.createObject(root, { nodeId: nodeId, uuid: uuid, name: name });
            window.serialConsoleWanted.connect(() => openConsole(nodeId, uuid, name));
            window.closed.connect(() => delete screenWindows[uuid]);
            screenWindows[uuid] = window;
        }
        window.show();
        window.raise();
        window.requestActivate();
    }

    function addNode(): void {
        pageStack.push(nodeEditorPage, { nodeId: "" });
    }

    function editNode(nodeId: string): void {
        pageStack.push(nodeEditorPage, { nodeId: nodeId });
    }

    function removeNode(nodeId: string): void {
        removeNodeDialog.ask(nodeId, nodeEditor.entry(nodeId).displayName ?? "");
    }

    globalDrawer: Kirigami.GlobalDrawer {
        title: i18nc("@title", "Flotilla")
        titleIcon: "network-server"
        isMenu: false
        // Turns modal only while hidden (see root.onWideScreenChanged).
        modal: false
        onClosed: {
            if (!root.wideScreen) {
                modal = true;
            }
        }
        width: Kirigami.Units.gridUnit * 11
        collapsible: root.wideScreen
        showHeaderWhenCollapsed: true
        actions: [
            Kirigami.Action {
                text: i18nc("@action:inmenu page", "Dashboard")
                icon.name: "view-statistics"
                onTriggered: root.showDashboard()
            },
            Kirigami.Action {
                text: i18nc("@action:inmenu page", "Nodes")
                icon.name: "network-server"
                onTriggered: root.showNodes()
            },
            Kirigami.Action {
                text: i18nc("@action:inmenu page", "Machines")
                icon.name: "computer"
                onTriggered: root.showMachines()
            },
            Kirigami.Action {
                objectName: "workloadsAction"
                text: i18nc("@action:inmenu page", "Workloads")
                icon.name: "distribute-horizontal"
                onTriggered: root.showWorkloads()
            },
            Kirigami.Action {
                separator: true
            },
            Kirigami.Action {
                objectName: "createMachineAction"
                text: i18nc("@action:inmenu", "Create Machine…")
                icon.name: "list-add"
                onTriggered: root.createMachine("", "")
            },
            Kirigami.Action {
                objectName: "deployWorkloadMenuAction"
                text: i18nc("@action:inmenu", "Deploy Workload…")
                icon.name: "list-add"
                onTriggered: root.deployWorkload()
            },
            Kirigami.Action {
                objectName: "deployClusterMenuAction"
                text: i18nc("@action:inmenu", "Deploy k3s Cluster…")
                icon.name: "list-add"
                onTriggered: root.deployCluster()
            },
            Kirigami.Action {
                text: i18nc("@action:inmenu", "Add Node…")
                icon.name: "list-add"
                onTriggered: root.addNode()
            }
        ]
    }

    Component {
        id: dashboardPage
        DashboardPage {}
    }

    Component {
        id: nodesPage
        NodesPage {}
    }

    Component {
        id: machinesPage
        MachinesPage {}
    }

    Component {
        id: workloadsPage
        WorkloadsPage {}
    }

    Component {
        id: workloadPage
        WorkloadPage {}
    }

    Component {
        id: deployWorkloadPage
        DeployWorkloadPage {}
    }

    Component {
        id: deployClusterPage
        DeployClusterPage {}
    }

    Component {
        id: machineWizardPage
        MachineWizardPage {}
    }

    Component {
        id: nodePage
        NodePage {}
    }

    Component {
        id: nodeStoragePage
        NodeStoragePage {}
    }

    Component {
        id: nodeNetworksPage
        NodeNetworksPage {}
    }

    Component {
        id: drainNodePage
        DrainNodePage {}
    }

    Component {
        id: machinePage
        MachinePage {}
    }

    Component {
        id: screenWindow
        ScreenWindow {}
    }

    Component {
        id: nodeEditorPage
        NodeEditorPage {
            onDone: nodeId => {
                // Back to where the person came from, the new or changed node in view.
                root.pageStack.pop();
            }
        }
    }

    CredentialsDialog {
        id: credentials
    }

    SerialConsole {
        id: consoles

        objectName: "serialConsole"
        fleet: FleetView
        onScreenWanted: (nodeId, uuid, name) => root.openScreen(nodeId, uuid, name)
    }

    /// The fleet's workloads, and the changes to them under way, whichever page is shown.
    WorkloadListModel {
        id: workloadList

        objectName: "workloadList"
        fleet: FleetView
    }

    /// The one drain of a node, whichever page is shown.
    NodeDrainer {
        id: nodeDrainer

        objectName: "nodeDrainer"
        fleet: FleetView
    }

    NodeEditor {
        id: nodeEditor

        fleet: FleetView
    }

    RemoveNodeDialog {
        id: removeNodeDialog

        onRemoved: nodeId => {
            // Close the removed node's page, and whatever was opened from it.
            for (let i = 1; i < root.pageStack.depth; ++i) {
                if (root.pageStack.get(i).nodeId === nodeId) {
                    root.pageStack.pop(root.pageStack.get(i - 1));
                    break;
                }
            }
            root.showPassiveNotification(i18nc("@info", "“%1” was removed from Flotilla", removeNodeDialog.nodeName));
        }
    }

    Connections {
        target: FleetView

        function onNotice(message: string): void {
            root.showPassiveNotification(message);
        }
    }

    pageStack.initialPage: dashboardPage
    pageStack.globalToolBar.style: Kirigami.ApplicationHeaderStyle.ToolBar
}
