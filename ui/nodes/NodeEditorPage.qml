// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.fleet
import org.kde.flotilla.map

/// Adds a node (nodeId empty) or changes one: how to reach it, a test of
/// the connection, where it stands, what it is called and how it is tagged.
Kirigami.ScrollablePage {
    id: page

    property string nodeId: ""
    /// Set once the person tried to save: every problem shows from then on.
    property bool triedToSave: false
    property alias form: form
    property alias place: place
    property alias connectionTest: connectionTest

    signal done(nodeId: string)

    readonly property NodeEditor editor: NodeEditor {
        fleet: FleetView
    }

    function save(): void {
        triedToSave = true;
        if (!form.valid) {
            return;
        }
        const entry = Object.assign({ name: form.name, uri: form.uri, tags: form.tags }, place.entry());
        const outcome = nodeId.length > 0 ? editor.update(nodeId, entry) : editor.add(entry);
        done(outcome.nodeId ?? "");
    }

    objectName: "nodeEditorPage"
    title: nodeId.length > 0 ? i18nc("@title:window", "Edit Node") : i18nc("@title:window", "Add Node")

    actions: [
        Kirigami.Action {
            objectName: "saveNodeAction"
            text: i18nc("@action:button", "Save")
            icon.name: "document-save"
            shortcut: "Ctrl+S"
            onTriggered: page.save()
        }
    ]

    Component.onCompleted: {
        form.takenNames = editor.names(nodeId);
        connectionFields.focusFirst(); // the keyboard starts at the top of the form
        if (nodeId.length === 0) {
            return;
        }
        const entry = editor.entry(nodeId);
        form.setFromUri(entry.uri);
        form.unverifiedAccepted = true; // consented when the node was added; a changed address asks again
        form.name = entry.name;
        form.tagsText = entry.tags.join(", ");
        place.load(entry);
    }

    NodeForm {
        id: form
    }

    ConnectionTest {
        id: connectionTest

        fleet: FleetView

        onFinished: {
            if (succeeded && form.name.length === 0) {
                form.name = hostname; // a good first name; the person may change it
            }
        }
    }

    Connections {
        target: form

        function onChanged(): void {
            if (connectionTest.testedUri !== form.uri && !connectionTest.running) {
                connectionTest.clear();
            }
        }
    }

    // As wide as the page and no wider (an item without implicit width): the
    // page never scrolls sideways, and the forms turn narrow in a narrow window.
    Item {
        width: parent ? parent.width : 0
        implicitHeight: content.implicitHeight

        ColumnLayout {
            id: content

            width: parent.width
            spacing: Kirigami.Units.largeSpacing

            Kirigami.InlineMessage {
                objectName: "demoNotice"
                Layout.fillWidth: true
                visible: !FleetView.savesNodeList
                type: Kirigami.MessageType.Information
                text: i18nc("@info", "This is the demo fleet: the node is added for this run only, and nothing is written to your configuration.")
            }

            ConnectionFields {
                id: connectionFields

                Layout.fillWidth: true
                form: form
                test: connectionTest
                showAllProblems: page.triedToSave
            }

            LocationPicker {
                id: place

                Layout.fillWidth: true
            }

            Kirigami.FormLayout {
                Layout.fillWidth: true

                Kirigami.Separator {
                    Kirigami.FormData.isSection: true
                    Kirigami.FormData.label: i18nc("@title:group", "Name")
                }
                QQC2.TextField {
                    id: nameField

                    objectName: "nodeNameField"
                    Kirigami.FormData.label: i18nc("@label:textbox", "Name:")
                    Accessible.name: i18nc("@label:textbox", "Name")
                    placeholderText: i18nc("@info:placeholder", "Found by the connection test")
                    text: form.name
                    onTextEdited: form.name = text
                    onAccepted: page.save()
                }
                ProblemText {
                    objectName: "nodeNameProblem"
                    text: form.nameError
                    shown: page.triedToSave || nameField.text.length > 0
                }
                QQC2.TextField {
                    objectName: "nodeTagsField"
                    Kirigami.FormData.label: i18nc("@label:textbox", "Tags:")
                    Accessible.name: i18nc("@label:textbox", "Tags, separated by commas or spaces")
                    placeholderText: i18nc("@info:placeholder", "e.g. home, backup")
                    text: form.tagsText
                    onTextEdited: form.tagsText = text
                    onAccepted: page.save()
                }
                TagChips {
                    objectName: "nodeTagChips"
                    Layout.fillWidth: true
                    Layout.maximumWidth: Kirigami.Units.gridUnit * 24
                    visible: form.tags.length > 0
                    tags: form.tags
                    removable: true
                    onRemoveRequested: tag => form.tagsText = form.tags.filter(t => t !== tag).join(", ")
                }
                ProblemText {
                    objectName: "nodeTagsProblem"
                    text: form.tagsError
                }
                QQC2.Button {
                    objectName: "saveNodeButton"
                    text: page.nodeId.length > 0 ? i18nc("@action:button", "Save Changes") : i18nc("@action:button", "Add Node")
                    icon.name: "list-add"
                    onClicked: page.save()
                }
            }
        }
    }
}
