// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet
import org.kde.flotilla.map

/// Every machine moved off a node before its maintenance: where each goes,
/// how and why, on the map and in a list; once confirmed, each leaves in
/// turn, and the list follows it.
Kirigami.ScrollablePage {
    id: page

    required property string nodeId
    required property string nodeName
    required property NodeDrainer drainer

    readonly property bool mine: drainer.nodeId === nodeId
    readonly property bool asking: mine && !drainer.running && !drainer.finished

    title: i18nc("@title:window", "Drain %1", nodeName)
    objectName: "drainNodePage"

    Component.onCompleted: drainer.plan(nodeId)

    actions: [
        Kirigami.Action {
            objectName: "drainNodeAction"
            text: i18nc("@action:button", "Drain…")
            icon.name: "go-next-skip"
            visible: page.asking
            enabled: page.drainer.problem.length === 0
            onTriggered: confirmDrain.open()
        },
        Kirigami.Action {
            objectName: "planDrainAgain"
            text: i18nc("@action:button", "Plan Again")
            icon.name: "view-refresh"
            visible: !page.drainer.running
            onTriggered: page.drainer.plan(page.nodeId)
        },
        Kirigami.Action {
            objectName: "stopDrain"
            text: i18nc("@action:button", "Stop")
            icon.name: "process-stop"
            visible: page.drainer.running
            onTriggered: page.drainer.cancel()
        }
    ]

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.InlineMessage {
            objectName: "drainElsewhere"
            Layout.fillWidth: true
            visible: !page.mine
            type: Kirigami.MessageType.Information
            text: i18nc("@info %1 a node", "%1 is being drained; one drain runs at a time. Plan this one again once it is through.", page.drainer.nodeName)
        }
        Kirigami.InlineMessage {
            objectName: "drainProblem"
            Layout.fillWidth: true
            visible: page.asking && page.drainer.problem.length > 0
            type: Kirigami.MessageType.Error
            text: page.drainer.problem
        }
        Kirigami.InlineMessage {
            objectName: "drainSummary"
            Layout.fillWidth: true
            visible: page.drainer.finished
            type: page.drainer.departures.every(departure => departure.state === "done") ? Kirigami.MessageType.Positive : Kirigami.MessageType.Warning
            text: page.drainer.summary
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: page.asking
            wrapMode: Text.Wrap
            text: i18nc("@info", "Each machine leaves in turn, to the node placement found best for it. One that fails stays here, complete, and the next one goes. From the start the node is marked in maintenance, so nothing new is placed on it; the mark stays until you end it on the node's page. Nothing is sent until you choose Drain.")
        }
        CountMap {
            objectName: "drainMap"
            Layout.fillWidth: true
            openNodes: false
            counts: page.drainer.counts
            routes: page.drainer.routes
        }
        Repeater {
            model: page.drainer.departures

            delegate: Kirigami.AbstractCard {
                id: departureCard

                required property var modelData
                required property int index

                objectName: "departure:" + modelData.name
                Layout.fillWidth: true

                contentItem: GridLayout {
                    columns: 2
                    columnSpacing: Kirigami.Units.largeSpacing
                    rowSpacing: Kirigami.Units.smallSpacing

                    Kirigami.Icon {
                        Layout.rowSpan: 4
                        Layout.alignment: Qt.AlignTop
                        implicitWidth: Kirigami.Units.iconSizes.medium
                        implicitHeight: Kirigami.Units.iconSizes.medium
                        source: ({
                                done: "emblem-success",
                                running: "media-playback-start",
                                failed: "emblem-error",
                                skipped: "dialog-cancel"
                            })[departureCard.modelData.state] ?? (departureCard.modelData.kind === "stay" ? "emblem-locked" : "go-next")
                    }
                    Kirigami.Heading {
                        Layout.fillWidth: true
                        level: 4
                        wrapMode: Text.Wrap
                        text: ({
                                live: i18nc("@info %1 a machine, %2 a node", "%1 → %2, live", departureCard.modelData.name, departureCard.modelData.targetName),
                                cold: i18nc("@info %1 a machine, %2 a node", "%1 → %2, cold", departureCard.modelData.name, departureCard.modelData.targetName),
                                recreate: i18nc("@info %1 a machine, %2 a node", "%1 → a new replica on %2", departureCard.modelData.name, departureCard.modelData.targetName),
                                stay: i18nc("@info %1 a machine", "%1 stays", departureCard.modelData.name)
                            })[departureCard.modelData.kind]
                    }
                    QQC2.Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Kirigami.Theme.disabledTextColor
                        text: departureCard.modelData.reason
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: departureCard.modelData.state === "running"

                        QQC2.Label {
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                            text: departureCard.modelData.activity
                        }
                        QQC2.ProgressBar {
                            Layout.fillWidth: true
                            indeterminate: departureCard.modelData.totalBytes <= 0
                            from: 0
                            to: Math.max(1, departureCard.modelData.totalBytes)
                            value: departureCard.modelData.doneBytes
                        }
                    }
                    QQC2.Label {
                        objectName: "departureError"
                        Layout.fillWidth: true
                        visible: departureCard.modelData.error.length > 0
                        wrapMode: Text.Wrap
                        color: Kirigami.Theme.negativeTextColor
                        text: departureCard.modelData.error
                    }
                }
            }
        }
    }

    Kirigami.PromptDialog {
        id: confirmDrain

        objectName: "confirmDrainDialog"
        title: i18nc("@title:window", "Drain %1?", page.nodeName)
        subtitle: page.drainer.staying > 0
                  ? i18ncp("@info %2 a node, %3 how many stay", "%1 machine leaves %2, in turn; %3 cannot and stays.", "%1 machines leave %2, one after another; %3 cannot and stay.", page.drainer.leaving, page.nodeName, page.drainer.staying)
                  : i18ncp("@info %2 a node", "%1 machine leaves %2.", "%1 machines leave %2, one after another.", page.drainer.leaving, page.nodeName)
        standardButtons: Kirigami.Dialog.Cancel
        customFooterActions: [
            Kirigami.Action {
                objectName: "confirmDrain"
                text: i18nc("@action:button", "Drain")
                icon.name: "go-next-skip"
                onTriggered: {
                    page.drainer.drain();
                    confirmDrain.close();
                }
            }
        ]
    }
}
