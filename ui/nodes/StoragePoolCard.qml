// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// One storage pool: what it is, its room, whether it runs and starts with
/// the node, and its volumes with the machines that use each.
Kirigami.AbstractCard {
    id: card

    required property var modelData
    required property NodeStorage storage

    signal newVolume(pool: string)
    signal upload(pool: string)
    signal resizeVolume(pool: string, volume: string, bytes: real)
    signal deleteVolume(pool: string, volume: string)
    signal downloadVolume(pool: string, volume: string)
    signal deletePool(pool: string)

    objectName: "pool:" + modelData.name

    contentItem: ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        RowLayout {
            Layout.fillWidth: true

            Kirigami.Icon {
                source: "drive-harddisk"
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
                    text: card.modelData.name
                    elide: Text.ElideRight
                }
                QQC2.Label {
                    Layout.fillWidth: true
                    color: Kirigami.Theme.disabledTextColor
                    wrapMode: Text.Wrap
                    text: [card.modelData.typeText, card.modelData.source, card.modelData.path].filter(part => part.length > 0).join(" · ")
                }
            }
            QQC2.CheckBox {
                objectName: "poolAutostart:" + card.modelData.name
                text: i18nc("@option:check", "Start with the node")
                checked: card.modelData.autostart
                enabled: card.storage.connected && !card.storage.busy && card.modelData.persistent
                onToggled: card.storage.setAutostart(card.modelData.name, checked)
            }
        }
        RowLayout {
            Layout.fillWidth: true

            QQC2.ProgressBar {
                Layout.fillWidth: true
                from: 0
                to: 1
                value: card.modelData.usedFraction
                visible: card.modelData.active
                Accessible.name: i18nc("@info accessible", "Pool %1, %2", card.modelData.name, card.modelData.sizeText)
            }
            QQC2.Label {
                objectName: "poolSize:" + card.modelData.name
                text: card.modelData.sizeText
            }
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: card.modelData.users.length > 0
            wrapMode: Text.Wrap
            text: i18nc("@info", "Used by %1", card.modelData.users)
        }
        RowLayout {
            Layout.fillWidth: true

            QQC2.Button {
                objectName: "startPool:" + card.modelData.name
                visible: !card.modelData.active
                text: i18nc("@action:button", "Start")
                icon.name: "media-playback-start"
                enabled: card.storage.connected && !card.storage.busy
                onClicked: card.storage.startPool(card.modelData.name)
            }
            QQC2.Button {
                objectName: "stopPool:" + card.modelData.name
                visible: card.modelData.active
                text: i18nc("@action:button", "Stop")
                icon.name: "media-playback-stop"
                enabled: card.storage.connected && !card.storage.busy
                onClicked: card.storage.stopPool(card.modelData.name)
            }
            QQC2.Button {
                objectName: "refreshPool:" + card.modelData.name
                text: i18nc("@action:button", "Refresh")
                icon.name: "view-refresh"
                enabled: card.storage.connected && !card.storage.busy && card.modelData.active
                onClicked: card.storage.refreshPool(card.modelData.name)
                QQC2.ToolTip.text: i18nc("@info:tooltip", "Looks again at what the pool holds, such as files copied into it by hand")
                QQC2.ToolTip.visible: hovered
                QQC2.ToolTip.delay: Kirigami.Units.toolTipDelay
            }
            QQC2.Button {
                objectName: "newVolume:" + card.modelData.name
                text: i18nc("@action:button", "New Volume…")
                icon.name: "list-add"
                enabled: card.storage.connected && !card.storage.busy && card.modelData.active
                onClicked: card.newVolume(card.modelData.name)
            }
            QQC2.Button {
                objectName: "uploadVolume:" + card.modelData.name
                text: i18nc("@action:button", "Upload…")
                icon.name: "cloud-upload"
                enabled: card.storage.connected && !card.storage.busy && card.modelData.active
                onClicked: card.upload(card.modelData.name)
                QQC2.ToolTip.text: i18nc("@info:tooltip", "Sends a disk image or installer from this computer or an address into the pool")
                QQC2.ToolTip.visible: hovered
                QQC2.ToolTip.delay: Kirigami.Units.toolTipDelay
            }
            Item {
                Layout.fillWidth: true
            }
            QQC2.Button {
                objectName: "deletePool:" + card.modelData.name
                text: i18nc("@action:button", "Delete Pool…")
                icon.name: "edit-delete"
                enabled: card.storage.connected && !card.storage.busy && card.modelData.volumes <= 0
                onClicked: card.deletePool(card.modelData.name)
                QQC2.ToolTip.text: card.modelData.volumes > 0 ? i18nc("@info:tooltip", "Only an empty pool can be deleted") : ""
                QQC2.ToolTip.visible: hovered && card.modelData.volumes > 0
            }
        }
        Kirigami.Separator {
            Layout.fillWidth: true
            visible: volumeList.count > 0
        }
        Repeater {
            id: volumeList

            model: card.modelData.active ? card.storage.volumes(card.modelData.name) : []

            delegate: RowLayout {
                id: row

                required property var modelData

                objectName: "volume:" + card.modelData.name + "/" + modelData.name
                Layout.fillWidth: true
                spacing: Kirigami.Units.largeSpacing

                Kirigami.Icon {
                    source: row.modelData.format === "iso" ? "media-optical" : "drive-harddisk-symbolic"
                    implicitWidth: Kirigami.Units.iconSizes.small
                    implicitHeight: Kirigami.Units.iconSizes.small
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0

                    QQC2.Label {
                        Layout.fillWidth: true
                        text: row.modelData.name
                        elide: Text.ElideMiddle
                    }
                    QQC2.Label {
                        Layout.fillWidth: true
                        color: Kirigami.Theme.disabledTextColor
                        wrapMode: Text.Wrap
                        text: [row.modelData.format, i18nc("@info volume size, and what it takes in the pool", "%1, %2 on disk", row.modelData.capacityText, row.modelData.allocationText), row.modelData.used ? i18nc("@info", "used by %1", row.modelData.users) : i18nc("@info a volume no machine uses", "unused")].filter(part => part.length > 0).join(" · ")
                    }
                }
                QQC2.ToolButton {
                    objectName: "resizeVolume:" + row.modelData.name
                    display: QQC2.AbstractButton.IconOnly
                    QQC2.ToolTip.text: text
                    QQC2.ToolTip.visible: hovered
                    QQC2.ToolTip.delay: Kirigami.Units.toolTipDelay
                    text: i18nc("@action:button", "Grow…")
                    icon.name: "zoom-in"
                    enabled: card.storage.connected && !card.storage.busy && row.modelData.format !== "iso"
                    onClicked: card.resizeVolume(card.modelData.name, row.modelData.name, row.modelData.capacityBytes)
                }
                QQC2.ToolButton {
                    objectName: "downloadVolume:" + row.modelData.name
                    display: QQC2.AbstractButton.IconOnly
                    QQC2.ToolTip.text: text
                    QQC2.ToolTip.visible: hovered
                    QQC2.ToolTip.delay: Kirigami.Units.toolTipDelay
                    text: i18nc("@action:button", "Download…")
                    icon.name: "cloud-download"
                    enabled: card.storage.connected && !card.storage.downloading
                    onClicked: card.downloadVolume(card.modelData.name, row.modelData.name)
                }
                QQC2.ToolButton {
                    objectName: "deleteVolume:" + row.modelData.name
                    display: QQC2.AbstractButton.IconOnly
                    QQC2.ToolTip.text: text
                    QQC2.ToolTip.visible: hovered
                    QQC2.ToolTip.delay: Kirigami.Units.toolTipDelay
                    text: i18nc("@action:button", "Delete…")
                    icon.name: "edit-delete"
                    enabled: card.storage.connected && !card.storage.busy
                    onClicked: card.deleteVolume(card.modelData.name, row.modelData.name)
                }
            }
        }
    }
}
