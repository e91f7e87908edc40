// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import org.kde.flotilla.fleet

/// What can be done with one machine of the list, from its row: opened by a
/// right click, a long press, or the Menu key. On a row that is part of the
/// selection, the actions apply to the whole selection, as in a file manager.
QQC2.Menu {
    id: menu

    /// The machines page: its selection, and its act() that asks where needed.
    required property var page
    property string uuid
    property string nodeId
    property string name
    property bool active: false
    readonly property var targets: page.selection.revision >= 0 && page.selection.contains(uuid) ? page.selectedUuids : [uuid]

    signal openRequested(string uuid)

    /// Shows the menu for one row, at @p x, @p y of @p row.
    function show(row: Item, x: real, y: real, uuid: string, nodeId: string, name: string, active: bool): void {
        menu.uuid = uuid;
        menu.nodeId = nodeId;
        menu.name = name;
        menu.active = active;
        menu.popup(row, x, y);
    }

    objectName: "machineRowMenu"

    QQC2.MenuItem {
        objectName: "rowOpen"
        text: i18nc("@action:inmenu", "Open")
        icon.name: "document-open"
        visible: menu.targets.length === 1
        height: visible ? implicitHeight : 0
        onTriggered: menu.openRequested(menu.uuid)
    }
    QQC2.MenuItem {
        objectName: "rowConsole"
        text: i18nc("@action:inmenu", "Serial Console")
        icon.name: "utilities-terminal"
        visible: menu.targets.length === 1
        height: visible ? implicitHeight : 0
        enabled: menu.active
        onTriggered: applicationWindow().openConsole(menu.nodeId, menu.uuid, menu.name)
    }
    QQC2.MenuSeparator {
        visible: menu.targets.length === 1
        height: visible ? implicitHeight : 0
    }
    Repeater {
        model: [
            { name: "rowStart", action: MachineActions.Start, text: i18nc("@action:inmenu", "Start"), icon: "media-playback-start" },
            { name: "rowShutdown", action: MachineActions.Shutdown, text: i18nc("@action:inmenu", "Shut Down"), icon: "system-shutdown" },
            { name: "rowReboot", action: MachineActions.Reboot, text: i18nc("@action:inmenu", "Reboot"), icon: "system-reboot" },
            { name: "rowPause", action: MachineActions.Pause, text: i18nc("@action:inmenu", "Pause"), icon: "media-playback-pause" },
            { name: "rowResume", action: MachineActions.Resume, text: i18nc("@action:inmenu", "Resume"), icon: "media-playback-start" },
            { name: "rowForceOff", action: MachineActions.ForceOff, text: i18nc("@action:inmenu", "Force Off…"), icon: "process-stop" },
            { name: "rowDelete", action: MachineActions.Delete, text: i18nc("@action:inmenu", "Delete…"), icon: "edit-delete" }
        ]
        delegate: QQC2.MenuItem {
            required property var modelData

            objectName: modelData.name
            text: menu.targets.length > 1 ? i18nc("@action:inmenu action on N selected machines", "%1 (%2 Selected)", modelData.text, menu.targets.length) : modelData.text
            icon.name: modelData.icon
            enabled: FleetView.actions.revision >= 0 && FleetView.actions.applicable(menu.targets, modelData.action).length > 0
            onTriggered: menu.page.actOn(menu.targets, modelData.action)
        }
    }
}
