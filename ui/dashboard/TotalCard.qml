// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

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
    /// FleetSummary.Allocation: within capacity, overcommitted or far overcommitted.
    property int allocation: FleetSummary.Within
    readonly property color barColor: allocation === FleetSummary.FarOvercommitted ? Kirigami.Theme.negativeTextColor
                                    : allocation === FleetSummary.Overcommitted ? Kirigami.Theme.neutralTextColor
                                    : Kirigami.Theme.highlightColor

    Layout.fillWidth: true
    Layout.fillHeight: true
    Layout.preferredWidth: Kirigami.Units.gridUnit * 10

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
            wrapMode: Text.Wrap
        }
        QQC2.ProgressBar {
            id: bar

            Layout.fillWidth: true
            visible: card.showsBar
            from: 0
            to: Math.max(card.capacity, card.used)
            value: card.used
            // Drawn here: the desktop style paints every bar in its own colour.
            background: Rectangle {
                implicitHeight: Kirigami.Units.smallSpacing * 1.5
                radius: height / 2
                color: Kirigami.ColorUtils.linearInterpolation(Kirigami.Theme.backgroundColor, Kirigami.Theme.textColor,
                                                               Kirigami.Theme.frameContrast)

                Rectangle {
                    objectName: "barTaken"
                    width: bar.visualPosition * parent.width
                    height: parent.height
                    radius: parent.radius
                    color: card.barColor
                }
            }
            contentItem: Item {}
        }
        Item {
            Layout.fillHeight: true // cards of a row share a height; the rest goes here
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
