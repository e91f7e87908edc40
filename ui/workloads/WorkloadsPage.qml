// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.charts
import org.kde.flotilla.map

/// Every workload: its replicas running against those it should have, its
/// nodes and countries, its policy; the map shows where the replicas of the
/// workload under the pointer (or of all) are; below, the charts of every
/// workload's replicas together.
Kirigami.ScrollablePage {
    id: page

    required property WorkloadListModel workloads
    /// The workload the map shows; empty: all of them.
    property string shownId: ""
    property int revision: 0

    /// The replicas of @p workloadId (empty: of every workload), as the charts name machines: "nodeId/uuid".
    function machinesOf(workloadId: string): var {
        const machines = [];
        for (let row = 0; row < workloads.count; ++row) {
            const index = workloads.index(row, 0);
            if (workloadId.length === 0 || workloads.data(index, WorkloadListModel.WorkloadIdRole) === workloadId) {
                for (const replica of workloads.data(index, WorkloadListModel.ReplicasRole)) {
                    machines.push(replica.nodeId + "/" + replica.uuid);
                }
            }
        }
        return machines;
    }

    function countsOf(workloadId: string): var {
        const counts = {};
        for (let row = 0; row < workloads.count; ++row) {
            const index = workloads.index(row, 0);
            if (workloadId.length > 0 && workloads.data(index, WorkloadListModel.WorkloadIdRole) !== workloadId) {
                continue;
            }
            for (const replica of workloads.data(index, WorkloadListModel.ReplicasRole)) {
                counts[replica.nodeId] = (counts[replica.nodeId] ?? 0) + 1;
            }
        }
        return counts;
    }

    objectName: "workloadsPage"
    title: i18nc("@title:window", "Workloads")

    actions: [
        Kirigami.Action {
            objectName: "deployWorkloadAction"
            text: i18nc("@action:intoolbar", "Deploy Workload…")
            icon.name: "list-add"
            onTriggered: applicationWindow().deployWorkload()
        },
        Kirigami.Action {
            objectName: "deployClusterAction"
            text: i18nc("@action:intoolbar", "Deploy k3s Cluster…")
            icon.name: "list-add"
            onTriggered: applicationWindow().deployCluster()
        }
    ]

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        CountMap {
            objectName: "workloadsMap"
            Layout.fillWidth: true
            Layout.maximumHeight: Kirigami.Units.gridUnit * 14
            visible: page.workloads.count > 0
            counts: {
                page.revision; // re-read when replicas come and go
                return page.countsOf(page.shownId);
            }
        }
        Connections {
            target: page.workloads
            function onDataChanged(): void {
                page.revision += 1;
            }
            function onModelReset(): void {
                page.revision += 1;
            }
        }

        Kirigami.PlaceholderMessage {
            objectName: "noWorkloads"
            Layout.fillWidth: true
            visible: page.workloads.count === 0
            icon.name: "distribute-horizontal"
            text: i18nc("@info", "No workloads yet")
            explanation: i18nc("@info", "A workload is a group of machines made from one template, spread over your nodes as you say. Deploy one, and scale it by hand or let the autoscaler do it.")
            helpfulAction: Kirigami.Action {
                text: i18nc("@action:button", "Deploy Workload…")
                icon.name: "list-add"
                onTriggered: applicationWindow().deployWorkload()
            }
        }

        Repeater {
            model: page.workloads

            Kirigami.AbstractCard {
                id: card

                required property string workloadId
                required property string name
                required property int desired
                required property int running
                required property int replicaCount
                required property string nodeNames
                required property var countries
                required property string policyText
                required property string sizeText
                required property string image
                required property var disagreements
                required property bool changing

                objectName: "workloadCard:" + name
                Layout.fillWidth: true
                showClickFeedback: true
                onClicked: applicationWindow().openWorkload(workloadId)
                HoverHandler {
                    onHoveredChanged: page.shownId = hovered ? card.workloadId : ""
                }

                contentItem: RowLayout {
                    spacing: Kirigami.Units.largeSpacing

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Kirigami.Units.smallSpacing

                        RowLayout {
                            Kirigami.Heading {
                                level: 3
                                text: card.name
                            }
                            QQC2.BusyIndicator {
                                visible: card.changing
                                implicitWidth: Kirigami.Units.iconSizes.small
                                implicitHeight: Kirigami.Units.iconSizes.small
                            }
                            Kirigami.Icon {
                                visible: card.disagreements.length > 0
                                source: "dialog-warning"
                                implicitWidth: Kirigami.Units.iconSizes.small
                                implicitHeight: Kirigami.Units.iconSizes.small
                            }
                        }
                        QQC2.Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: i18nc("@info nodes, then countries", "On %1 (%2)", card.nodeNames || i18nc("@info no node", "no node"), card.countries.join(", "))
                        }
                        QQC2.Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            color: Kirigami.Theme.disabledTextColor
                            text: card.policyText + " · " + card.image + " · " + card.sizeText
                        }
                    }
                    ColumnLayout {
                        spacing: 0
                        QQC2.Label {
                            objectName: "runningOfDesired"
                            Layout.alignment: Qt.AlignRight
                            font.pointSize: Kirigami.Theme.defaultFont.pointSize * 1.6
                            color: card.running < card.desired ? Kirigami.Theme.neutralTextColor : Kirigami.Theme.textColor
                            text: i18nc("@info running of desired replicas", "%1 / %2", card.running, card.desired)
                        }
                        QQC2.Label {
                            Layout.alignment: Qt.AlignRight
                            color: Kirigami.Theme.disabledTextColor
                            text: i18nc("@info under running / desired", "running")
                        }
                    }
                }
            }
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: page.workloads.count > 0
            color: Kirigami.Theme.disabledTextColor
            text: i18nc("@info what the charts show", "Every workload's replicas together; a workload's own charts are on its page.")
        }
        MetricsCard {
            objectName: "workloadsCharts"
            Layout.fillWidth: true
            visible: page.workloads.count > 0
            source: ChartFeeder.Machines
            machines: {
                page.revision; // again when replicas come and go
                return page.machinesOf("");
            }
        }
    }
}
