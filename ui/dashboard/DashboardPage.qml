// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet
import org.kde.flotilla.charts
import org.kde.flotilla.map

/// The fleet at a glance: totals, live charts, the map and recent events.
Kirigami.ScrollablePage {
    id: page

    readonly property FleetSummary summary: FleetView.summary
    readonly property bool wide: width > Kirigami.Units.gridUnit * 40

    function bytes(value: real): string {
        return page.summary.formatBytes(value);
    }

    title: i18nc("@title:window", "Dashboard")
    objectName: "dashboardPage"

    actions: [
        Kirigami.Action {
            objectName: "notificationsAction"
            text: i18nc("@action:intoolbar", "Notifications")
            tooltip: i18nc("@info:tooltip", "Tell me on the desktop when a node is lost or back, or a machine stops unexpectedly")
            icon.name: checked ? "notifications" : "notifications-disabled"
            checkable: true
            checked: FleetView.notifier.enabled
            onToggled: FleetView.notifier.enabled = checked
        }
    ]

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.PlaceholderMessage {
            objectName: "noNodes"
            Layout.fillWidth: true
            Layout.margins: Kirigami.Units.gridUnit * 2
            visible: page.summary.nodeCount === 0
            icon.name: "network-server"
            text: i18nc("@info:placeholder", "No nodes yet")
            explanation: i18nc("@info:placeholder", "Start Flotilla with --demo to look around a demo fleet of five nodes.")
        }

        GridLayout {
            Layout.fillWidth: true
            visible: page.summary.nodeCount > 0
            columns: page.wide ? 5 : Math.max(1, Math.floor(page.width / (Kirigami.Units.gridUnit * 12)))
            rowSpacing: Kirigami.Units.largeSpacing
            columnSpacing: Kirigami.Units.largeSpacing

            TotalCard {
                objectName: "nodesTotal"
                title: i18nc("@title total", "Nodes")
                figure: i18nc("@info nodes up of total", "%1 of %2 up", page.summary.nodesUp + page.summary.nodesDegraded, page.summary.nodeCount)
                detail: (page.summary.nodesNotAnswering > 0
                         ? i18ncp("@info nodes that stopped answering", "%1 not answering · ", "%1 not answering · ",
                                  page.summary.nodesNotAnswering) : "")
                        + i18nc("@info nodes by state", "%1 slow · %2 reconnecting · %3 disconnected", page.summary.nodesDegraded,
                              page.summary.nodesReconnecting, page.summary.nodesDisconnected)
            }
            TotalCard {
                objectName: "machinesTotal"
                title: i18nc("@title total", "Machines")
                figure: i18nc("@info machines running of total", "%1 of %2 running", page.summary.machinesRunning, page.summary.machineCount)
                detail: i18nc("@info machines by state", "%1 paused · %2 off", page.summary.machinesPaused, page.summary.machinesOff)
            }
            TotalCard {
                objectName: "vcpusTotal"
                title: i18nc("@title total", "vCPUs allocated")
                figure: i18nc("@info vCPUs of CPUs, percent of the CPUs allocated", "%1 of %2 · %3 %", page.summary.vcpusAllocated,
                              page.summary.cpuCapacity, page.summary.vcpuPercent)
                detail: page.summary.vcpuAllocation === FleetSummary.Within
                        ? i18nc("@info", "running and paused machines, against the nodes' CPUs")
                        : i18nc("@info", "overcommitted: running and paused machines hold more vCPUs than the nodes have CPUs")
                used: page.summary.vcpusAllocated
                capacity: page.summary.cpuCapacity
                allocation: page.summary.vcpuAllocation
            }
            TotalCard {
                objectName: "memoryTotal"
                title: i18nc("@title total", "Memory allocated")
                figure: i18nc("@info memory of capacity, percent of it allocated", "%1 of %2 · %3 %",
                              page.bytes(page.summary.memoryAllocatedBytes), page.bytes(page.summary.memoryCapacityBytes),
                              page.summary.memoryPercent)
                detail: page.summary.memoryAllocation === FleetSummary.Within
                        ? i18nc("@info", "running and paused machines, against the nodes' memory")
                        : i18nc("@info", "overcommitted: running and paused machines hold more memory than the nodes have")
                used: page.summary.memoryAllocatedBytes
                capacity: page.summary.memoryCapacityBytes
                allocation: page.summary.memoryAllocation
            }
            TotalCard {
                objectName: "storageTotal"
                title: i18nc("@title total", "Storage used")
                figure: i18nc("@info storage of capacity", "%1 of %2", page.bytes(page.summary.storageUsedBytes),
                              page.bytes(page.summary.storageCapacityBytes))
                detail: i18nc("@info", "all storage pools of all nodes")
                used: page.summary.storageUsedBytes
                capacity: page.summary.storageCapacityBytes
            }
        }

        Kirigami.AbstractCard {
            Layout.fillWidth: true
            visible: page.summary.nodeCount > 0
            contentItem: MetricsCard {
                objectName: "fleetCharts"
                source: ChartFeeder.Fleet
            }
        }

        GridLayout {
            Layout.fillWidth: true
            visible: page.summary.nodeCount > 0
            columns: page.wide ? 2 : 1
            rowSpacing: Kirigami.Units.largeSpacing
            columnSpacing: Kirigami.Units.largeSpacing

            // A fixed height: the card's own grows with its width, which in a
            // grid of two columns would feed back into the grid's layout.
            WorldMapCard {
                objectName: "mapCard"
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: Kirigami.Units.gridUnit * 20
                Layout.preferredHeight: Kirigami.Units.gridUnit * 16
            }
            EventsCard {
                objectName: "eventsCard"
                Layout.fillWidth: true
                Layout.preferredWidth: Kirigami.Units.gridUnit * 20
            }
        }
    }
}
