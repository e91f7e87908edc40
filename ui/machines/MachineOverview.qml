// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// What a machine is: state, node, kind, and the facts libvirt keeps about it.
ColumnLayout {
    id: card

    spacing: Kirigami.Units.smallSpacing

    required property MachineView machine
    readonly property var facts: machine.facts

    Kirigami.Heading {
        Layout.fillWidth: true
        text: i18nc("@title:group", "Overview")
        level: 3
    }

    Kirigami.FormLayout {
        Layout.fillWidth: true
        QQC2.Label {
            objectName: "machineState"
            Kirigami.FormData.label: i18nc("@label", "State:")
            text: card.machine.stateText
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Node:")
            text: card.machine.nodeName
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Title:")
            visible: (card.facts.title ?? "").length > 0
            text: card.facts.title ?? ""
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Description:")
            visible: (card.facts.description ?? "").length > 0
            text: card.facts.description ?? ""
            wrapMode: Text.Wrap
            Layout.maximumWidth: Kirigami.Units.gridUnit * 25
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Kind:")
            text: {
                const kind = card.facts.domainType ?? "";
                const lasting = card.facts.persistent ? i18nc("@info machine kind", "persistent") : i18nc("@info machine kind", "transient");
                return kind.length > 0 ? i18nc("@info domain type, persistence", "%1, %2", kind.toUpperCase(), lasting) : lasting;
            }
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Starts with its node:")
            text: card.facts.autostart ? i18nc("@info", "Yes") : i18nc("@info", "No")
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Display:")
            visible: (card.facts.graphics ?? "").length > 0
            text: card.facts.graphics ?? ""
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "UUID:")
            text: card.machine.uuid
            font.family: "monospace"
        }
        QQC2.Label {
            Kirigami.FormData.label: i18nc("@label", "Could not read:")
            visible: (card.facts.problem ?? "").length > 0
            text: card.facts.problem ?? ""
            color: Kirigami.Theme.negativeTextColor
            wrapMode: Text.Wrap
        }
    }
}
