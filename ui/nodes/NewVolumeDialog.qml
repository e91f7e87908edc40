// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.create
import org.kde.flotilla.fleet

/// Asks for a new, empty volume in a pool: its name, size and format.
Kirigami.Dialog {
    id: dialog

    required property NodeStorage storage
    property string pool
    property int sizeGiB: 20
    readonly property string format: formatBox.currentValue ?? "qcow2"
    readonly property real bytes: sizeGiB * 1024 * 1024 * 1024
    readonly property string problem: storage.volumeProblem(pool, volumeName.text, bytes, format)

    function ask(inPool: string): void {
        pool = inPool;
        formatBox.currentIndex = 0;
        sizeGiB = 20;
        volumeName.text = storage.suggestedVolumeName(inPool, "qcow2");
        open();
        volumeName.forceActiveFocus();
    }

    objectName: "newVolumeDialog"
    title: i18nc("@title:dialog", "New Volume in %1", pool)
    padding: Kirigami.Units.largeSpacing
    standardButtons: Kirigami.Dialog.Cancel
    customFooterActions: [
        Kirigami.Action {
            objectName: "confirmNewVolume"
            text: i18nc("@action:button", "Create Volume")
            icon.name: "list-add"
            enabled: dialog.problem.length === 0
            onTriggered: {
                dialog.storage.createVolume(dialog.pool, volumeName.text, dialog.bytes, dialog.format);
                dialog.close();
            }
        }
    ]

    Kirigami.FormLayout {
        QQC2.TextField {
            id: volumeName

            objectName: "volumeName"
            Kirigami.FormData.label: i18nc("@label:textbox", "Name:")
        }
        ProblemText {
            objectName: "newVolumeProblem"
            text: dialog.problem
        }
        NumberField {
            objectName: "volumeSize"
            label: i18nc("@label:spinbox", "Size:")
            unit: i18nc("@info unit", "GiB")
            from: 1
            to: 65536
            value: dialog.sizeGiB
            onEdited: value => dialog.sizeGiB = value
        }
        QQC2.ComboBox {
            id: formatBox

            objectName: "volumeFormat"
            Kirigami.FormData.label: i18nc("@label:listbox", "Format:")
            textRole: "text"
            valueRole: "format"
            model: [
                {
                    format: "qcow2",
                    text: i18nc("@item:inlistbox", "qcow2 (snapshots, grows as written)")
                },
                {
                    format: "raw",
                    text: i18nc("@item:inlistbox", "raw (fastest, no snapshots)")
                }
            ]
        }
    }
}
