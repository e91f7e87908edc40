// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtCore
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Dialogs
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// A running machine's screen with what a person does to it: Send Key,
/// scale to fit or 1:1, Type Clipboard, a screenshot to a file, and the
/// switch to its serial console. The machine's page and a window of its
/// own both show one.
ColumnLayout {
    id: panel

    required property string nodeId
    required property string uuid
    required property string name
    /// Connected while true: the machine runs and the panel is seen.
    property bool active: true
    /// Offers "Open in a Window" (the machine's page does; the window does not).
    property bool offersWindow: false
    readonly property alias screen: screen
    /// The height of what the panel shows above the screen.
    readonly property real chromeHeight: toolbar.implicitHeight + status.implicitHeight + Kirigami.Units.smallSpacing * 3

    signal serialConsoleWanted
    signal windowWanted

    spacing: 0

    Kirigami.ActionToolBar {
        id: toolbar

        Layout.fillWidth: true
        Layout.margins: Kirigami.Units.smallSpacing
        actions: [
            Kirigami.Action {
                id: sendKey

                objectName: "screenSendKey"
                text: i18nc("@action:button", "Send Key")
                icon.name: "input-keyboard"
                enabled: screen.state === MachineScreen.Connected
            },
            Kirigami.Action {
                objectName: "screenFit"
                text: i18nc("@action:button", "Scale to Fit")
                tooltip: i18nc("@info:tooltip", "Scale the screen to the space it has, or show it pixel for pixel")
                icon.name: "zoom-fit-best"
                checkable: true
                checked: screen.fitToSize
                onToggled: screen.fitToSize = checked
            },
            Kirigami.Action {
                objectName: "screenTypeClipboard"
                text: i18nc("@action:button", "Type Clipboard")
                tooltip: i18nc("@info:tooltip", "Type the clipboard's text into the machine, key by key")
                icon.name: "edit-paste"
                enabled: screen.state === MachineScreen.Connected
                onTriggered: screen.typeClipboard()
            },
            Kirigami.Action {
                objectName: "screenSave"
                text: i18nc("@action:button", "Save Screenshot…")
                icon.name: "camera-photo"
                enabled: screen.screenSize.width > 0
                displayHint: Kirigami.DisplayHint.AlwaysHide
                onTriggered: saveDialog.open()
            },
            Kirigami.Action {
                objectName: "screenSerial"
                text: i18nc("@action:button", "Serial Console")
                icon.name: "utilities-terminal"
                onTriggered: panel.serialConsoleWanted()
            },
            Kirigami.Action {
                objectName: "screenWindow"
                text: i18nc("@action:button", "Open in a Window")
                icon.name: "window-new"
                visible: panel.offersWindow
                displayHint: Kirigami.DisplayHint.AlwaysHide
                onTriggered: panel.windowWanted()
            },
            Kirigami.Action {
                objectName: "screenReconnect"
                text: i18nc("@action:button", "Reconnect")
                icon.name: "view-refresh"
                visible: screen.state === MachineScreen.Ended
                onTriggered: screen.reconnect()
            }
        ]

        Instantiator {
            model: screen.combinations
            onObjectAdded: (index, object) => sendKey.children.push(object)
            delegate: Kirigami.Action {
                required property string modelData

                objectName: "sendKey:" + modelData
                text: modelData
                onTriggered: screen.sendCombination(modelData)
            }
        }
    }

    QQC2.Label {
        id: status

        objectName: "screenStatus"
        Layout.fillWidth: true
        Layout.leftMargin: Kirigami.Units.largeSpacing
        Layout.rightMargin: Kirigami.Units.largeSpacing
        Layout.bottomMargin: Kirigami.Units.smallSpacing
        wrapMode: Text.Wrap
        font: Kirigami.Theme.smallFont
        color: screen.state === MachineScreen.Ended ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.disabledTextColor
        text: screen.grabbed
            ? i18nc("@info:status", "The keyboard goes to %1. %2 lets it go.", panel.name, screen.releaseKeys)
            : screen.state === MachineScreen.Connected
                ? i18nc("@info:status", "%1 Click the screen to type into the machine.", screen.status)
                : screen.status
    }

    QQC2.ScrollView {
        id: view

        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        contentWidth: screen.fitToSize ? availableWidth : screen.implicitWidth
        contentHeight: screen.fitToSize ? availableHeight : screen.implicitHeight

        MachineScreen {
            id: screen

            objectName: "machineScreen"
            width: fitToSize ? view.availableWidth : implicitWidth
            height: fitToSize ? view.availableHeight : implicitHeight
            fleet: FleetView
            nodeId: panel.nodeId
            uuid: panel.uuid
            active: panel.active
        }
    }

    Kirigami.PlaceholderMessage {
        parent: view
        anchors.centerIn: parent
        width: parent.width - Kirigami.Units.gridUnit * 4
        visible: screen.state !== MachineScreen.Connected
        icon.name: screen.state === MachineScreen.Ended ? "dialog-warning" : "video-display"
        text: screen.state === MachineScreen.Ended ? i18nc("@info", "No screen")
            : i18nc("@info", "Connecting to the screen…")
        explanation: screen.status
    }

    FileDialog {
        id: saveDialog

        title: i18nc("@title:window", "Save the screen of %1 as", panel.name)
        fileMode: FileDialog.SaveFile
        nameFilters: [i18nc("@item:inlistbox", "PNG pictures (*.png)")]
        defaultSuffix: "png"
        currentFolder: StandardPaths.writableLocation(StandardPaths.PicturesLocation)
        onAccepted: {
            const problem = screen.saveScreenshot(selectedFile);
            applicationWindow().showPassiveNotification(problem.length > 0 ? problem
                : i18nc("@info", "Saved the screen of %1", panel.name));
        }
    }
}
