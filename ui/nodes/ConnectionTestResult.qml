// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// "Test connection" and what it found: the node's name and size, or the error with its details.
ColumnLayout {
    id: result

    required property NodeForm form
    required property ConnectionTest test

    spacing: Kirigami.Units.smallSpacing
    Layout.maximumWidth: Kirigami.Units.gridUnit * 24

    RowLayout {
        QQC2.Button {
            objectName: "testConnectionButton"
            text: i18nc("@action:button", "Test Connection")
            icon.name: "network-connect"
            enabled: result.form.uriValid && !result.test.running
            onClicked: result.test.start(result.form.uri)
        }
        QQC2.BusyIndicator {
            visible: result.test.running
            running: visible
            Layout.preferredHeight: Kirigami.Units.iconSizes.medium
            Layout.preferredWidth: Layout.preferredHeight
        }
        QQC2.Button {
            objectName: "cancelTestButton"
            visible: result.test.running
            text: i18nc("@action:button", "Stop")
            icon.name: "dialog-cancel"
            onClicked: result.test.cancel()
        }
    }
    QQC2.Label {
        objectName: "connectionTestFound"
        Layout.fillWidth: true
        visible: result.test.succeeded
        wrapMode: Text.Wrap
        text: i18nc("@info connection test found: host name, then facts", "Reached %1: %2", result.test.hostname, result.test.summary)
        color: Kirigami.Theme.positiveTextColor
    }
    Kirigami.InlineMessage {
        objectName: "connectionTestError"
        Layout.fillWidth: true
        visible: result.test.error.length > 0
        type: Kirigami.MessageType.Error
        text: result.test.errorDetails.length > 0
              ? i18nc("@info error with details", "%1: %2", result.test.error, result.test.errorDetails)
              : result.test.error
    }
}
