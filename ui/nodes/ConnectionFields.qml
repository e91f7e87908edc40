// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// How to reach a node: transport, the fields it needs, the URI they make,
/// and the connection test.
Kirigami.FormLayout {
    id: fields

    required property NodeForm form
    required property ConnectionTest test
    property bool showAllProblems: false

    function focusFirst(): void {
        transportBox.forceActiveFocus();
    }

    readonly property bool remote: form.transport === NodeForm.Ssh || form.transport === NodeForm.Tls || form.transport === NodeForm.Tcp

    Kirigami.Separator {
        Kirigami.FormData.isSection: true
        Kirigami.FormData.label: i18nc("@title:group", "Connection")
    }
    QQC2.ComboBox {
        id: transportBox

        objectName: "transportBox"
        Kirigami.FormData.label: i18nc("@label:listbox", "Reach the node:")
        Accessible.name: i18nc("@label:listbox", "Reach the node")
        textRole: "text"
        valueRole: "value"
        model: [
            { value: NodeForm.ThisComputer, text: i18nc("@item:inlistbox transport", "On this computer") },
            { value: NodeForm.Ssh, text: i18nc("@item:inlistbox transport", "Over SSH") },
            { value: NodeForm.Tls, text: i18nc("@item:inlistbox transport", "Over TLS") },
            { value: NodeForm.Tcp, text: i18nc("@item:inlistbox transport", "Over TCP (unencrypted)") },
            { value: NodeForm.Raw, text: i18nc("@item:inlistbox transport", "By a connection URI") }
        ]
        currentIndex: indexOfValue(fields.form.transport)
        onActivated: fields.form.transport = currentValue
    }
    QQC2.ComboBox {
        objectName: "pathBox"
        visible: fields.form.transport === NodeForm.ThisComputer
        Kirigami.FormData.label: i18nc("@label:listbox", "Connection:")
        Accessible.name: i18nc("@label:listbox", "Connection")
        textRole: "text"
        valueRole: "value"
        model: [
            { value: "system", text: i18nc("@item:inlistbox", "System (all machines of this computer)") },
            { value: "session", text: i18nc("@item:inlistbox", "Session (your own machines)") }
        ]
        currentIndex: indexOfValue(fields.form.path)
        onActivated: fields.form.path = currentValue
    }
    CheckedTextField {
        objectName: "hostField"
        visible: fields.remote
        label: i18nc("@label:textbox", "Host:")
        placeholderText: i18nc("@info:placeholder", "node.example.org or 192.0.2.10")
        value: fields.form.host
        problem: fields.form.hostError
        showProblem: fields.showAllProblems
        onEdited: text => fields.form.host = text
    }
    CheckedTextField {
        objectName: "userField"
        visible: fields.remote && fields.form.transport !== NodeForm.Tls
        label: i18nc("@label:textbox", "User:")
        placeholderText: i18nc("@info:placeholder", "Your user name, if it differs")
        value: fields.form.user
        problem: fields.form.userError
        showProblem: fields.showAllProblems
        onEdited: text => fields.form.user = text
    }
    CheckedTextField {
        objectName: "portField"
        visible: fields.remote
        label: i18nc("@label:textbox", "Port:")
        placeholderText: i18nc("@info:placeholder", "The usual one")
        value: fields.form.port
        problem: fields.form.portError
        showProblem: fields.showAllProblems
        onEdited: text => fields.form.port = text
    }
    CheckedTextField {
        objectName: "keyFileField"
        visible: fields.form.transport === NodeForm.Ssh
        label: i18nc("@label:textbox", "Key file:")
        placeholderText: i18nc("@info:placeholder", "Your SSH agent's or default key")
        value: fields.form.keyFile
        problem: fields.form.keyFileError
        showProblem: fields.showAllProblems
        onEdited: text => fields.form.keyFile = text
    }
    CheckedTextField {
        objectName: "rawUriField"
        visible: fields.form.transport === NodeForm.Raw
        label: i18nc("@label:textbox", "URI:")
        placeholderText: i18nc("@info:placeholder", "qemu+ssh://user@host/system")
        value: fields.form.rawUri
        problem: fields.form.rawUriError
        showProblem: fields.showAllProblems
        onEdited: text => fields.form.rawUri = text
    }
    QQC2.Label {
        objectName: "unverifiedNotice"
        visible: fields.form.skipsVerification
        Kirigami.FormData.label: i18nc("@label", "Warning:")
        Layout.fillWidth: true
        Layout.maximumWidth: Kirigami.Units.gridUnit * 24
        wrapMode: Text.Wrap
        color: Kirigami.Theme.neutralTextColor
        Accessible.role: Accessible.AlertMessage
        text: i18nc("@info", "This address turns off the check of the node's identity (no_verify or known_hosts_verify). Another computer on the way could pose as the node and read or change what Flotilla sends, passwords included.")
    }
    QQC2.CheckBox {
        id: unverifiedBox

        objectName: "unverifiedBox"
        visible: fields.form.skipsVerification
        Layout.maximumWidth: Kirigami.Units.gridUnit * 24
        text: i18nc("@option:check", "Connect without checking the node's identity")
        checked: fields.form.unverifiedAccepted
        onToggled: fields.form.unverifiedAccepted = checked
    }
    ProblemText {
        objectName: "unverifiedProblem"
        text: fields.form.unverifiedError
        shown: fields.showAllProblems
    }
    QQC2.Label {
        objectName: "builtUri"
        Kirigami.FormData.label: i18nc("@label", "Connection URI:")
        text: fields.form.uri.length > 0 ? fields.form.uri : i18nc("@info", "(none yet)")
        font.family: "monospace"
        wrapMode: Text.WrapAnywhere
        Layout.maximumWidth: Kirigami.Units.gridUnit * 24
        textFormat: Text.PlainText
    }
    ConnectionTestResult {
        Kirigami.FormData.label: i18nc("@label", "Test:")
        form: fields.form
        test: fields.test
    }
}
