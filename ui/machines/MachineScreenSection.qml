// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.console
import org.kde.flotilla.fleet

/// A running machine's screen on its page, live: click it to type into the
/// machine; its tools open it in a window of its own or switch to the
/// serial console.
ColumnLayout {
    id: section

    required property MachineView machine

    spacing: Kirigami.Units.smallSpacing

    Kirigami.Heading {
        Layout.fillWidth: true
        text: i18nc("@title:group", "Screen")
        level: 3
    }

    ScreenPanel {
        id: panel

        objectName: "machineScreenPanel"
        Layout.fillWidth: true
        // As tall as the screen's shape needs at this width; while there is
        // none, room for what the panel says instead.
        Layout.preferredHeight: chromeHeight + (screen.screenSize.width > 0
            ? Math.round(width * screen.screenSize.height / screen.screenSize.width)
            : Kirigami.Units.gridUnit * 8)
        Layout.maximumHeight: Kirigami.Units.gridUnit * 36
        nodeId: section.machine.nodeId
        uuid: section.machine.uuid
        name: section.machine.name
        active: section.visible && section.machine.active
        offersWindow: true
        onSerialConsoleWanted: applicationWindow().openConsole(section.machine.nodeId, section.machine.uuid,
            section.machine.name)
        onWindowWanted: applicationWindow().openScreen(section.machine.nodeId, section.machine.uuid, section.machine.name)
    }
}
