// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet
import org.kde.flotilla.components

/// The k3s wizard: the cluster, where its agents go, the review on the map,
/// then the servers and agents as they are made.
Kirigami.ScrollablePage {
    id: page

    property int step: 0
    property var tried: []
    readonly property ClusterDeployer deployer: ClusterDeployer {
        fleet: FleetView
    }
    readonly property var stepTitles: [i18nc("@title wizard step", "Cluster"), i18nc("@title wizard step", "Placement"), i18nc("@title wizard step", "Review"), i18nc("@title wizard step", "Deploy")]

    function next(): void {
        if (tried.indexOf(step) < 0) {
            tried = tried.concat([step]);
        }
        if (step < 2 && !deployer.stepIsValid(step)) {
            return;
        }
        step += 1;
        if (step === 2) {
            deployer.makePlan();
        }
    }

    objectName: "deployClusterPage"
    title: i18nc("@title:window", "Deploy a k3s Cluster")

    header: QQC2.ToolBar {
        RowLayout {
            anchors.fill: parent

            Repeater {
                model: page.stepTitles

                QQC2.ToolButton {
                    required property int index
                    required property string modelData

                    objectName: "clusterStep" + index
                    text: (index + 1) + ". " + modelData
                    checkable: true
                    checked: page.step === index
                    enabled: page.step !== 3 ? index < page.step : page.step === index
                    onClicked: page.step = index
                    font.bold: page.step === index
                }
            }
            Item {
                Layout.fillWidth: true
            }
        }
    }

    footer: QQC2.ToolBar {
        RowLayout {
            anchors.fill: parent

            Item {
                Layout.fillWidth: true
            }
            QQC2.Button {
                objectName: "clusterBack"
                text: i18nc("@action:button", "Back")
                icon.name: "go-previous"
                visible: page.step > 0 && page.step < 3
                onClicked: page.step -= 1
            }
            QQC2.Button {
                objectName: "clusterNext"
                text: i18nc("@action:button", "Next")
                icon.name: "go-next"
                visible: page.step < 2
                onClicked: page.next()
            }
            QQC2.Button {
                objectName: "clusterGo"
                text: i18nc("@action:button", "Deploy the Cluster")
                icon.name: "list-add"
                visible: page.step === 2
                enabled: page.deployer.planProblem.length === 0
                onClicked: {
                    page.deployer.deploy();
                    page.step = 3;
                }
            }
            QQC2.Button {
                objectName: "clusterCancel"
                text: i18nc("@action:button", "Cancel")
                icon.name: "dialog-cancel"
                visible: page.step === 3 && page.deployer.running
                onClicked: page.deployer.cancel()
            }
            QQC2.Button {
                objectName: "clusterClose"
                text: i18nc("@action:button", "Close")
                icon.name: "dialog-close"
                visible: page.step === 3 && !page.deployer.running
                onClicked: applicationWindow().showWorkloads()
            }
        }
    }

    StackLayout {
        currentIndex: page.step

        DeployClusterStep {
            deployer: page.deployer
            showProblems: page.tried.indexOf(0) >= 0
        }
        ColumnLayout {
            spacing: Kirigami.Units.largeSpacing

            Kirigami.Heading {
                level: 2
                text: i18nc("@title", "Where should it run?")
            }
            Kirigami.FormLayout {
                Layout.fillWidth: true

                QQC2.RadioButton {
                    objectName: "clusterSpreadNodes"
                    Kirigami.FormData.label: i18nc("@label", "Agents:")
                    text: i18nc("@option:radio", "Over nodes: as few on one node as can be")
                    checked: page.deployer.spread === "nodes"
                    onClicked: page.deployer.spread = "nodes"
                }
                QQC2.RadioButton {
                    objectName: "clusterSpreadCountries"
                    text: i18nc("@option:radio", "Over countries: as few in one country as can be")
                    checked: page.deployer.spread === "countries"
                    onClicked: page.deployer.spread = "countries"
                }
                QQC2.RadioButton {
                    objectName: "clusterSpreadPack"
                    text: i18nc("@option:radio", "Packed: onto as few nodes as can hold them")
                    checked: page.deployer.spread === "pack"
                    onClicked: page.deployer.spread = "pack"
                }
                QQC2.TextField {
                    objectName: "clusterCountries"
                    Kirigami.FormData.label: i18nc("@label:textbox", "Only in countries:")
                    placeholderText: i18nc("@info:placeholder", "any; or codes such as FI DE")
                    text: page.deployer.countries
                    onTextEdited: page.deployer.countries = text
                }
                ProblemText {
                    shown: page.tried.indexOf(1) >= 0
                    text: page.deployer.problems.countries ?? ""
                }
                QQC2.RadioButton {
                    objectName: "clusterAllOrNothing"
                    Kirigami.FormData.label: i18nc("@label", "If a machine fails:")
                    text: i18nc("@option:radio", "Remove the whole cluster (all or nothing)")
                    checked: !page.deployer.bestEffort
                    onClicked: page.deployer.bestEffort = false
                }
                QQC2.RadioButton {
                    objectName: "clusterBestEffort"
                    text: i18nc("@option:radio", "Try it once on the next best node, keep the rest (best effort)")
                    checked: page.deployer.bestEffort
                    onClicked: page.deployer.bestEffort = true
                }
            }
            Kirigami.InlineMessage {
                Layout.fillWidth: true
                visible: true
                type: Kirigami.MessageType.Information
                text: i18nc("@info", "The servers go on different nodes where they can. Agents on other nodes reach the first server only if the nodes' machine networks reach each other (bridged or routed); a NAT network keeps them apart.")
            }
        }
        DeployClusterReview {
            deployer: page.deployer
        }
        ColumnLayout {
            spacing: Kirigami.Units.largeSpacing

            Kirigami.Heading {
                level: 2
                text: page.deployer.running ? i18nc("@title", "Deploying…") : i18nc("@title", "Done")
            }
            QQC2.Label {
                objectName: "clusterSummary"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: page.deployer.finished && !page.deployer.succeeded ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.textColor
                text: page.deployer.summary
            }
            ChangeSteps {
                objectName: "clusterProgress"
                Layout.fillWidth: true
                steps: page.deployer.progress
            }
        }
    }
}
