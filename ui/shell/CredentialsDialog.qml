// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// Asks for what a node wants while connecting: a user name, a password.
/// Requests that arrive while one is shown wait their turn.
Kirigami.Dialog {
    id: dialog

    property var queue: []
    property var current: null

    readonly property CredentialQuestions questions: CredentialQuestions {
        fleet: FleetView
        onAsked: (requestId, uri, prompts) => dialog.ask(requestId, uri, prompts)
    }

    function ask(requestId: var, uri: string, prompts: var): void {
        queue.push({ requestId: requestId, uri: uri, prompts: prompts });
        if (current === null) {
            showNext();
        }
    }

    function showNext(): void {
        current = queue.length > 0 ? queue.shift() : null;
        if (current === null) {
            return;
        }
        fields.model = current.prompts;
        remember.checked = false;
        open();
        Qt.callLater(() => {
            const first = fields.itemAt(0);
            if (first) {
                first.forceActiveFocus();
            }
        });
    }

    function finish(accepted: bool): void {
        if (current === null) {
            return;
        }
        if (accepted) {
            const answers = [];
            for (let i = 0; i < fields.count; ++i) {
                answers.push(fields.itemAt(i).text);
            }
            questions.answer(current.requestId, answers, remember.checked);
        } else {
            questions.decline(current.requestId);
        }
        current = null;
        close();
        showNext();
    }

    objectName: "credentialsDialog"
    title: i18nc("@title:window", "Sign In to a Node")
    padding: Kirigami.Units.largeSpacing
    preferredWidth: Kirigami.Units.gridUnit * 24
    standardButtons: Kirigami.Dialog.Ok | Kirigami.Dialog.Cancel
    closePolicy: QQC2.Popup.CloseOnEscape

    onAccepted: finish(true)
    onRejected: finish(false)

    ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        QQC2.Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: dialog.current ? i18nc("@info", "%1 asks:", dialog.current.uri) : ""
        }

        Repeater {
            id: fields

            delegate: QQC2.TextField {
                required property var modelData
                required property int index

                objectName: "credentialField" + index
                Layout.fillWidth: true
                placeholderText: modelData.text
                text: modelData.suggestion
                echoMode: modelData.secret ? TextInput.Password : TextInput.Normal
                Accessible.name: modelData.text
                onAccepted: {
                    const next = fields.itemAt(index + 1);
                    next ? next.forceActiveFocus() : dialog.finish(true);
                }
            }
        }

        QQC2.CheckBox {
            id: remember

            objectName: "rememberCredentials"
            text: i18nc("@option:check", "Remember in the desktop keyring")
        }
    }
}
