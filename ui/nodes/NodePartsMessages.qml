// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// What a storage or network page has to say about its node and its last
/// request: not connected, out of date, refused, done in part.
ColumnLayout {
    id: messages

    required property var parts

    spacing: Kirigami.Units.smallSpacing

    Kirigami.InlineMessage {
        Layout.fillWidth: true
        visible: !messages.parts.connected
        type: Kirigami.MessageType.Warning
        text: i18nc("@info", "The node is not connected: this is what it last reported, and nothing can be changed.")
    }
    Kirigami.InlineMessage {
        Layout.fillWidth: true
        visible: messages.parts.stale
        type: Kirigami.MessageType.Warning
        text: i18nc("@info", "This may be out of date: the last reading failed.")
    }
    Kirigami.InlineMessage {
        objectName: "nodePartsProblem"
        Layout.fillWidth: true
        visible: messages.parts.problem.length > 0
        type: Kirigami.MessageType.Error
        text: messages.parts.problem
        actions: Kirigami.Action {
            text: i18nc("@action:button", "Dismiss")
            icon.name: "dialog-close"
            onTriggered: messages.parts.dismiss()
        }
    }
    Kirigami.InlineMessage {
        objectName: "nodePartsWarning"
        Layout.fillWidth: true
        visible: messages.parts.warning.length > 0
        type: Kirigami.MessageType.Warning
        text: messages.parts.warning
        actions: Kirigami.Action {
            text: i18nc("@action:button", "Dismiss")
            icon.name: "dialog-close"
            onTriggered: messages.parts.dismiss()
        }
    }
}
