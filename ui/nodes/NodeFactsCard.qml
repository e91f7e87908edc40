// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.fleet
import org.kde.flotilla.map

/// A node's connection, hardware and software, as a form.
ColumnLayout {
    id: card

    required property string nodeId
    required property string uri
    required property int connectionState
    required property bool simulated
    required property bool kvm
    required property string usageText
    required property string stateText
    required property string error
    required property string errorDetails
    required property string city
    required property string country
    required property real latitude
    required property real longitude
    required property bool loaded
    required property string hostname
    required property string hypervisor
    required property string hypervisorVersion
    required property string libvirtVersion
    required property string cpuModel
    required property int cpus
    required property string topologyText
    required property string memoryText
    required property string storageText
    required property var pools
    required property string networksText
    required property bool partsStale
    required property var tags
    required property bool answering
    required property string lastHeardText
    required property bool unverified
    required property bool maintenance

    spacing: Kirigami.Units.smallSpacing

    Kirigami.InlineMessage {
        Layout.fillWidth: true
        Layout.margins: Kirigami.Units.largeSpacing
        visible: card.error.length > 0
        type: Kirigami.MessageType.Error
        text: card.errorDetails.length > 0 ? i18nc("@info error with details", "%1: %2", card.error, card.errorDetails) : card.error
    }

    Kirigami.InlineMessage {
        objectName: "nodeNotAnswering"
        Layout.fillWidth: true
        Layout.margins: Kirigami.Units.largeSpacing
        visible: !card.answering
        type: Kirigami.MessageType.Warning
        text: i18nc("@info node page, %1 is e.g. 'Not answering, last heard 7 seconds ago'", "%1. Its figures are the last known ones.", card.lastHeardText)
    }

    Kirigami.InlineMessage {
        objectName: "maintenanceNotice"
        Layout.fillWidth: true
        Layout.margins: Kirigami.Units.largeSpacing
        visible: card.maintenance
        type: Kirigami.MessageType.Information
        text: i18nc("@info", "This node is in maintenance: no new machine or replica is placed here. The machines on it run as before.")
        actions: [
            Kirigami.Action {
                objectName: "endMaintenance"
                icon.name: "dialog-ok-apply"
                text: i18nc("@action:button", "End Maintenance")
                onTriggered: FleetView.setMaintenance(card.nodeId, false)
            }
        ]
    }

    Kirigami.InlineMessage {
        objectName: "unverifiedWarning"
        Layout.fillWidth: true
        Layout.margins: Kirigami.Units.largeSpacing
        visible: card.unverified
        type: Kirigami.MessageType.Warning
        text: i18nc("@info", "Flotilla does not check this node's identity (its address turns the check off): another computer on the way could pose as it. Edit the address to turn the check back on.")
    }

    Kirigami.FormLayout {
        Layout.fillWidth: true

        RowLayout {
            Kirigami.FormData.label: i18nc("@label", "Connection:")
            QQC2.Label {
                text: card.stateText
            }
            QQC2.Button {
                objectName: "reconnectButton"
                visible: card.connectionState !== NodeListModel.Connected
                text: i18nc("@action:button", "Reconnect Now")
                icon.name: "view-refresh"
                onClicked: FleetView.reconnectNode(card.nodeId)
            }
            QQC2.Button {
                objectName: "disconnectButton"
                visible: card.connectionState === NodeListModel.Connected || card.connectionState === NodeListModel.Degraded
                text: i18nc("@action:button", "Disconnect")
                icon.name: "network-disconnect"
                onClicked: FleetView.disconnectNode(card.nodeId)
            }
        }
        QQC2.Label {
            visible: card.usageText.length > 0
            Kirigami.FormData.label: i18nc("@label", "Load:")
            // The last known load of a node that does not answer: shown, but greyed.
            color: card.answering ? Kirigami.Theme.textColor : Kirigami.Theme.disabledTextColor
            text: card.simulated ? i18nc("@info node load, simulated", "%1 (simulated demo activity)", card.usageText) : card.usageText
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Address:")
            text: card.uri
            elide: Text.ElideMiddle
            Layout.maximumWidth: Kirigami.Units.gridUnit * 24
        }
        TagChips {
            objectName: "nodeTags"
            visible: card.tags.length > 0
            Kirigami.FormData.label: i18nc("@label", "Tags:")
            Layout.maximumWidth: Kirigami.Units.gridUnit * 24
            tags: card.tags
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Location:")
            text: [card.city, card.country].filter(part => part.length > 0).join(", ")
        }
        QQC2.Label {
            visible: card.loaded
            Kirigami.FormData.label: i18nc("@label", "Host name:")
            text: card.hostname
        }
        QQC2.Label {
            visible: card.loaded
            Kirigami.FormData.label: i18nc("@label", "Hypervisor:")
            text: i18nc("@info hypervisor name and version", "%1 %2", card.hypervisor, card.hypervisorVersion)
        }
        QQC2.Label {
            visible: card.loaded
            Kirigami.FormData.label: i18nc("@label", "KVM:")
            text: card.kvm ? i18nc("@info KVM availability", "Available") : i18nc("@info KVM availability", "Not offered: machines run emulated")
        }
        QQC2.Label {
            visible: card.loaded
            Kirigami.FormData.label: i18nc("@label", "libvirt:")
            text: card.libvirtVersion
        }
        QQC2.Label {
            visible: card.loaded
            Kirigami.FormData.label: i18nc("@label", "Processors:")
            text: i18ncp("@info", "%1 CPU (%2, %3)", "%1 CPUs (%2, %3)", card.cpus, card.cpuModel, card.topologyText)
        }
        QQC2.Label {
            visible: card.loaded
            Kirigami.FormData.label: i18nc("@label", "Memory:")
            text: card.memoryText
        }
        QQC2.Label {
            visible: card.loaded && card.storageText.length > 0
            Kirigami.FormData.label: i18nc("@label", "Storage:")
            text: card.storageText
        }
        ColumnLayout {
            objectName: "nodePools"
            visible: card.loaded
            Kirigami.FormData.label: i18nc("@label storage pools", "Pools:")
            spacing: Kirigami.Units.smallSpacing

            Repeater {
                model: card.pools

                ColumnLayout {
                    required property var modelData

                    spacing: 0
                    Layout.preferredWidth: Kirigami.Units.gridUnit * 14

                    QQC2.Label {
                        Layout.fillWidth: true
                        text: modelData.active ? i18nc("@info pool: use", "%1: %2", modelData.name, modelData.text)
                                               : i18nc("@info pool: use", "%1 (inactive): %2", modelData.name, modelData.text)
                        elide: Text.ElideRight
                    }
                    QQC2.ProgressBar {
                        Layout.fillWidth: true
                        value: modelData.usedFraction
                        Accessible.name: i18nc("@info accessible", "Pool %1, %2", modelData.name, modelData.text)
                    }
                }
            }
            QQC2.Button {
                objectName: "manageStorage"
                text: i18nc("@action:button", "Storage…")
                icon.name: "drive-harddisk"
                onClicked: applicationWindow().openNodeStorage(card.nodeId)
                QQC2.ToolTip.text: i18nc("@info:tooltip", "The node's pools and volumes: make, grow, download and delete them")
                QQC2.ToolTip.visible: hovered
                QQC2.ToolTip.delay: Kirigami.Units.toolTipDelay
            }
        }
        ColumnLayout {
            visible: card.loaded
            Kirigami.FormData.label: i18nc("@label", "Networks:")
            spacing: Kirigami.Units.smallSpacing

            QQC2.Label {
                visible: card.networksText.length > 0
                text: card.networksText
            }
            QQC2.Button {
                objectName: "manageNetworks"
                text: i18nc("@action:button", "Networks…")
                icon.name: "network-wired"
                onClicked: applicationWindow().openNodeNetworks(card.nodeId)
                QQC2.ToolTip.text: i18nc("@info:tooltip", "The node's virtual networks, and who is on each at which address")
                QQC2.ToolTip.visible: hovered
                QQC2.ToolTip.delay: Kirigami.Units.toolTipDelay
            }
        }
        QQC2.Label {
            objectName: "nodePartsStale"
            visible: card.loaded && card.partsStale
            text: i18nc("@info", "Pools and networks may be out of date: the last reading failed.")
            color: Kirigami.Theme.disabledTextColor
            wrapMode: Text.WordWrap
            Layout.maximumWidth: Kirigami.Units.gridUnit * 20
        }
    }

    WorldMapCard {
        objectName: "nodeMap"
        visible: !isNaN(card.latitude) && !isNaN(card.longitude)
        Layout.fillWidth: true
        Layout.margins: Kirigami.Units.largeSpacing
        Layout.preferredHeight: Kirigami.Units.gridUnit * 10
        highlightedNodeId: card.nodeId
        showLegend: false
        openNodes: false
    }
}
