// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.fleet

/// One node in a list: who and where it is, whether it answers, what it holds.
QQC2.ItemDelegate {
    id: delegate

    required property int index
    required property string nodeId
    required property string name
    required property int connectionState
    required property string stateText
    required property string error
    required property string city
    required property string country
    required property bool loaded
    required property int cpus
    required property string memoryText
    required property int machineCount
    required property int runningCount
    required property string storageText
    required property string usageText
    required property bool answering
    required property string lastHeardText
    required property bool maintenance

    signal editRequested
    signal removeRequested

    readonly property string placeText: [city, country].filter(part => part.length > 0).join(", ")
    /// The figures stand right of the name while the name keeps room to be
    /// read (ten grid units); in a narrower list they go under it.
    readonly property real nameRoom: Kirigami.Units.gridUnit * 10
    // From the row's own parts (two gaps, the column gap), not the grid's width, which follows this.
    readonly property bool figuresBeside: availableWidth - dot.implicitWidth - menuButton.implicitWidth
                                          - Kirigami.Units.largeSpacing * 3 - figures.implicitWidth >= nameRoom

    Accessible.name: answering ? i18nc("@info accessible", "%1, %2, %3", name, placeText, stateText)
                               : i18nc("@info accessible", "%1, %2, %3, %4", name, placeText, stateText, lastHeardText)
    highlighted: ListView.isCurrentItem

    contentItem: RowLayout {
        spacing: Kirigami.Units.largeSpacing

        StateDot {
            id: dot

            tone: switch (delegate.connectionState) {
            case NodeListModel.Connected:
                return delegate.answering ? StateDot.Tone.Good : StateDot.Tone.Busy;
            case NodeListModel.Connecting:
            case NodeListModel.Degraded:
            case NodeListModel.Reconnecting:
                return StateDot.Tone.Busy;
            default:
                return StateDot.Tone.Bad;
            }
        }

        GridLayout {
            id: grid

            Layout.fillWidth: true
            columns: delegate.figuresBeside ? 2 : 1
            columnSpacing: Kirigami.Units.largeSpacing
            rowSpacing: Kirigami.Units.smallSpacing

            ColumnLayout {
                Layout.fillWidth: true
                Layout.minimumWidth: delegate.figuresBeside ? delegate.nameRoom : 0
                spacing: 0

                Kirigami.Heading {
                    objectName: "nodeName:" + delegate.nodeId
                    Layout.fillWidth: true
                    level: 3
                    text: delegate.name
                    elide: Text.ElideRight
                    // Cut short, the whole name shows on hover.
                    QQC2.ToolTip.text: delegate.name
                    QQC2.ToolTip.visible: truncated && nameHover.hovered
                    QQC2.ToolTip.delay: Kirigami.Units.toolTipDelay

                    HoverHandler {
                        id: nameHover
                    }
                }
                QQC2.Label {
                    Layout.fillWidth: true
                    text: delegate.error.length > 0 ? delegate.error : delegate.placeText
                    color: delegate.error.length > 0 ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.disabledTextColor
                    elide: Text.ElideRight
                }
                QQC2.Label {
                    objectName: "nodeMaintenance:" + delegate.nodeId
                    Layout.fillWidth: true
                    visible: delegate.maintenance
                    text: i18nc("@info node list", "In maintenance: takes nothing new")
                    color: Kirigami.Theme.neutralTextColor
                    elide: Text.ElideRight
                }
                QQC2.Label {
                    objectName: "nodeLastHeard:" + delegate.nodeId
                    Layout.fillWidth: true
                    visible: !delegate.answering
                    text: delegate.lastHeardText
                    color: Kirigami.Theme.neutralTextColor
                    elide: Text.ElideRight
                }
            }

            ColumnLayout {
                id: figures

                readonly property int alignment: delegate.figuresBeside ? Qt.AlignRight : Qt.AlignLeft

                spacing: 0
                visible: delegate.loaded
                // The last known figures of a node that does not answer: shown, but greyed.
                opacity: delegate.answering ? 1 : 0.5

                QQC2.Label {
                    Layout.alignment: figures.alignment
                    text: i18ncp("@info", "%2 of %1 machine running", "%2 of %1 machines running", delegate.machineCount, delegate.runningCount)
                }
                QQC2.Label {
                    Layout.alignment: figures.alignment
                    text: i18ncp("@info node capacity", "%1 CPU · %2 memory", "%1 CPUs · %2 memory", delegate.cpus, delegate.memoryText)
                    color: Kirigami.Theme.disabledTextColor
                }
                QQC2.Label {
                    Layout.alignment: figures.alignment
                    visible: delegate.usageText.length > 0
                    text: delegate.usageText
                    color: Kirigami.Theme.disabledTextColor
                }
                QQC2.Label {
                    Layout.alignment: figures.alignment
                    visible: delegate.storageText.length > 0
                    text: i18nc("@info node storage", "Storage: %1", delegate.storageText)
                    color: Kirigami.Theme.disabledTextColor
                }
            }
        }

        QQC2.Label {
            visible: !delegate.loaded
            text: delegate.stateText
            color: Kirigami.Theme.disabledTextColor
        }

        QQC2.ToolButton {
            id: menuButton

            objectName: "nodeMenu:" + delegate.nodeId
            icon.name: "overflow-menu"
            text: i18nc("@action:button", "Actions for “%1”", delegate.name)
            display: QQC2.AbstractButton.IconOnly
            QQC2.ToolTip.text: text
            QQC2.ToolTip.visible: hovered
            onClicked: nodeMenu.popup()

            QQC2.Menu {
                id: nodeMenu

                QQC2.MenuItem {
                    icon.name: "document-edit"
                    text: i18nc("@action:inmenu", "Edit…")
                    onTriggered: delegate.editRequested()
                }
                QQC2.MenuItem {
                    objectName: "nodeMaintenanceItem:" + delegate.nodeId
                    icon.name: delegate.maintenance ? "dialog-ok-apply" : "configure"
                    text: delegate.maintenance ? i18nc("@action:inmenu", "End Maintenance")
                                               : i18nc("@action:inmenu", "Begin Maintenance")
                    onTriggered: FleetView.setMaintenance(delegate.nodeId, !delegate.maintenance)
                }
                QQC2.MenuItem {
                    icon.name: "list-remove"
                    text: i18nc("@action:inmenu", "Remove…")
                    onTriggered: delegate.removeRequested()
                }
            }
        }
    }
}
