// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// A machine's tags and note, kept in its own definition on its node (so a
/// teammate's Flotilla sees them too). Edited here, written on Save.
ColumnLayout {
    id: card

    spacing: Kirigami.Units.smallSpacing

    required property MachineView machine
    property var tags: machine.tags
    readonly property bool edited: JSON.stringify(tags) !== JSON.stringify(machine.tags) || note.text !== machine.note

    /// Why the tag typed cannot be one, naming it (one rule for every tag: model/tags.h).
    property string tagProblem: ""

    function addTag(): void {
        const tag = newTag.text.trim().replace(/^#/, "");
        tagProblem = tag.length > 0 ? machine.tagProblem(tag) : "";
        if (tag.length === 0 || tagProblem.length > 0) {
            return;
        }
        if (!tags.includes(tag)) {
            tags = tags.concat([tag]);
        }
        newTag.clear();
    }

    Kirigami.Heading {
        Layout.fillWidth: true
        text: i18nc("@title:group", "Tags and Note")
        level: 3
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: Kirigami.Units.smallSpacing

        TagChips {
            Layout.fillWidth: true
            tags: card.tags
            removable: true
            onRemoveRequested: tag => card.tags = card.tags.filter(t => t !== tag)
        }
        RowLayout {
            QQC2.TextField {
                id: newTag

                objectName: "newTagField"
                Layout.fillWidth: true
                placeholderText: i18nc("@info:placeholder", "Add a tag…")
                onAccepted: card.addTag()
                onTextEdited: card.tagProblem = ""
            }
            QQC2.Button {
                text: i18nc("@action:button", "Add")
                icon.name: "list-add"
                enabled: newTag.text.trim().length > 0
                onClicked: card.addTag()
            }
        }
        ProblemText {
            objectName: "tagProblem"
            text: card.tagProblem
        }
        QQC2.TextArea {
            id: note

            objectName: "noteField"
            Layout.fillWidth: true
            Layout.minimumHeight: Kirigami.Units.gridUnit * 3
            placeholderText: i18nc("@info:placeholder", "A note for whoever looks after this machine…")
            text: card.machine.note
            wrapMode: TextEdit.Wrap
        }
        RowLayout {
            Item {
                Layout.fillWidth: true
            }
            QQC2.Button {
                text: i18nc("@action:button", "Revert")
                enabled: card.edited
                onClicked: {
                    card.tags = Qt.binding(() => card.machine.tags);
                    note.text = card.machine.note;
                }
            }
            QQC2.Button {
                objectName: "saveTags"
                text: i18nc("@action:button", "Save")
                icon.name: "document-save"
                enabled: card.edited && !card.machine.busy
                onClicked: card.machine.saveMetadata(card.tags, note.text)
            }
        }
    }
}
