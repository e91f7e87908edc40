// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtCore
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Dialogs
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet
import org.kde.flotilla.create

/// A node's storage: its pools, each with its room and its volumes, and
/// what can be done with them.
Kirigami.ScrollablePage {
    id: page

    required property string nodeId
    required property string nodeName

    title: i18nc("@title:window", "Storage on %1", nodeName)
    objectName: "nodeStoragePage"

    actions: [
        Kirigami.Action {
            objectName: "newPoolAction"
            text: i18nc("@action:button", "New Pool…")
            icon.name: "folder-new"
            enabled: nodeStorage.connected && !nodeStorage.busy
            onTriggered: newPoolDialog.ask()
        }
    ]

    NodeStorage {
        id: nodeStorage

        fleet: FleetView
        nodeId: page.nodeId
        onDownloaded: path => applicationWindow().showPassiveNotification(i18nc("@info", "Saved as %1", path))
    }

    FileDialog {
        id: saveDialog

        property string pool
        property string volume

        title: i18nc("@title:window", "Save %1 as", volume)
        fileMode: FileDialog.SaveFile
        currentFolder: StandardPaths.writableLocation(StandardPaths.DownloadLocation)
        onAccepted: nodeStorage.download(pool, volume, selectedFile)
    }

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        NodePartsMessages {
            Layout.fillWidth: true
            parts: nodeStorage
        }
        RowLayout {
            objectName: "downloadProgress"
            Layout.fillWidth: true
            visible: nodeStorage.downloading

            QQC2.Label {
                text: nodeStorage.downloadText
            }
            QQC2.ProgressBar {
                Layout.fillWidth: true
                from: 0
                to: 1
                value: nodeStorage.downloadFraction
            }
            QQC2.Button {
                text: i18nc("@action:button", "Cancel Download")
                icon.name: "dialog-cancel"
                onClicked: nodeStorage.cancelDownload()
            }
        }
        Kirigami.PlaceholderMessage {
            Layout.fillWidth: true
            visible: nodeStorage.pools.length === 0
            icon.name: "drive-harddisk"
            text: i18nc("@info:placeholder", "No storage pools on this node")
            explanation: i18nc("@info:placeholder", "A pool is where machines' disks and images live: a directory, an LVM volume group or an NFS export.")
        }
        Repeater {
            model: nodeStorage.pools

            delegate: StoragePoolCard {
                Layout.fillWidth: true
                storage: nodeStorage
                onNewVolume: pool => newVolumeDialog.ask(pool)
                onUpload: pool => uploadDialog.askFor(pool)
                onResizeVolume: (pool, volume, bytes) => resizeVolumeDialog.ask(pool, volume, bytes)
                onDeleteVolume: (pool, volume) => deleteVolumeDialog.ask(pool, volume)
                onDownloadVolume: (pool, volume) => {
                    saveDialog.pool = pool;
                    saveDialog.volume = volume;
                    saveDialog.selectedFile = saveDialog.currentFolder + "/" + volume;
                    saveDialog.open();
                }
                onDeletePool: pool => deletePoolDialog.ask(pool)
            }
        }
    }

    ImageLibraryView {
        id: library

        fleet: FleetView
        nodeId: page.nodeId
    }
    UploadImageDialog {
        id: uploadDialog

        library: library
    }
    NewPoolDialog {
        id: newPoolDialog

        storage: nodeStorage
    }
    NewVolumeDialog {
        id: newVolumeDialog

        storage: nodeStorage
    }
    ResizeVolumeDialog {
        id: resizeVolumeDialog

        storage: nodeStorage
    }
    Kirigami.PromptDialog {
        id: deleteVolumeDialog

        property string pool
        property string volume

        function ask(inPool: string, name: string): void {
            pool = inPool;
            volume = name;
            open();
        }

        objectName: "deleteVolumeDialog"
        title: i18nc("@title:dialog", "Delete %1?", volume)
        subtitle: i18nc("@info", "The volume and everything written on it are deleted from the node. This cannot be undone.")
        standardButtons: Kirigami.Dialog.Cancel
        customFooterActions: [
            Kirigami.Action {
                objectName: "confirmDeleteVolume"
                text: i18nc("@action:button", "Delete")
                icon.name: "edit-delete"
                onTriggered: {
                    nodeStorage.deleteVolume(deleteVolumeDialog.pool, deleteVolumeDialog.volume);
                    deleteVolumeDialog.close();
                }
            }
        ]
    }
    Kirigami.PromptDialog {
        id: deletePoolDialog

        property string pool

        function ask(name: string): void {
            pool = name;
            open();
        }

        objectName: "deletePoolDialog"
        title: i18nc("@title:dialog", "Delete the pool %1?", pool)
        subtitle: i18nc("@info", "The node forgets the pool. Its directory, volume group or export stays on the node as it is, and can be added again.")
        standardButtons: Kirigami.Dialog.Cancel
        customFooterActions: [
            Kirigami.Action {
                objectName: "confirmDeletePool"
                text: i18nc("@action:button", "Delete Pool")
                icon.name: "edit-delete"
                onTriggered: {
                    nodeStorage.deletePool(deletePoolDialog.pool);
                    deletePoolDialog.close();
                }
            }
        ]
    }
}
