// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// A node's image library: what its pools hold to make machines from, and
/// adding an image from a file on this computer.
ColumnLayout {
    id: card

    required property string nodeId
    readonly property ImageLibraryView library: ImageLibraryView {
        fleet: FleetView
        nodeId: card.nodeId
    }

    objectName: "imageLibrary"
    spacing: Kirigami.Units.smallSpacing

    RowLayout {
        Layout.fillWidth: true

        Kirigami.Heading {
            level: 3
            text: i18nc("@title", "Images")
            Layout.fillWidth: true
        }
        QQC2.Button {
            objectName: "createMachineHere"
            text: i18nc("@action:button", "Create Machine Here…")
            icon.name: "list-add"
            onClicked: applicationWindow().createMachine(card.nodeId, "")
        }
        QQC2.Button {
            objectName: "uploadImage"
            text: i18nc("@action:button", "Add Image from File…")
            icon.name: "document-open"
            enabled: card.library.loaded && !card.library.uploading
            onClicked: uploadDialog.open()
        }
    }
    QQC2.Label {
        visible: card.library.loaded && card.library.images.length === 0
        color: Kirigami.Theme.disabledTextColor
        text: i18nc("@info", "No images in this node's pools yet.")
    }
    QQC2.Label {
        visible: !card.library.loaded
        color: Kirigami.Theme.disabledTextColor
        text: i18nc("@info", "Reading the node's pools…")
    }
    Repeater {
        model: card.library.images

        RowLayout {
            required property var modelData

            objectName: "libraryImage:" + modelData.name
            Layout.fillWidth: true
            spacing: Kirigami.Units.largeSpacing

            Kirigami.Icon {
                source: modelData.installer ? "media-optical" : "drive-harddisk"
                implicitWidth: Kirigami.Units.iconSizes.smallMedium
                implicitHeight: Kirigami.Units.iconSizes.smallMedium
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                QQC2.Label {
                    Layout.fillWidth: true
                    text: modelData.name
                    elide: Text.ElideMiddle
                }
                QQC2.Label {
                    objectName: "imageFacts"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font: Kirigami.Theme.smallFont
                    color: modelData.problem ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.disabledTextColor
                    text: modelData.problem ? modelData.problem : i18ncp("@info format, pool, sizes, users", "%2 in %3, %4 (takes %5), used by %1 machine", "%2 in %3, %4 (takes %5), used by %1 machines", modelData.machines, modelData.format, modelData.pool, card.library.formatBytes(modelData.virtualBytes), card.library.formatBytes(modelData.allocatedBytes))
                }
            }
            QQC2.Button {
                visible: !modelData.installer && !modelData.problem
                text: i18nc("@action:button", "Create Machine…")
                icon.name: "list-add"
                onClicked: applicationWindow().createMachine(card.nodeId, modelData.name)
            }
        }
    }
    UploadImageDialog {
        id: uploadDialog

        library: card.library
    }
}
