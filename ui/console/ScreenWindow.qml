// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import org.kde.kirigami as Kirigami

/// A running machine's screen in a window of its own.
Kirigami.ApplicationWindow {
    id: window

    required property string nodeId
    required property string uuid
    required property string name

    signal serialConsoleWanted
    /// The window closed, and goes.
    signal closed

    objectName: "screenWindow"
    title: i18nc("@title:window machine name", "%1 — Screen", name)
    width: Kirigami.Units.gridUnit * 52
    height: Kirigami.Units.gridUnit * 42
    pageStack.initialPage: Kirigami.Page {
        padding: 0
        title: window.name

        ScreenPanel {
            anchors.fill: parent
            nodeId: window.nodeId
            uuid: window.uuid
            name: window.name
            active: window.visible
            onSerialConsoleWanted: window.serialConsoleWanted()
        }
    }
    onClosing: {
        closed();
        destroy();
    }
}
