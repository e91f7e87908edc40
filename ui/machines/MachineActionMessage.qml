// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// How the last action on machines ended: a passing note when all went
/// well, a message with libvirt's reasons (behind "Details") when not.
Kirigami.InlineMessage {
    id: message

    property string summary
    property string details
    property bool showDetails: false

    objectName: "machineActionMessage"
    visible: false
    showCloseButton: true
    type: Kirigami.MessageType.Error
    text: showDetails && details.length > 0 ? summary + "\n" + details : summary
    actions: Kirigami.Action {
        text: message.showDetails ? i18nc("@action:button", "Hide Details") : i18nc("@action:button", "Details")
        visible: message.details.length > 0
        onTriggered: message.showDetails = !message.showDetails
    }

    Connections {
        target: FleetView.actions

        function onFinished(summary: string, details: string, failed: bool): void {
            if (failed || details.length > 0) {
                message.type = failed ? Kirigami.MessageType.Error : Kirigami.MessageType.Warning;
                message.showDetails = false;
                message.details = details;
                message.summary = summary;
                message.visible = true;
            } else {
                applicationWindow().showPassiveNotification(summary);
            }
        }
    }
}
