// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// One virtual network: its kind, subnet and DHCP range, who is on it at
/// which address (its machines, and leases of others), and its actions.
Kirigami.AbstractCard {
    id: card

    required property var modelData
    required property NodeNetworks networks

    signal deleteNetwork(name: string)

    objectName: "network:" + modelData.name

    contentItem: ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        RowLayout {
            Layout.fillWidth: true

            Kirigami.Icon {
                source: "network-wired"
                implicitWidth: Kirigami.Units.iconSizes.medium
                implicitHeight: Kirigami.Units.iconSizes.medium
                opacity: card.modelData.active ? 1 : 0.5
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                Kirigami.Heading {
                    Layout.fillWidth: true
                    level: 3
                    text: card.modelData.active ? card.modelData.name : i18nc("@info a network that is stopped", "%1 (stopped)", card.modelData.name)
                    elide: Text.ElideRight
                }
                QQC2.Label {
                    Layout.fillWidth: true
                    color: Kirigami.Theme.disabledTextColor
                    wrapMode: Text.Wrap
                    text: [card.modelData.modeText, card.modelData.subnetText, card.modelData.dhcpText.length > 0 ? i18nc("@info", "DHCP %1", card.modelData.dhcpText) : "", card.modelData.bridge.length > 0 && card.modelData.modeText.indexOf(card.modelData.bridge) < 0 ? i18nc("@info the node's bridge device", "on %1", card.modelData.bridge) : ""].filter(part => part.length > 0).join(" · ")
                }
            }
            QQC2.CheckBox {
                objectName: "networkAutostart:" + card.modelData.name
                text: i18nc("@option:check", "Start with the node")
                checked: card.modelData.autostart
                enabled: card.networks.connected && !card.networks.busy && card.modelData.persistent
                onToggled: card.networks.setAutostart(card.modelData.name, checked)
            }
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: card.modelData.addresses.length === 0
            color: Kirigami.Theme.disabledTextColor
            text: i18nc("@info", "No machine is on it.")
        }
        RowLayout {
            QQC2.Button {
                objectName: "startNetwork:" + card.modelData.name
                visible: !card.modelData.active
                text: i18nc("@action:button", "Start")
                icon.name: "media-playback-start"
                enabled: card.networks.connected && !card.networks.busy
                onClicked: card.networks.startNetwork(card.modelData.name)
            }
            QQC2.Button {
                objectName: "stopNetwork:" + card.modelData.name
                visible: card.modelData.active
                text: i18nc("@action:button", "Stop")
                icon.name: "media-playback-stop"
                enabled: card.networks.connected && !card.networks.busy
                onClicked: card.networks.stopNetwork(card.modelData.name)
            }
            QQC2.Button {
                objectName: "deleteNetwork:" + card.modelData.name
                text: i18nc("@action:button", "Delete…")
                icon.name: "edit-delete"
                enabled: card.networks.connected && !card.networks.busy
                onClicked: card.deleteNetwork(card.modelData.name)
            }
        }
        Kirigami.Heading {
            level: 4
            visible: card.modelData.addresses.length > 0
            text: i18nc("@title:group", "Who is on it")
        }
        Repeater {
            model: card.modelData.addresses

            delegate: RowLayout {
                id: member

                required property var modelData

                objectName: "address:" + (modelData.machine.length > 0 ? modelData.machine : modelData.mac)
                Layout.fillWidth: true
                spacing: Kirigami.Units.largeSpacing

                QQC2.Label {
                    Layout.preferredWidth: Kirigami.Units.gridUnit * 10
                    elide: Text.ElideRight
                    font.bold: member.modelData.machine.length > 0
                    text: member.modelData.machine.length > 0 ? member.modelData.machine : member.modelData.hostname.length > 0 ? i18nc("@info a lease of no machine of this node", "%1 (not a machine here)", member.modelData.hostname) : i18nc("@info a lease of no machine of this node", "not a machine here")
                }
                QQC2.Label {
                    Layout.preferredWidth: Kirigami.Units.gridUnit * 8
                    text: member.modelData.address
                    font.family: "monospace"
                }
                QQC2.Label {
                    color: Kirigami.Theme.disabledTextColor
                    text: member.modelData.mac
                    font.family: "monospace"
                }
                QQC2.Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    color: Kirigami.Theme.disabledTextColor
                    text: member.modelData.note
                }
            }
        }
    }
}
