// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla

/// One machine in a list: its name, node, state and size.
QQC2.ItemDelegate {
    id: delegate

    required property string name
    required property string nodeName
    required property int machineState
    required property string stateText
    required property int vcpus
    required property string memoryText
    required property string cpuText
    property bool showNode: true

    Accessible.name: i18nc("@info accessible", "%1 on %2, %3", name, nodeName, stateText)

    contentItem: RowLayout {
        spacing: Kirigami.Units.largeSpacing

        StateDot {
            tone: switch (delegate.machineState) {
            case MachineListModel.Running:
            case MachineListModel.Blocked:
                return StateDot.Tone.Good;
            case MachineListModel.Paused:
            case MachineListModel.ShuttingDown:
            case MachineListModel.Suspended:
                return StateDot.Tone.Busy;
            case MachineListModel.Crashed:
                return StateDot.Tone.Bad;
            default:
                return StateDot.Tone.Off;
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0

            QQC2.Label {
                Layout.fillWidth: true
                text: delegate.name
                elide: Text.ElideRight
            }
            QQC2.Label {
                Layout.fillWidth: true
                visible: delegate.showNode
                text: delegate.nodeName
                color: Kirigami.Theme.disabledTextColor
                elide: Text.ElideRight
                font: Kirigami.Theme.smallFont
            }
        }

        QQC2.Label {
            Layout.preferredWidth: Kirigami.Units.gridUnit * 6
            text: delegate.stateText
        }
        QQC2.Label {
            Layout.preferredWidth: Kirigami.Units.gridUnit * 4
            horizontalAlignment: Text.AlignRight
            text: delegate.cpuText
            Accessible.name: i18nc("@info accessible", "CPU use %1", delegate.cpuText)
        }
        QQC2.Label {
            Layout.preferredWidth: Kirigami.Units.gridUnit * 4
            horizontalAlignment: Text.AlignRight
            text: i18ncp("@info", "%1 vCPU", "%1 vCPUs", delegate.vcpus)
        }
        QQC2.Label {
            Layout.preferredWidth: Kirigami.Units.gridUnit * 5
            horizontalAlignment: Text.AlignRight
            text: delegate.memoryText
        }
    }
}
