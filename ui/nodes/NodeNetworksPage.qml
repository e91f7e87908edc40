// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// A node's virtual networks: each with its subnet, DHCP range, machines
/// and the addresses handed out, and what can be done with them.
Kirigami.ScrollablePage {
    id: page

    required property string nodeId
    required property string nodeName

    title: i18nc("@title:window", "Networks on %1", nodeName)
    objectName: "nodeNetworksPage"

    actions: [
        Kirigami.Action {
            objectName: "newNetworkAction"
            text: i18nc("@action:button", "New Network…")
            icon.name: "network-wired"
            enabled: nodeNetworks.connected && !nodeNetworks.busy
            onTriggered: newNetworkDialog.ask()
        }
    ]

    NodeNetworks {
        id: nodeNetworks

        fleet: FleetView
        nodeId: page.nodeId
    }

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        NodePartsMessages {
            Layout.fillWidth: true
            parts: nodeNetworks
        }
        Kirigami.PlaceholderMessage {
            Layout.fillWidth: true
            visible: nodeNetworks.networks.length === 0
            icon.name: "network-wired"
            text: i18nc("@info:placeholder", "No virtual networks on this node")
            explanation: i18nc("@info:placeholder", "A network gives machines addresses and a way out: NAT behind the node, isolated among themselves, or a bridge onto the node's own LAN.")
        }
        Repeater {
            model: nodeNetworks.networks

            delegate: NetworkCard {
                Layout.fillWidth: true
                networks: nodeNetworks
                onDeleteNetwork: name => deleteNetworkDialog.ask(name)
            }
        }
    }

    NewNetworkDialog {
        id: newNetworkDialog

        networks: nodeNetworks
    }
    Kirigami.PromptDialog {
        id: deleteNetworkDialog

        property string network

        function ask(name: string): void {
            network = name;
            open();
        }

        objectName: "deleteNetworkDialog"
        title: i18nc("@title:dialog", "Delete the network %1?", network)
        subtitle: i18nc("@info", "The node stops the network and forgets it. Machines cannot be put on it again.")
        standardButtons: Kirigami.Dialog.Cancel
        customFooterActions: [
            Kirigami.Action {
                objectName: "confirmDeleteNetwork"
                text: i18nc("@action:button", "Delete Network")
                icon.name: "edit-delete"
                onTriggered: {
                    nodeNetworks.deleteNetwork(deleteNetworkDialog.network);
                    deleteNetworkDialog.close();
                }
            }
        ]
    }
}
