// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// The create-machine wizard: image, where, size, disks, setup, review,
/// progress. Each step is checked before Next, with every wrong field named
/// beside it (MachineWizard holds the state and the checks).
Kirigami.ScrollablePage {
    id: page

    /// The node to start on (from a node's page or its marker); empty: the wizard suggests one.
    property string nodeId: ""
    property int step: 0
    /// The steps the person tried to leave: their problems show from then on.
    property var tried: []
    readonly property MachineWizard wizard: MachineWizard {
        fleet: FleetView
    }
    readonly property var stepTitles: [i18nc("@title wizard step", "Image"), i18nc("@title wizard step", "Where"), i18nc("@title wizard step", "Size"), i18nc("@title wizard step", "Disks"), i18nc("@title wizard step", "Setup"), i18nc("@title wizard step", "Review"), i18nc("@title wizard step", "Progress")]

    function showsProblems(index: int): bool {
        return tried.indexOf(index) >= 0;
    }

    function next(): void {
        if (tried.indexOf(step) < 0) {
            tried = tried.concat([step]);
        }
        if (wizard.stepIsValid(step)) {
            step += 1;
        }
    }

    function create(): void {
        if (tried.indexOf(step) < 0) {
            tried = tried.concat([step]);
        }
        for (let i = 0; i <= 5; ++i) {
            if (!wizard.stepIsValid(i)) {
                step = i; // back to the first step with a problem
                tried = tried.concat([i]);
                return;
            }
        }
        wizard.create();
        step = 6;
    }

    objectName: "machineWizardPage"
    title: i18nc("@title:window", "Create Machine")

    Component.onCompleted: {
        wizard.name = "web";
        if (nodeId.length > 0) {
            wizard.nodeId = nodeId;
        }
    }

    header: QQC2.ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: Kirigami.Units.smallSpacing

            Repeater {
                model: page.stepTitles

                QQC2.ToolButton {
                    required property int index
                    required property string modelData

                    objectName: "wizardStep" + index
                    text: (index + 1) + ". " + modelData
                    checkable: true
                    checked: page.step === index
                    // Back to any step done; forward only through Next, which checks.
                    enabled: !page.wizard.running && page.step !== 6 ? index < page.step : page.step === index
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
                objectName: "wizardBack"
                text: i18nc("@action:button", "Back")
                icon.name: "go-previous"
                visible: page.step > 0 && page.step < 6
                onClicked: page.step -= 1
            }
            QQC2.Button {
                objectName: "wizardNext"
                text: i18nc("@action:button", "Next")
                icon.name: "go-next"
                visible: page.step < 5
                onClicked: page.next()
            }
            QQC2.Button {
                objectName: "wizardCreate"
                text: page.wizard.count > 1 ? i18ncp("@action:button", "Create %1 Machine", "Create %1 Machines", page.wizard.count) : i18nc("@action:button", "Create")
                icon.name: "list-add"
                visible: page.step === 5
                onClicked: page.create()
            }
            QQC2.Button {
                objectName: "wizardCancel"
                text: i18nc("@action:button", "Cancel")
                icon.name: "dialog-cancel"
                visible: page.step === 6 && page.wizard.running
                onClicked: page.wizard.cancel()
            }
            QQC2.Button {
                objectName: "wizardClose"
                text: i18nc("@action:button", "Close")
                icon.name: "dialog-close"
                visible: page.step === 6 && !page.wizard.running
                onClicked: applicationWindow().pageStack.pop()
            }
        }
    }

    StackLayout {
        currentIndex: page.step

        WizardImageStep {
            wizard: page.wizard
            showProblems: page.showsProblems(0)
        }
        WizardPlaceStep {
            wizard: page.wizard
            showProblems: page.showsProblems(1)
        }
        WizardSizeStep {
            wizard: page.wizard
            showProblems: page.showsProblems(2)
        }
        WizardDisksStep {
            wizard: page.wizard
            showProblems: page.showsProblems(3)
        }
        WizardSetupStep {
            wizard: page.wizard
            showProblems: page.showsProblems(4)
        }
        WizardReviewStep {
            wizard: page.wizard
            showProblems: page.showsProblems(5)
        }
        WizardProgressStep {
            wizard: page.wizard
        }
    }
}
