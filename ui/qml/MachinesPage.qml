// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami
import org.kde.flotilla

Kirigami.ScrollablePage {
    id: page

    title: i18nc("@title:window", "Machines")
    objectName: "machinesPage"

    header: QQC2.ToolBar {
        Kirigami.SearchField {
            id: search

            objectName: "machineSearch"
            anchors.fill: parent
            placeholderText: i18nc("@info:placeholder", "Search machines or nodes…")
            Accessible.name: i18nc("@info accessible", "Search machines")
        }
    }

    ListView {
        id: list

        objectName: "machineList"
        currentIndex: -1
        activeFocusOnTab: true
        keyNavigationEnabled: true
        model: MachineFilterModel {
            sourceModel: Fleet.machines
            searchText: search.text
        }
        delegate: MachineDelegate {
            width: ListView.view.width
        }

        Kirigami.PlaceholderMessage {
            anchors.centerIn: parent
            width: parent.width - Kirigami.Units.gridUnit * 4
            visible: list.count === 0
            icon.name: search.text.length > 0 ? "edit-none" : "computer"
            text: search.text.length > 0 ? i18nc("@info:placeholder", "No machine matches “%1”", search.text)
                                         : i18nc("@info:placeholder", "No machines")
        }
    }
}
