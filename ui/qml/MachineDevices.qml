// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla

/// A machine's disks and network interfaces, with sizes and addresses.
Kirigami.Card {
    id: card

    required property MachineView machine

    header: Kirigami.Heading {
        text: i18nc("@title:group", "Disks and Interfaces")
        level: 2
        padding: Kirigami.Units.largeSpacing
    }

    contentItem: ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        Repeater {
            model: card.machine.disks

            Kirigami.TitleSubtitle {
                required property var modelData

                Layout.fillWidth: true
                title: {
                    const parts = [modelData.target, modelData.device, modelData.size, modelData.format, modelData.bus];
                    return parts.filter(p => p.length > 0).join(" · ");
                }
                subtitle: modelData.source.length > 0 ? modelData.source : i18nc("@info disk", "empty")
                elide: Text.ElideMiddle
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

            Kirigami.TitleSubtitle {
                required property var modelData

                Layout.fillWidth: true
                title: {
                    const parts = [modelData.mac, modelData.model, modelData.type + (modelData.source.length > 0 ? ": " + modelData.source : "")];
                    return parts.filter(p => p.length > 0).join(" · ");
                }
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
