// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// Every machine of every node in one list: search with qualifiers, sort by
/// any column, select several and act on them at once.
Kirigami.ScrollablePage {
    id: page

    title: i18nc("@title:window", "Machines")
    objectName: "machinesPage"

    /// The machines picked, by UUID (kept in C++: see MachineSelection).
    readonly property MachineSelection selection: MachineSelection {
        model: machines
    }
    readonly property var selectedUuids: page.selection.uuids
    readonly property int selectedCount: page.selection.count

    function clearSelection(): void {
        page.selection.clear();
    }

    function selectAll(): void {
        page.selection.selectAll();
    }

    /// Shift+Up and Shift+Down: moves the current row and picks from the anchor to it.
    function extendTo(row: int): void {
        if (row < 0 || row >= list.count) {
            return;
        }
        page.selection.extend(Math.max(list.currentIndex, 0), row);
        list.currentIndex = row;
        list.positionViewAtIndex(row, ListView.Contain);
    }

    /// Acts on the selection, asking first where something could be lost,
    /// or where a node that does not answer would keep its requests waiting.
    function act(action: int): void {
        page.actOn(page.selectedUuids, action);
    }

    function actOn(uuids: var, action: int): void {
        const targets = FleetView.actions.applicable(uuids, action);
        if (action === MachineActions.ForceOff || action === MachineActions.Delete
                || FleetView.actions.silentNodesOf(targets).length > 0) {
            confirmation.ask(action, targets);
        } else {
            FleetView.actions.perform(targets, action);
        }
    }

    /// The machine being dragged ({uuid, name, nodeId}), or null; and where the pointer is, in the window.
    property var dragged: null
    property point dragAt
    /// The machine the Move dialog is about.
    property string movedUuid

    /// The dragged machine let go at @p position: on a node, its Move dialog opens with that node chosen.
    function dropAt(position: point): void {
        const target = shelf.nodeUnderPointer;
        const machine = page.dragged;
        page.dragged = null;
        if (machine && target.length > 0) {
            page.movedUuid = machine.uuid;
            moveDialog.askFor(target);
        }
    }

    function sortBy(key: int): void {
        if (machines.sortKey === key) {
            machines.descending = !machines.descending;
        } else {
            machines.sortKey = key;
            // Figures read best largest first; names and states from A.
            machines.descending = key !== MachineFilterModel.ByName && key !== MachineFilterModel.ByNode
                                  && key !== MachineFilterModel.ByState && key !== MachineFilterModel.ByAddress;
        }
    }

    footer: NodeDropShelf {
        id: shelf

        objectName: "nodeDropShelf"
        visible: page.dragged !== null
        excludedNode: page.dragged ? page.dragged.nodeId : ""
        pointer: page.dragged ? shelf.mapFromItem(null, page.dragAt.x, page.dragAt.y) : Qt.point(-1, -1)
    }

    actions: [
        Kirigami.Action {
            text: i18nc("@action:button", "Select All")
            icon.name: "edit-select-all"
            visible: page.selectedCount === 0
            enabled: list.count > 0
            displayHint: Kirigami.DisplayHint.KeepVisible
            onTriggered: page.selectAll()
        },
        MachineAction {
            objectName: "startAction"
            action: MachineActions.Start
            text: i18nc("@action:button", "Start")
            icon.name: "media-playback-start"
            page: page
        },
        MachineAction {
            objectName: "shutdownAction"
            action: MachineActions.Shutdown
            text: i18nc("@action:button", "Shut Down")
            icon.name: "system-shutdown"
            page: page
        },
        MachineAction {
            action: MachineActions.Reboot
            text: i18nc("@action:button", "Reboot")
            icon.name: "system-reboot"
            page: page
        },
        MachineAction {
            action: MachineActions.Pause
            text: i18nc("@action:button", "Pause")
            icon.name: "media-playback-pause"
            page: page
        },
        MachineAction {
            action: MachineActions.Resume
            text: i18nc("@action:button", "Resume")
            icon.name: "media-playback-start"
            page: page
        },
        MachineAction {
            objectName: "forceOffAction"
            action: MachineActions.ForceOff
            text: i18nc("@action:button", "Force Off…")
            icon.name: "process-stop"
            page: page
        },
        MachineAction {
            objectName: "deleteAction"
            action: MachineActions.Delete
            text: i18nc("@action:button", "Delete…")
            icon.name: "edit-delete"
            page: page
        },
        Kirigami.Action {
            text: i18nc("@action:button", "Clear Selection")
            icon.name: "edit-select-none"
            visible: page.selectedCount > 0
            onTriggered: page.clearSelection()
        }
    ]

    header: ColumnLayout {
        spacing: 0

        QQC2.ToolBar {
            Layout.fillWidth: true

            Kirigami.SearchField {
                id: search

                objectName: "machineSearch"
                anchors.fill: parent
                placeholderText: i18nc("@info:placeholder", "Search, e.g. web node:berlin state:running tag:k3s ip:10.0")
                Accessible.name: i18nc("@info accessible", "Search machines")
            }
        }
        Kirigami.InlineMessage {
            Layout.fillWidth: true
            visible: machines.searchProblem.length > 0
            type: Kirigami.MessageType.Warning
            text: machines.searchProblem
        }
        MachineActionMessage {
            Layout.fillWidth: true
        }
    }

    ListView {
        id: list

        objectName: "machineList"
        currentIndex: -1
        activeFocusOnTab: true
        keyNavigationEnabled: true
        reuseItems: true
        // Rows just beyond the edges are made ahead, while idle, so the first
        // fling reuses them instead of making rows as it scrolls (40 ms at once).
        cacheBuffer: Kirigami.Units.gridUnit * 44
        // Selection keys as in a file manager: Space toggles (MachineDelegate),
        // Shift+Up/Down extend a range, Ctrl+A selects every machine shown.
        Keys.onPressed: event => {
            if (event.matches(StandardKey.SelectAll)) {
                page.selectAll();
            } else if ((event.key === Qt.Key_Up || event.key === Qt.Key_Down) && (event.modifiers & Qt.ShiftModifier)) {
                page.extendTo(Math.max(list.currentIndex, 0) + (event.key === Qt.Key_Down ? 1 : -1));
            } else {
                return;
            }
            event.accepted = true;
        }
        headerPositioning: ListView.OverlayHeader
        model: MachineFilterModel {
            id: machines

            objectName: "machineModel"
            sourceModel: FleetView.machines
            searchText: search.text
        }
        header: MachineListHeader {
            z: 2
            width: ListView.view.width
            model: machines
            onSortRequested: key => page.sortBy(key)
        }
        delegate: MachineDelegate {
            width: ListView.view.width
            selectable: true
            selected: page.selection.revision >= 0 && page.selection.contains(uuid)
            onSelectionToggled: page.selection.toggle(uuid)
            onRangeRequested: {
                list.currentIndex = index;
                page.selection.selectRange(uuid);
            }
            onClicked: applicationWindow().pageStack.push(machinePage, { uuid: uuid })
            onMenuRequested: (x, y) => rowMenu.show(this, x, y, uuid, nodeId, name, active)
            onDragMoved: position => {
                page.dragged = {
                    uuid: uuid,
                    name: name,
                    nodeId: nodeId
                };
                page.dragAt = position;
            }
            onDragEnded: position => page.dropAt(position)
        }

        Kirigami.PlaceholderMessage {
            anchors.centerIn: parent
            width: parent.width - Kirigami.Units.gridUnit * 4
            visible: list.count === 0
            icon.name: search.text.length > 0 ? "edit-none" : "computer"
            text: search.text.length > 0 ? i18nc("@info:placeholder", "No machine matches “%1”", search.text)
                                         : i18nc("@info:placeholder", "No machines")
        }
    }

    MachineConfirmation {
        id: confirmation
    }

    // A machine dragged from the list: its name at the pointer, and the
    // nodes to drop it on over the bottom of the list.
    QQC2.Label {
        objectName: "dragLabel"
        visible: page.dragged !== null
        parent: page.QQC2.Overlay.overlay
        x: page.dragAt.x + Kirigami.Units.largeSpacing
        y: page.dragAt.y + Kirigami.Units.largeSpacing
        padding: Kirigami.Units.smallSpacing
        text: page.dragged ? page.dragged.name : ""
        color: Kirigami.Theme.highlightedTextColor
        background: Rectangle {
            color: Kirigami.Theme.highlightColor
            radius: Kirigami.Units.cornerRadius
        }
    }

    MoveMachineDialog {
        id: moveDialog

        uuid: page.movedUuid
    }

    MachineRowMenu {
        id: rowMenu

        page: page
        onOpenRequested: uuid => applicationWindow().pageStack.push(machinePage, { uuid: uuid })
    }

    Component {
        id: machinePage

        MachinePage {}
    }
}
