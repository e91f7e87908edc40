// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// The machine list's column titles; clicking one sorts by it, clicking it
/// again reverses the order. Lines up with MachineDelegate's cells.
QQC2.Pane {
    id: header

    required property MachineFilterModel model

    signal sortRequested(int key)

    padding: 0
    leftPadding: Kirigami.Units.largeSpacing
    rightPadding: Kirigami.Units.largeSpacing
    Kirigami.Theme.colorSet: Kirigami.Theme.Header
    Kirigami.Theme.inherit: false

    component SortButton: QQC2.ToolButton {
        required property int key
        required property string title
        readonly property bool sorted: header.model.sortKey === key

        text: title
        font.bold: sorted
        icon.name: sorted ? (header.model.descending ? "view-sort-descending" : "view-sort-ascending") : ""
        display: QQC2.AbstractButton.TextBesideIcon
        Accessible.name: sorted ? i18nc("@action:button accessible", "%1, sorted; click to reverse", title)
                                : i18nc("@action:button accessible", "Sort by %1", title)
        onClicked: header.sortRequested(key)
    }

    contentItem: RowLayout {
        spacing: Kirigami.Units.largeSpacing

        // Room for the selection box and the state dot of the rows.
        Item {
            Layout.preferredWidth: Kirigami.Units.gridUnit * 1.5 + Kirigami.Units.largeSpacing
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.minimumWidth: Kirigami.Units.gridUnit * 6

            SortButton {
                objectName: "sortByName"
                key: MachineFilterModel.ByName
                title: i18nc("@title:column", "Name")
            }
            SortButton {
                key: MachineFilterModel.ByNode
                title: i18nc("@title:column", "Node")
            }
            Item {
                Layout.fillWidth: true
            }
        }
        Repeater {
            model: MachineColumns.columns

            SortButton {
                required property var modelData

                objectName: "sortBy" + modelData.key
                visible: MachineColumns.shows(modelData, header.width)
                Layout.preferredWidth: Kirigami.Units.gridUnit * modelData.width
                key: modelData.key
                title: modelData.title
            }
        }
    }
}
