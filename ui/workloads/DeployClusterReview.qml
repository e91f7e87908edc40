// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.map

/// The k3s wizard's review: where the servers and agents go, on the map
/// and node by node with the reasons, and what the servers run first.
ColumnLayout {
    id: step

    required property ClusterDeployer deployer

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "Review the cluster")
    }
    QQC2.Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: i18ncp("@info", "%2 is made first: %1 server. Once it has an address, the agents are made, and join it.", "%2 is made first: %1 servers, the first of them alone. Once it has an address, the other servers and the agents are made, and join it.", step.deployer.servers, step.deployer.name + "-server")
    }
    Kirigami.InlineMessage {
        objectName: "clusterPlanProblem"
        Layout.fillWidth: true
        visible: step.deployer.planProblem.length > 0
        type: Kirigami.MessageType.Error
        text: step.deployer.planProblem
    }
    CountMap {
        objectName: "clusterPlanMap"
        Layout.fillWidth: true
        Layout.maximumHeight: Kirigami.Units.gridUnit * 14
        openNodes: false
        counts: step.deployer.planCounts
    }
    Repeater {
        model: step.deployer.plan

        RowLayout {
            id: row

            required property var modelData

            objectName: "clusterPlanRow:" + modelData.nodeId
            Layout.fillWidth: true
            spacing: Kirigami.Units.largeSpacing

            QQC2.Label {
                Layout.preferredWidth: Kirigami.Units.gridUnit * 8
                font.bold: true
                color: row.modelData.servers + row.modelData.agents > 0 ? Kirigami.Theme.textColor : Kirigami.Theme.disabledTextColor
                text: row.modelData.servers + row.modelData.agents === 0 ? "–" : [row.modelData.servers > 0 ? i18ncp("@info", "%1 server", "%1 servers", row.modelData.servers) : "", row.modelData.agents > 0 ? i18ncp("@info", "%1 agent", "%1 agents", row.modelData.agents) : ""].filter(part => part.length > 0).join(", ")
            }
            QQC2.Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: row.modelData.servers + row.modelData.agents > 0 ? Kirigami.Theme.textColor : Kirigami.Theme.disabledTextColor
                text: row.modelData.explanation
            }
        }
    }
    QQC2.Label {
        Layout.fillWidth: true
        text: i18nc("@label", "The servers' first boot runs:")
    }
    QQC2.Label {
        objectName: "clusterServerCommands"
        Layout.fillWidth: true
        wrapMode: Text.WrapAnywhere
        font.family: "monospace"
        text: step.deployer.serverCommands.join("\n")
    }
}
