// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// Live CPU, memory, disk and network charts of the fleet, a node, a
/// machine or a group of machines together (a workload's replicas), with a choice of window (10 minutes, 1 hour, 24 hours;
/// 30 days for the fleet, a node and a workload, whose histories keep that long) and, for the fleet, a line per node on demand.
ColumnLayout {
    id: card

    property int source: ChartFeeder.Fleet
    property string nodeId
    property string machineUuid
    /// ChartFeeder.Machines: the machines shown together, "nodeId/uuid" each.
    property var machines: []
    /// ChartFeeder.Machines: the workload they are the replicas of, whose month the 30-day window shows.
    property string workloadId
    property int windowSeconds: 600
    property bool perNode: false
    /// The charts side by side: 2 or 4 when wide, 1 when narrow.
    property int columns: width > Kirigami.Units.gridUnit * 60 ? 4 : width > Kirigami.Units.gridUnit * 28 ? 2 : 1

    spacing: Kirigami.Units.largeSpacing

    // The choices go under the heading where the card is too narrow for both on one line.
    GridLayout {
        Layout.fillWidth: true
        columns: card.width < Kirigami.Units.gridUnit * 26 ? 1 : 2
        columnSpacing: Kirigami.Units.smallSpacing
        rowSpacing: Kirigami.Units.smallSpacing

        Kirigami.Heading {
            Layout.fillWidth: true
            level: 3
            text: i18nc("@title:group live charts", "Activity")
            elide: Text.ElideRight
        }
        RowLayout {
            spacing: Kirigami.Units.smallSpacing

            QQC2.Switch {
                objectName: "perNodeSwitch"
                visible: card.source === ChartFeeder.Fleet
                text: i18nc("@option:check", "By node")
                checked: card.perNode
                onToggled: card.perNode = checked
            }
            Repeater {
                model: [
                    { seconds: 600, label: i18nc("@action:button chart window", "10 min"), name: "window600" },
                    { seconds: 3600, label: i18nc("@action:button chart window", "1 h"), name: "window3600" },
                    { seconds: 86400, label: i18nc("@action:button chart window", "24 h"), name: "window86400" },
                    { seconds: 2592000, label: i18nc("@action:button chart window", "30 d"), name: "window2592000" }
                ].filter(window => window.seconds < 2592000 || card.source === ChartFeeder.Fleet || card.source === ChartFeeder.Node
                         || card.workloadId !== "")
                delegate: QQC2.ToolButton {
                    required property var modelData

                    objectName: modelData.name
                    text: modelData.label
                    checkable: true
                    checked: card.windowSeconds === modelData.seconds
                    onClicked: card.windowSeconds = modelData.seconds
                    Accessible.name: i18nc("@action:button accessible", "Show the last %1", modelData.label)
                }
            }
        }
    }

    GridLayout {
        Layout.fillWidth: true
        columns: card.columns
        rowSpacing: Kirigami.Units.largeSpacing
        columnSpacing: Kirigami.Units.largeSpacing

        Repeater {
            model: [
                { metric: ChartFeeder.Cpu, title: i18nc("@title chart", "CPU"), name: "cpuChart" },
                { metric: ChartFeeder.Memory, title: i18nc("@title chart", "Memory"), name: "memoryChart" },
                { metric: ChartFeeder.Disk, title: i18nc("@title chart", "Disk"), name: "diskChart" },
                { metric: ChartFeeder.Network, title: i18nc("@title chart", "Network"), name: "networkChart" }
            ]
            delegate: MetricChart {
                required property var modelData

                objectName: modelData.name
                Layout.fillWidth: true
                Layout.preferredWidth: Kirigami.Units.gridUnit * 12
                Layout.preferredHeight: Kirigami.Units.gridUnit * 11
                title: modelData.title
                metric: modelData.metric
                source: card.source
                nodeId: card.nodeId
                machineUuid: card.machineUuid
                machines: card.machines
                workloadId: card.workloadId
                windowSeconds: card.windowSeconds
                perNode: card.perNode
            }
        }
    }
}
