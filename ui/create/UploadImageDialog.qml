// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Dialogs
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// Sends an image into one of a node's pools, from a file on this computer
/// or from an address (fetched into Flotilla's cache first, its SHA-256
/// checked if given), with its progress; cancelling deletes what was sent.
Kirigami.Dialog {
    id: dialog

    required property ImageLibraryView library
    property url file
    readonly property bool fromUrl: fromUrlChoice.checked
    readonly property string fileProblem: fromUrl ? library.checkUrl(address.text) : file.toString().length > 0 ? library.checkFile(file) : ""
    readonly property string shaProblem: fromUrl ? library.checkSha256(sha.text) : ""
    readonly property bool ready: (fromUrl ? address.text.length > 0 : file.toString().length > 0) && fileProblem.length === 0 && shaProblem.length === 0 && nameProblem.length === 0
    readonly property string nameProblem: library.checkName(pool.currentText, name.text)

    /// Opens the dialog with @p poolName chosen (the first pool if empty).
    function askFor(poolName: string): void {
        pool.currentIndex = Math.max(0, library.pools.indexOf(poolName));
        open();
    }

    objectName: "uploadImageDialog"
    title: i18nc("@title:window", "Add Image from File")
    padding: Kirigami.Units.largeSpacing
    preferredWidth: Kirigami.Units.gridUnit * 28
    closePolicy: library.uploading ? QQC2.Popup.NoAutoClose : QQC2.Popup.CloseOnEscape

    customFooterActions: [
        Kirigami.Action {
            text: i18nc("@action:button", "Upload")
            icon.name: "cloud-upload"
            visible: !dialog.library.uploading
            enabled: dialog.ready
            onTriggered: dialog.fromUrl ? dialog.library.uploadFromUrl(address.text, sha.text, pool.currentText, name.text) : dialog.library.upload(dialog.file, pool.currentText, name.text)
        },
        Kirigami.Action {
            text: i18nc("@action:button", "Cancel Upload")
            icon.name: "dialog-cancel"
            visible: dialog.library.uploading
            onTriggered: dialog.library.cancelUpload()
        }
    ]

    Connections {
        target: dialog.library

        function onUploaded(key: string): void {
            dialog.close();
        }
    }

    Kirigami.FormLayout {
        QQC2.RadioButton {
            Kirigami.FormData.label: i18nc("@label", "From:")
            text: i18nc("@option:radio", "A file on this computer")
            checked: true
            enabled: !dialog.library.uploading
        }
        QQC2.RadioButton {
            id: fromUrlChoice

            objectName: "fromUrl"
            text: i18nc("@option:radio", "An address (downloaded first)")
            enabled: !dialog.library.uploading
        }
        QQC2.TextField {
            id: address

            objectName: "imageUrl"
            Kirigami.FormData.label: i18nc("@label:textbox", "Address:")
            visible: dialog.fromUrl
            enabled: !dialog.library.uploading
            placeholderText: "https://example.org/image.qcow2"
            onTextEdited: name.text = text.split("/").pop()
        }
        QQC2.TextField {
            id: sha

            objectName: "imageSha256"
            Kirigami.FormData.label: i18nc("@label:textbox", "SHA-256 (optional):")
            visible: dialog.fromUrl
            enabled: !dialog.library.uploading
            font.family: "monospace"
        }
        ProblemText {
            visible: dialog.fromUrl
            text: dialog.shaProblem
        }
        RowLayout {
            Kirigami.FormData.label: i18nc("@label", "File:")
            visible: !dialog.fromUrl

            QQC2.Label {
                Layout.maximumWidth: Kirigami.Units.gridUnit * 14
                elide: Text.ElideMiddle
                text: dialog.file.toString().length > 0 ? dialog.file.toString().replace(/^file:\/\//, "") : i18nc("@info", "None chosen")
            }
            QQC2.Button {
                text: i18nc("@action:button", "Choose…")
                icon.name: "document-open"
                enabled: !dialog.library.uploading
                onClicked: fileDialog.open()
            }
        }
        ProblemText {
            shown: dialog.fromUrl ? address.text.length > 0 : true
            text: dialog.fileProblem
        }
        QQC2.ComboBox {
            id: pool

            Kirigami.FormData.label: i18nc("@label:listbox", "Pool:")
            enabled: !dialog.library.uploading
            model: dialog.library.pools
        }
        QQC2.TextField {
            id: name

            Kirigami.FormData.label: i18nc("@label:textbox", "Name on the node:")
            enabled: !dialog.library.uploading
        }
        ProblemText {
            shown: name.text.length > 0
            text: dialog.nameProblem
        }
        QQC2.ProgressBar {
            Layout.fillWidth: true
            visible: dialog.library.uploading
            value: dialog.library.uploadFraction
        }
        QQC2.Label {
            visible: dialog.library.uploading
            text: dialog.library.uploadText
        }
        ProblemText {
            text: dialog.library.uploadError
        }
    }
    FileDialog {
        id: fileDialog

        title: i18nc("@title:window", "Choose a Disk Image")
        nameFilters: [i18nc("@item file type", "Disk images (*.qcow2 *.img *.raw *.iso)"), i18nc("@item file type", "All files (*)")]
        onAccepted: {
            dialog.file = selectedFile;
            name.text = selectedFile.toString().split("/").pop();
        }
    }
}
