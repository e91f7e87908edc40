// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import QtCharts
import org.kde.kirigami as Kirigami

/// A live line chart of one metric of the fleet, a node or a machine, in the
/// theme's colours. The only place that knows QtCharts: moving to Qt Graphs
/// means changing this file alone. ChartFeeder fills the lines from C++.
ColumnLayout {
    id: root

    /// What the chart shows; its unit follows in the heading.
    property string title
    property alias source: feeder.source
    property alias nodeId: feeder.nodeId
    property alias machineUuid: feeder.machineUuid
    property alias machines: feeder.machines
    property alias workloadId: feeder.workloadId
    property alias metric: feeder.metric
    property alias windowSeconds: feeder.windowSeconds
    /// One line per node (fleet charts only).
    property alias perNode: feeder.perNode
    readonly property alias feeder: feeder
    readonly property alias pointCount: feeder.pointCount
    /// The lines as ChartView has them, in the order of feeder.seriesNames.
    property var lines: [first]
    property bool ready: false
    /// Line colours from the theme, told apart in light and dark palettes.
    readonly property list<color> colours: [Kirigami.Theme.linkColor, Kirigami.Theme.neutralTextColor,
        Kirigami.Theme.positiveTextColor, Kirigami.Theme.negativeTextColor, Kirigami.Theme.visitedLinkColor,
        Kirigami.Theme.textColor]
    readonly property color gridColour: Kirigami.ColorUtils.linearInterpolation(Kirigami.Theme.backgroundColor,
        Kirigami.Theme.textColor, 0.15)

    /// Makes or drops lines until there is one per name.
    function matchLines(): void {
        if (!root.ready) {
            return;
        }
        const names = feeder.seriesNames;
        const made = root.lines.slice();
        while (made.length > Math.max(1, names.length)) {
            chart.removeSeries(made.pop());
        }
        while (made.length < names.length) {
            made.push(chart.createSeries(ChartView.SeriesTypeLine, "", timeAxis, valueAxis));
        }
        for (let i = 0; i < made.length; ++i) {
            made[i].name = i < names.length ? names[i] : "";
            made[i].color = root.colours[i % root.colours.length];
            made[i].width = 2;
        }
        root.lines = made;
        feeder.series = made;
    }

    spacing: Kirigami.Units.smallSpacing
    Accessible.name: heading.text
    Accessible.description: feeder.latestText
    Component.onCompleted: {
        ready = true;
        matchLines();
    }

    ChartFeeder {
        id: feeder

        onSeriesNamesChanged: root.matchLines()
    }

    RowLayout {
        Layout.fillWidth: true

        Kirigami.Heading {
            id: heading

            level: 4
            text: feeder.unitText.length > 0 ? i18nc("@title chart name and unit", "%1 (%2)", root.title, feeder.unitText) : root.title
        }
        QQC2.Label {
            objectName: "latest"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignRight
            // The demo's figures say so, its first simulated day included.
            text: !feeder.simulated ? feeder.latestText
                : feeder.latestText.length > 0 ? i18nc("@info chart's latest values", "%1 · simulated", feeder.latestText)
                : i18nc("@info chart's figures", "simulated")
            color: Kirigami.Theme.disabledTextColor
            font: Kirigami.Theme.smallFont
            elide: Text.ElideRight
        }
    }

    ChartView {
        id: chart

        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Kirigami.Units.gridUnit * 8
        antialiasing: true
        backgroundColor: "transparent"
        plotAreaColor: "transparent"
        backgroundRoundness: 0
        dropShadowEnabled: false
        margins { top: 0; bottom: 0; left: 0; right: 0 }
        legend.visible: feeder.seriesNames.length > 1
        legend.alignment: Qt.AlignBottom
        legend.labelColor: Kirigami.Theme.textColor
        legend.font: Kirigami.Theme.smallFont

        LineSeries {
            id: first

            width: 2
            color: root.colours[0]
            axisX: DateTimeAxis {
                id: timeAxis

                min: feeder.timeFrom
                max: feeder.timeTo
                format: feeder.windowSeconds > 172800 ? "d MMM" : feeder.windowSeconds > 3600 ? "ddd hh:mm" : "hh:mm"
                tickCount: 5
                labelsColor: Kirigami.Theme.disabledTextColor
                truncateLabels: false
                labelsFont: Kirigami.Theme.smallFont
                gridLineColor: root.gridColour
                color: root.gridColour
            }
            axisY: ValueAxis {
                id: valueAxis

                min: 0
                max: feeder.valueMax
                tickCount: feeder.tickCount
                labelFormat: feeder.labelFormat
                labelsColor: Kirigami.Theme.disabledTextColor
                truncateLabels: false
                labelsFont: Kirigami.Theme.smallFont
                gridLineColor: root.gridColour
                color: root.gridColour
            }
        }

        // QtCharts draws a line across a stretch with no figures (Flotilla
        // closed, a node silent): each is covered, and says so.
        Repeater {
            model: feeder.gaps

            Rectangle {
                id: gap

                required property var modelData
                // Read again whenever the chart moves or is resized.
                readonly property real fromX: {
                    feeder.timeFrom;
                    chart.plotArea;
                    return chart.mapToPosition(Qt.point(modelData.from, 0), first).x;
                }
                readonly property real toX: {
                    feeder.timeFrom;
                    chart.plotArea;
                    return chart.mapToPosition(Qt.point(modelData.to, 0), first).x;
                }

                objectName: "chartGap"
                x: Math.max(chart.plotArea.x, fromX + 2)
                width: Math.max(0, Math.min(chart.plotArea.x + chart.plotArea.width, toX - 2) - x)
                y: chart.plotArea.y
                height: chart.plotArea.height
                visible: width > 0
                color: Kirigami.ColorUtils.tintWithAlpha(Kirigami.Theme.backgroundColor, Kirigami.Theme.textColor, 0.05)

                QQC2.Label {
                    anchors.centerIn: parent
                    visible: implicitWidth < gap.width
                    text: i18nc("@info chart: a stretch with no figures", "no figures")
                    color: Kirigami.Theme.disabledTextColor
                    font: Kirigami.Theme.smallFont
                }
            }
        }

        QQC2.Label {
            anchors.centerIn: parent
            visible: feeder.pointCount === 0
            text: i18nc("@info:placeholder chart", "Waiting for figures…")
            color: Kirigami.Theme.disabledTextColor
        }
    }
}
