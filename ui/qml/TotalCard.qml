// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// One of the fleet's totals: a name, a figure, what lies behind it and,
/// where there is a capacity, a bar of how much of it is taken.
Kirigami.AbstractCard {
    id: card

    property string title
    property string figure
    property string detail
    /// Taken and capacity for the bar; no bar while capacity is 0.
    property real used: 0
    property real capacity: 0
    readonly property bool showsBar: capacity > 0

    Accessible.name: i18nc("@info accessible total: name, figure, detail", "%1: %2. %3", title, figure, detail)

    contentItem: ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        QQC2.Label {
            Layout.fillWidth: true
            text: card.title
            color: Kirigami.Theme.disabledTextColor
            elide: Text.ElideRight
        }
        Kirigami.Heading {
            objectName: "figure"
            Layout.fillWidth: true
            level: 2
            text: card.figure
            elide: Text.ElideRight
        }
        QQC2.ProgressBar {
            Layout.fillWidth: true
            visible: card.showsBar
            from: 0
            to: Math.max(card.capacity, card.used)
            value: card.used
        }
        QQC2.Label {
            Layout.fillWidth: true
            text: card.detail
            color: Kirigami.Theme.disabledTextColor
            wrapMode: Text.Wrap
            font: Kirigami.Theme.smallFont
        }
    }
}
