// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// A machine's disks and network interfaces, with sizes and addresses.
ColumnLayout {
    id: card

    spacing: Kirigami.Units.smallSpacing

    required property MachineView machine

    /// One disk or interface: what it is, and where it leads.
    component Device: ColumnLayout {
        property alias title: title.text
        property alias subtitle: subtitle.text

        Layout.fillWidth: true
        spacing: 0

        QQC2.Label {
            id: title

            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        QQC2.Label {
            id: subtitle

            Layout.fillWidth: true
            elide: Text.ElideMiddle
            font: Kirigami.Theme.smallFont
            color: Kirigami.Theme.disabledTextColor
        }
    }

    Kirigami.Heading {
        Layout.fillWidth: true
        text: i18nc("@title:group", "Disks and Interfaces")
        level: 3
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: Kirigami.Units.smallSpacing

        Repeater {
            model: card.machine.disks

            Device {
                required property var modelData

                title: [modelData.target, modelData.device, modelData.size, modelData.format, modelData.bus].filter(p => p.length > 0).join(" · ")
                subtitle: modelData.source.length > 0 ? modelData.source : i18nc("@info disk", "empty")
            }
        }
        QQC2.Label {
            visible: card.machine.disks.length === 0
            text: i18nc("@info", "No disks")
            color: Kirigami.Theme.disabledTextColor
        }
        Kirigami.Separator {
            Layout.fillWidth: true
        }
        Repeater {
            model: card.machine.interfaces

            Device {
                required property var modelData

                title: [modelData.mac, modelData.model, modelData.type + (modelData.source.length > 0 ? ": " + modelData.source : "")].filter(p => p.length > 0).join(" · ")
                subtitle: modelData.addresses.length > 0 ? modelData.addresses : i18nc("@info", "No address known")
            }
        }
        QQC2.Label {
            visible: card.machine.interfaces.length === 0
            text: i18nc("@info", "No network interfaces")
            color: Kirigami.Theme.disabledTextColor
        }
    }
}
