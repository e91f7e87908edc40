// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami
import org.kde.flotilla.map

/// The world map with a count on each node's marker: a workload's replicas
/// there, or the new replicas a plan puts there.
WorldMapCard {
    id: card

    /// How many replicas by node id.
    property var counts: ({})

    function countOf(nodeIds: var): int {
        let total = 0;
        for (const id of nodeIds) {
            total += card.counts[id] ?? 0;
        }
        return total;
    }

    showLegend: false

    Repeater {
        parent: card.map
        model: card.map.groups

        Rectangle {
            id: badge

            required property var modelData
            readonly property int count: card.countOf(modelData.nodeIds)

            objectName: "replicaBadge:" + modelData.nodeIds.join(",")
            visible: count > 0
            x: modelData.x + Kirigami.Units.smallSpacing
            y: modelData.y - height - Kirigami.Units.smallSpacing
            width: Math.max(height, label.implicitWidth + Kirigami.Units.smallSpacing * 2)
            height: label.implicitHeight + Kirigami.Units.smallSpacing
            radius: height / 2
            color: Kirigami.Theme.highlightColor
            border.color: Kirigami.Theme.backgroundColor

            QQC2.Label {
                id: label

                anchors.centerIn: parent
                text: badge.count
                color: Kirigami.Theme.highlightedTextColor
                font.bold: true
            }
        }
    }
}
