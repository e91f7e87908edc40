// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.fleet

/// Asks for a new virtual network: NAT or isolated with its subnet and
/// DHCP range, or a bridge onto the node's LAN.
Kirigami.Dialog {
    id: dialog

    required property NodeNetworks networks
    readonly property string mode: modeBox.currentValue ?? "nat"
    readonly property var spec: ({
            name: networkName.text,
            mode: dialog.mode,
            subnet: subnet.text,
            dhcpStart: dhcp.checked ? dhcpStart.text : "",
            dhcpEnd: dhcp.checked ? dhcpEnd.text : "",
            bridge: bridge.text
        })
    readonly property string problem: networks.networkProblem(spec)

    function ask(): void {
        const suggested = networks.suggestion();
        networkName.text = suggested.name;
        modeBox.currentIndex = 0;
        subnet.text = suggested.subnet;
        dhcp.checked = true;
        dhcpStart.text = suggested.dhcpStart;
        dhcpEnd.text = suggested.dhcpEnd;
        bridge.text = "br0";
        open();
        networkName.forceActiveFocus();
    }

    objectName: "newNetworkDialog"
    title: i18nc("@title:dialog", "New Virtual Network")
    padding: Kirigami.Units.largeSpacing
    preferredWidth: Kirigami.Units.gridUnit * 30
    standardButtons: Kirigami.Dialog.Cancel
    customFooterActions: [
        Kirigami.Action {
            objectName: "confirmNewNetwork"
            text: i18nc("@action:button", "Create Network")
            icon.name: "network-wired"
            enabled: dialog.problem.length === 0
            onTriggered: {
                dialog.networks.createNetwork(dialog.spec);
                dialog.close();
            }
        }
    ]

    Kirigami.FormLayout {
        QQC2.TextField {
            id: networkName

            objectName: "networkName"
            Kirigami.FormData.label: i18nc("@label:textbox", "Name:")
        }
        QQC2.ComboBox {
            id: modeBox

            objectName: "networkMode"
            Kirigami.FormData.label: i18nc("@label:listbox", "Kind:")
            textRole: "text"
            valueRole: "mode"
            model: [
                {
                    mode: "nat",
                    text: i18nc("@item:inlistbox", "NAT: its own subnet, out through the node")
                },
                {
                    mode: "isolated",
                    text: i18nc("@item:inlistbox", "Isolated: its own subnet, no way out")
                },
                {
                    mode: "bridge",
                    text: i18nc("@item:inlistbox", "Bridge: on the node's own LAN")
                }
            ]
        }
        QQC2.TextField {
            id: subnet

            objectName: "networkSubnet"
            visible: dialog.mode !== "bridge"
            Kirigami.FormData.label: i18nc("@label:textbox", "Subnet:")
            placeholderText: "192.168.120.0/24"
            onTextEdited: {
                const range = dialog.networks.dhcpRange(text);
                if (range.length === 2) {
                    dhcpStart.text = range[0];
                    dhcpEnd.text = range[1];
                }
            }
        }
        QQC2.CheckBox {
            id: dhcp

            objectName: "networkDhcp"
            visible: dialog.mode !== "bridge"
            text: i18nc("@option:check", "Hand out addresses (DHCP)")
        }
        RowLayout {
            visible: dialog.mode !== "bridge" && dhcp.checked
            Kirigami.FormData.label: i18nc("@label:textbox", "From:")

            QQC2.TextField {
                id: dhcpStart

                objectName: "networkDhcpStart"
            }
            QQC2.Label {
                text: i18nc("@label:textbox between two addresses", "to")
            }
            QQC2.TextField {
                id: dhcpEnd

                objectName: "networkDhcpEnd"
            }
        }
        QQC2.TextField {
            id: bridge

            objectName: "networkBridge"
            visible: dialog.mode === "bridge"
            Kirigami.FormData.label: i18nc("@label:textbox", "Node's bridge:")
        }
        QQC2.Label {
            Layout.fillWidth: true
            Layout.maximumWidth: Kirigami.Units.gridUnit * 24
            visible: dialog.mode === "bridge"
            wrapMode: Text.Wrap
            font: Kirigami.Theme.smallFont
            color: Kirigami.Theme.disabledTextColor
            text: i18nc("@info", "The bridge must exist on the node, with its LAN port in it; the LAN's own DHCP server gives the machines their addresses.")
        }
        ProblemText {
            objectName: "newNetworkProblem"
            text: dialog.problem
        }
    }
}
