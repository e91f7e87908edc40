// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// Step 5: how the machine sets itself up on its first boot (cloud-init).
ColumnLayout {
    id: step

    required property MachineWizard wizard
    property bool showProblems: false

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "Setup on first boot")
    }
    Kirigami.FormLayout {
        id: nameForm

        Layout.fillWidth: true

        CheckedTextField {
            objectName: "name"
            label: i18nc("@label:textbox", "Name and host name:")
            value: step.wizard.name
            onEdited: text => step.wizard.name = text
            problem: step.wizard.problems.name ?? ""
            showProblem: step.showProblems
        }
    }
    Kirigami.InlineMessage {
        objectName: "installerNotice"
        Layout.fillWidth: true
        visible: step.wizard.installing
        text: i18nc("@info", "The machine boots its installer from an empty root disk, and its user, keys and network are set in the installer, not here. The installer shows on the machine's screen (VNC on the node's loopback, which virt-viewer and virt-manager reach) and, for a text installer, on its serial console.")
    }
    Kirigami.FormLayout {
        Layout.fillWidth: true
        visible: !step.wizard.installing
        twinFormLayouts: [nameForm]

        CheckedTextField {
            objectName: "userName"
            label: i18nc("@label:textbox", "User:")
            placeholderText: i18nc("@info:placeholder", "The image's own (debian, ubuntu, …)")
            value: step.wizard.userName
            onEdited: text => step.wizard.userName = text
            problem: step.wizard.problems.userName ?? ""
            showProblem: step.showProblems
        }
        ColumnLayout {
            Kirigami.FormData.label: i18nc("@label:textbox", "Password:")
            Layout.maximumWidth: Kirigami.Units.gridUnit * 24

            Kirigami.PasswordField {
                objectName: "passwordInput"
                Layout.fillWidth: true
                placeholderText: i18nc("@info:placeholder", "None: sign in with a key")
                onEditingFinished: step.wizard.password = text
            }
            QQC2.Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font: Kirigami.Theme.smallFont
                color: Kirigami.Theme.disabledTextColor
                text: i18nc("@info", "Only its hash goes to the machine; Flotilla does not keep the password.")
            }
            ProblemText {
                text: step.wizard.problems.password ?? ""
            }
        }
        ColumnLayout {
            Kirigami.FormData.label: i18nc("@label:textbox", "SSH public keys:")
            Layout.maximumWidth: Kirigami.Units.gridUnit * 30
            Layout.fillWidth: true

            QQC2.TextArea {
                objectName: "sshKeysInput"
                Layout.fillWidth: true
                Layout.minimumHeight: Kirigami.Units.gridUnit * 4
                wrapMode: TextEdit.WrapAnywhere
                font.family: "monospace"
                placeholderText: i18nc("@info:placeholder", "ssh-ed25519 AAAA… you@computer, one per line")
                text: step.wizard.sshKeys
                onTextChanged: if (text !== step.wizard.sshKeys) step.wizard.sshKeys = text
            }
            Flow {
                Layout.fillWidth: true
                spacing: Kirigami.Units.smallSpacing

                Repeater {
                    model: step.wizard.keyFiles

                    QQC2.Button {
                        required property var modelData

                        text: i18nc("@action:button a key file", "Add %1", modelData.name)
                        icon.name: "list-add"
                        onClicked: step.wizard.addKeyFile(modelData.name)
                    }
                }
            }
            ProblemText {
                objectName: "sshKeysProblem"
                shown: step.showProblems || step.wizard.sshKeys.length > 0
                text: step.wizard.problems.sshKeys ?? ""
            }
        }
        CheckedTextField {
            objectName: "packages"
            label: i18nc("@label:textbox", "Packages to install:")
            placeholderText: i18nc("@info:placeholder", "nginx git")
            value: step.wizard.packages
            onEdited: text => step.wizard.packages = text
            problem: step.wizard.problems.packages ?? ""
            showProblem: step.showProblems
        }
        ColumnLayout {
            Kirigami.FormData.label: i18nc("@label:textbox", "Commands on first boot:")
            Layout.maximumWidth: Kirigami.Units.gridUnit * 30
            Layout.fillWidth: true

            QQC2.TextArea {
                objectName: "commandsInput"
                Layout.fillWidth: true
                font.family: "monospace"
                placeholderText: i18nc("@info:placeholder", "One per line, run in order")
                text: step.wizard.commands
                onTextChanged: if (text !== step.wizard.commands) step.wizard.commands = text
            }
            ProblemText {
                text: step.wizard.problems.commands ?? ""
            }
        }
        CheckedTextField {
            objectName: "timezone"
            label: i18nc("@label:textbox", "Time zone:")
            placeholderText: i18nc("@info:placeholder", "The image's own, or Europe/Helsinki")
            value: step.wizard.timezone
            onEdited: text => step.wizard.timezone = text
            problem: step.wizard.problems.timezone ?? ""
            showProblem: step.showProblems
        }
        QQC2.CheckBox {
            objectName: "staticAddress"
            Kirigami.FormData.label: i18nc("@label", "Address:")
            text: i18nc("@option:check", "A fixed address instead of DHCP")
            checked: step.wizard.staticAddress
            onToggled: step.wizard.staticAddress = checked
        }
        CheckedTextField {
            objectName: "address"
            visible: step.wizard.staticAddress
            label: i18nc("@label:textbox", "Address with prefix:")
            placeholderText: "192.0.2.10/24"
            value: step.wizard.address
            onEdited: text => step.wizard.address = text
            problem: step.wizard.problems.address ?? ""
            showProblem: step.showProblems
        }
        CheckedTextField {
            objectName: "gateway"
            visible: step.wizard.staticAddress
            label: i18nc("@label:textbox", "Gateway:")
            placeholderText: "192.0.2.1"
            value: step.wizard.gateway
            onEdited: text => step.wizard.gateway = text
            problem: step.wizard.problems.gateway ?? ""
            showProblem: step.showProblems
        }
        CheckedTextField {
            objectName: "nameservers"
            visible: step.wizard.staticAddress
            label: i18nc("@label:textbox", "Name servers:")
            placeholderText: "192.0.2.1 2001:db8::1"
            value: step.wizard.nameservers
            onEdited: text => step.wizard.nameservers = text
            problem: step.wizard.problems.nameservers ?? ""
            showProblem: step.showProblems
        }
        ColumnLayout {
            Kirigami.FormData.label: i18nc("@label:textbox", "Advanced:")
            Layout.maximumWidth: Kirigami.Units.gridUnit * 30
            Layout.fillWidth: true

            QQC2.CheckBox {
                id: advanced

                objectName: "advanced"
                text: i18nc("@option:check", "Add my own cloud-config, merged with the above")
                checked: step.wizard.ownConfig.length > 0
            }
            QQC2.TextArea {
                objectName: "ownConfigInput"
                visible: advanced.checked
                Layout.fillWidth: true
                Layout.minimumHeight: Kirigami.Units.gridUnit * 6
                font.family: "monospace"
                placeholderText: "#cloud-config\nwrite_files:\n  - path: /etc/motd\n    content: Hello"
                text: step.wizard.ownConfig
                onTextChanged: if (text !== step.wizard.ownConfig) step.wizard.ownConfig = text
            }
            ProblemText {
                objectName: "ownConfigProblem"
                text: step.wizard.problems.ownConfig ?? ""
            }
        }
    }
}
