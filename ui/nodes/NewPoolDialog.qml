// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.fleet

/// Asks for a new storage pool: a directory, an existing LVM volume group
/// or an NFS export, as far as the node can make each.
Kirigami.Dialog {
    id: dialog

    required property NodeStorage storage
    readonly property string type: typeBox.currentValue ?? "dir"
    readonly property var spec: ({
            name: poolName.text,
            type: dialog.type,
            path: poolPath.text,
            volumeGroup: volumeGroup.text,
            host: nfsHost.text,
            exportPath: nfsExport.text
        })
    readonly property string problem: storage.poolProblem(spec)

    function ask(): void {
        poolName.text = "";
        poolPath.text = "";
        volumeGroup.text = "";
        nfsHost.text = "";
        nfsExport.text = "";
        typeBox.currentIndex = 0;
        open();
        poolName.forceActiveFocus();
    }

    objectName: "newPoolDialog"
    title: i18nc("@title:dialog", "New Storage Pool")
    padding: Kirigami.Units.largeSpacing
    preferredWidth: Kirigami.Units.gridUnit * 30
    standardButtons: Kirigami.Dialog.Cancel
    customFooterActions: [
        Kirigami.Action {
            objectName: "confirmNewPool"
            text: i18nc("@action:button", "Create Pool")
            icon.name: "folder-new"
            enabled: dialog.problem.length === 0
            onTriggered: {
                dialog.storage.createPool(dialog.spec);
                dialog.close();
            }
        }
    ]

    Kirigami.FormLayout {
        QQC2.TextField {
            id: poolName

            objectName: "poolName"
            Kirigami.FormData.label: i18nc("@label:textbox", "Name:")
            placeholderText: i18nc("@info:placeholder", "fast")
        }
        QQC2.ComboBox {
            id: typeBox

            objectName: "poolType"
            Kirigami.FormData.label: i18nc("@label:listbox", "Kind:")
            model: dialog.storage.poolTypes
            textRole: "text"
            valueRole: "type"
        }
        QQC2.TextField {
            id: poolPath

            objectName: "poolPath"
            visible: dialog.type !== "logical"
            Kirigami.FormData.label: dialog.type === "netfs" ? i18nc("@label:textbox", "Mounted at:") : i18nc("@label:textbox", "Directory:")
            placeholderText: dialog.type === "netfs" ? "/mnt/shared" : "/srv/pools/fast"
        }
        QQC2.TextField {
            id: volumeGroup

            objectName: "poolVolumeGroup"
            visible: dialog.type === "logical"
            Kirigami.FormData.label: i18nc("@label:textbox", "Volume group:")
            placeholderText: "vg0"
        }
        QQC2.TextField {
            id: nfsHost

            objectName: "poolHost"
            visible: dialog.type === "netfs"
            Kirigami.FormData.label: i18nc("@label:textbox", "NFS server:")
            placeholderText: "nas.lan"
        }
        QQC2.TextField {
            id: nfsExport

            objectName: "poolExport"
            visible: dialog.type === "netfs"
            Kirigami.FormData.label: i18nc("@label:textbox", "Export:")
            placeholderText: "/export/vms"
        }
        ProblemText {
            objectName: "newPoolProblem"
            shown: poolName.text.length > 0
            text: dialog.problem
        }
        QQC2.Label {
            Layout.fillWidth: true
            Layout.maximumWidth: Kirigami.Units.gridUnit * 24
            wrapMode: Text.Wrap
            font: Kirigami.Theme.smallFont
            color: Kirigami.Theme.disabledTextColor
            text: dialog.type === "logical" ? i18nc("@info", "The volume group must exist on the node already; Flotilla does not write to bare disks.") : dialog.type === "netfs" ? i18nc("@info", "The node mounts the export there, making the folder if it is missing.") : i18nc("@info", "The node makes the directory if it is missing.")
        }
    }
}
