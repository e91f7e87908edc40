// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components
import org.kde.flotilla.fleet

/// One machine in a list: a box to select it, its name, node and tags, and
/// one cell per column of MachineColumns. Clicking opens the machine; when
/// selectable, Ctrl+click toggles it and Shift+click asks for a range.
QQC2.ItemDelegate {
    id: delegate

    required property string uuid
    required property string name
    required property string nodeId
    required property bool active
    required property string nodeName
    required property int machineState
    required property string stateText
    required property bool nodeAnswering
    required property int vcpus
    required property string memoryText
    required property string cpuText
    required property string memoryPercentText
    required property string diskText
    required property string netText
    required property string addressesText
    required property var tags
    required property int index
    property bool showNode: true
    property bool selectable: false
    property bool selected: false

    signal selectionToggled
    signal rangeRequested
    /// Its menu is asked for, at @p x, @p y in the row.
    signal menuRequested(real x, real y)
    /// Dragged (to a node, to move it there): where the pointer is, in the
    /// window; then where it was let go.
    signal dragMoved(point scenePosition)
    signal dragEnded(point scenePosition)

    highlighted: selected
    Accessible.name: nodeAnswering ? i18nc("@info accessible", "%1 on %2, %3", name, nodeName, stateText)
                                   : i18nc("@info accessible", "%1 on %2, %3 when last heard; the node is not answering", name, nodeName, stateText)
    Keys.onSpacePressed: if (selectable) delegate.selectionToggled()
    Keys.onMenuPressed: delegate.menuRequested(Kirigami.Units.gridUnit, delegate.height / 2)
    onPressAndHold: delegate.menuRequested(delegate.pressX, delegate.pressY)

    DragHandler {
        id: rowDrag

        property point lastScene

        target: null
        acceptedButtons: Qt.LeftButton
        acceptedModifiers: Qt.NoModifier
        onCentroidChanged: if (active) {
            lastScene = centroid.scenePosition;
            delegate.dragMoved(lastScene);
        }
        onActiveChanged: if (!active) delegate.dragEnded(lastScene)
    }

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: eventPoint => delegate.menuRequested(eventPoint.position.x, eventPoint.position.y)
    }

    // With Shift or Ctrl a click selects instead of opening: this area takes
    // those presses and lets every other one through to the delegate.
    MouseArea {
        anchors.fill: parent
        enabled: delegate.selectable
        onPressed: mouse => mouse.accepted = (mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)) !== 0
        onClicked: mouse => {
            if (mouse.modifiers & Qt.ShiftModifier) {
                delegate.rangeRequested();
            } else {
                delegate.selectionToggled();
            }
        }
    }

    // The row is opaque, in the colour of the page under it, with the
    // style's hover and selection drawn inside it as the style draws them.
    // Qt Quick's software renderer (used where there is no GPU) works out
    // what to repaint by adding up the changed parts of the scene front to
    // back; an opaque row lets it drop the row's texts from that sum as it
    // passes the row. With the style's transparent rows every text of every
    // row was carried to the end: 40 % of the window's time while scrolling
    // 10,000 machines (docs/BENCHMARKS.md).
    background: Rectangle {
        anchors.fill: parent // the whole row, insets too, as the style's does
        color: Kirigami.Theme.backgroundColor

        Rectangle {
            readonly property bool lit: delegate.hovered || delegate.visualFocus
            readonly property bool inset: delegate.leftInset > 0 || delegate.topInset > 0

            anchors {
                fill: parent
                leftMargin: delegate.leftInset
                rightMargin: delegate.rightInset
                topMargin: delegate.topInset
                bottomMargin: delegate.bottomInset
            }
            radius: inset ? Kirigami.Units.cornerRadius : 0
            color: delegate.highlighted || delegate.down ? Kirigami.Theme.highlightColor
                 : lit ? Qt.alpha(Kirigami.Theme.hoverColor, 0.3) : "transparent"
            border.width: inset ? 1 : 0
            border.color: delegate.highlighted || delegate.down ? Kirigami.Theme.highlightColor
                        : lit ? Kirigami.Theme.hoverColor : "transparent"
        }
    }

    function cellText(key: int): string {
        switch (key) {
        case MachineFilterModel.ByState: return nodeAnswering ? stateText : i18nc("@info:status machine whose node stopped answering", "Not answering");
        case MachineFilterModel.ByCpu: return cpuText;
        case MachineFilterModel.ByMemoryUse: return memoryPercentText;
        case MachineFilterModel.ByDisk: return diskText;
        case MachineFilterModel.ByNetwork: return netText;
        case MachineFilterModel.ByVcpus: return String(vcpus);
        case MachineFilterModel.ByMemory: return memoryText;
        case MachineFilterModel.ByAddress: return addressesText;
        }
        return "";
    }

    contentItem: RowLayout {
        spacing: Kirigami.Units.largeSpacing

        QQC2.CheckBox {
            visible: delegate.selectable
            checked: delegate.selected
            onToggled: delegate.selectionToggled()
            Accessible.name: i18nc("@action:check accessible", "Select %1", delegate.name)
        }

        StateDot {
            tone: {
                if (!delegate.nodeAnswering) {
                    return StateDot.Tone.Off; // its state now is not known
                }
                switch (delegate.machineState) {
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
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.minimumWidth: Kirigami.Units.gridUnit * 6
            spacing: 0

            QQC2.Label {
                Layout.fillWidth: true
                text: delegate.name
                elide: Text.ElideRight
            }
            QQC2.Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: [delegate.showNode ? delegate.nodeName : ""].concat(delegate.tags.map(t => "#" + t)).filter(s => s.length > 0).join("  ")
                color: Kirigami.Theme.disabledTextColor
                elide: Text.ElideRight
                font: Kirigami.Theme.smallFont
            }
        }

        Repeater {
            model: MachineColumns.columns

            QQC2.Label {
                required property var modelData

                objectName: "machineCell:" + modelData.key
                visible: MachineColumns.shows(modelData, delegate.width)
                // A silent node's machines keep their last known figures, greyed.
                opacity: delegate.nodeAnswering ? 1 : 0.5
                Layout.preferredWidth: Kirigami.Units.gridUnit * modelData.width
                horizontalAlignment: modelData.key === MachineFilterModel.ByState || modelData.key === MachineFilterModel.ByAddress
                                     ? Text.AlignLeft : Text.AlignRight
                text: delegate.cellText(modelData.key)
                elide: Text.ElideRight
            }
        }
    }
}
