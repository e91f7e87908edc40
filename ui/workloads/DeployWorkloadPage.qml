// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// The deploy wizard: a template, the replicas and their policy, the plan
/// on the map and in a table (a replica can be moved by hand), then one
/// line per replica as they are made.
Kirigami.ScrollablePage {
    id: page

    property int step: 0
    property var tried: []
    readonly property WorkloadDeployer deployer: WorkloadDeployer {
        fleet: FleetView
    }
    readonly property var stepTitles: [i18nc("@title wizard step", "Template"), i18nc("@title wizard step", "Replicas"), i18nc("@title wizard step", "Preview"), i18nc("@title wizard step", "Deploy")]

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

    objectName: "deployWorkloadPage"
    title: i18nc("@title:window", "Deploy Workload")

    header: QQC2.ToolBar {
        RowLayout {
            anchors.fill: parent

            Repeater {
                model: page.stepTitles

                QQC2.ToolButton {
                    required property int index
                    required property string modelData

                    objectName: "deployStep" + index
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
                objectName: "deployBack"
                text: i18nc("@action:button", "Back")
                icon.name: "go-previous"
                visible: page.step > 0 && page.step < 3
                onClicked: page.step -= 1
            }
            QQC2.Button {
                objectName: "deployNext"
                text: i18nc("@action:button", "Next")
                icon.name: "go-next"
                visible: page.step < 2
                onClicked: page.next()
            }
            QQC2.Button {
                objectName: "deployGo"
                text: i18ncp("@action:button", "Deploy %1 Replica", "Deploy %1 Replicas", page.deployer.replicas)
                icon.name: "list-add"
                visible: page.step === 2
                enabled: page.deployer.planProblem.length === 0
                onClicked: {
                    page.deployer.deploy();
                    page.step = 3;
                }
            }
            QQC2.Button {
                objectName: "deployCancel"
                text: i18nc("@action:button", "Cancel")
                icon.name: "dialog-cancel"
                visible: page.step === 3 && page.deployer.running
                onClicked: page.deployer.cancel()
            }
            QQC2.Button {
                objectName: "deployClose"
                text: i18nc("@action:button", "Close")
                icon.name: "dialog-close"
                visible: page.step === 3 && !page.deployer.running
                onClicked: applicationWindow().showWorkloads()
            }
        }
    }

    StackLayout {
        currentIndex: page.step

        DeployTemplateStep {
            deployer: page.deployer
            showProblems: page.tried.indexOf(0) >= 0
        }
        DeployPolicyStep {
            deployer: page.deployer
            showProblems: page.tried.indexOf(1) >= 0
        }
        DeployPreviewStep {
            deployer: page.deployer
        }
        ColumnLayout {
            spacing: Kirigami.Units.largeSpacing

            Kirigami.Heading {
                level: 2
                text: page.deployer.running ? i18nc("@title", "Deploying…") : i18nc("@title", "Done")
            }
            QQC2.Label {
                objectName: "deploySummary"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                visible: text.length > 0
                color: page.deployer.finished && !page.deployer.succeeded ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.textColor
                text: page.deployer.summary
            }
            ChangeSteps {
                objectName: "deployProgress"
                Layout.fillWidth: true
                steps: page.deployer.progress
            }
        }
    }
}
