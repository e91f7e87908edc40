// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.create
import org.kde.flotilla.fleet

/// Asks for a volume's new, larger size.
Kirigami.Dialog {
    id: dialog

    required property NodeStorage storage
    property string pool
    property string volume
    property int sizeGiB: 1
    readonly property real bytes: sizeGiB * 1024 * 1024 * 1024
    readonly property string problem: storage.resizeProblem(pool, volume, bytes)

    function ask(inPool: string, name: string, currentBytes: real): void {
        pool = inPool;
        volume = name;
        sizeGiB = Math.ceil(currentBytes / (1024 * 1024 * 1024)) + (currentBytes % (1024 * 1024 * 1024) === 0 ? 10 : 0);
        open();
    }

    objectName: "resizeVolumeDialog"
    title: i18nc("@title:dialog", "Grow %1", volume)
    padding: Kirigami.Units.largeSpacing
    standardButtons: Kirigami.Dialog.Cancel
    customFooterActions: [
        Kirigami.Action {
            objectName: "confirmResizeVolume"
            text: i18nc("@action:button", "Grow")
            icon.name: "zoom-in"
            enabled: dialog.problem.length === 0
            onTriggered: {
                dialog.storage.resizeVolume(dialog.pool, dialog.volume, dialog.bytes);
                dialog.close();
            }
        }
    ]

    Kirigami.FormLayout {
        NumberField {
            objectName: "volumeNewSize"
            label: i18nc("@label:spinbox", "New size:")
            unit: i18nc("@info unit", "GiB")
            from: 1
            to: 65536
            value: dialog.sizeGiB
            problem: dialog.problem
            showProblem: true
            onEdited: value => dialog.sizeGiB = value
        }
        QQC2.Label {
            Layout.fillWidth: true
            Layout.maximumWidth: Kirigami.Units.gridUnit * 20
            wrapMode: Text.Wrap
            font: Kirigami.Theme.smallFont
            color: Kirigami.Theme.disabledTextColor
            text: i18nc("@info", "The guest sees the new room at its next start; its partition and file system are grown inside it (cloud-init does this on its own).")
        }
    }
}
