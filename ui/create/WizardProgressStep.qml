// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// Step 7: each machine's steps as they run; what fails is undone.
ColumnLayout {
    id: step

    required property MachineWizard wizard

    spacing: Kirigami.Units.largeSpacing

    function iconOf(state: string): string {
        switch (state) {
        case "done":
            return "emblem-success";
        case "running":
        case "undoing":
            return "media-playback-start";
        case "failed":
        case "undoFailed":
            return "emblem-error";
        case "undone":
        case "cancelled":
            return "edit-undo";
        }
        return "content-loading-symbolic";
    }

    Kirigami.Heading {
        level: 2
        text: step.wizard.running ? i18nc("@title", "Making…") : i18nc("@title", "Done")
    }
    Repeater {
        model: step.wizard.progress

        ColumnLayout {
            id: entry

            required property var modelData

            objectName: "progress:" + modelData.name
            Layout.fillWidth: true
            spacing: Kirigami.Units.smallSpacing

            RowLayout {
                Kirigami.Icon {
                    source: step.iconOf(entry.modelData.state)
                    implicitWidth: Kirigami.Units.iconSizes.small
                    implicitHeight: Kirigami.Units.iconSizes.small
                }
                QQC2.Label {
                    font.bold: true
                    text: entry.modelData.upload ? i18nc("@info", "Upload %1", entry.modelData.name) : entry.modelData.name
                }
                QQC2.Button {
                    objectName: "openConsole"
                    visible: entry.modelData.state === "done" && !entry.modelData.upload && step.wizard.startAfter && step.wizard.hasConsoles
                    text: i18nc("@action:button", "Serial Console")
                    icon.name: "utilities-terminal"
                    onClicked: applicationWindow().openConsole(step.wizard.nodeId, entry.modelData.uuid, entry.modelData.name)
                }
                QQC2.Label {
                    objectName: "state"
                    color: Kirigami.Theme.disabledTextColor
                    text: ({
                            waiting: i18nc("@info:status", "waiting"),
                            running: i18nc("@info:status", "in progress"),
                            done: i18nc("@info:status", "made"),
                            failed: i18nc("@info:status", "failed; undone"),
                            cancelled: i18nc("@info:status", "cancelled; undone")
                        })[entry.modelData.state] ?? entry.modelData.state
                }
            }
            QQC2.ProgressBar {
                Layout.fillWidth: true
                visible: entry.modelData.upload === true && entry.modelData.state === "running"
                value: entry.modelData.fraction ?? 0
                indeterminate: entry.modelData.fraction === undefined
            }
            Repeater {
                model: entry.modelData.steps ?? []

                RowLayout {
                    required property var modelData

                    Layout.leftMargin: Kirigami.Units.gridUnit
                    Kirigami.Icon {
                        source: step.iconOf(modelData.state)
                        implicitWidth: Kirigami.Units.iconSizes.small
                        implicitHeight: Kirigami.Units.iconSizes.small
                    }
                    QQC2.Label {
                        text: modelData.simulated ? i18nc("@info a step done without the real work, on a demo node", "%1 (simulated)", modelData.title) : modelData.title
                        color: modelData.state === "waiting" ? Kirigami.Theme.disabledTextColor : Kirigami.Theme.textColor
                    }
                }
            }
            QQC2.Label {
                objectName: "error"
                Layout.fillWidth: true
                visible: (entry.modelData.error ?? "").length > 0
                wrapMode: Text.Wrap
                color: Kirigami.Theme.negativeTextColor
                text: entry.modelData.error ?? ""
            }
        }
    }
    QQC2.Button {
        objectName: "showMachines"
        visible: step.wizard.finished && step.wizard.progress.some(e => e.state === "done" && !e.upload)
        text: i18nc("@action:button", "Show the Machines")
        icon.name: "computer"
        onClicked: applicationWindow().showMachines()
    }
}
