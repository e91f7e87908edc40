// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami

/// The world map with a count on each node's marker (a workload's replicas
/// there, the new replicas a plan puts there, the machines a drain sends
/// there), and arrows from one node to others (where a drain sends them).
WorldMapCard {
    id: card

    /// How many by node id.
    property var counts: ({})
    /// Arrows: {from, to} node ids.
    property var routes: []

    function countOf(nodeIds: var): int {
        let total = 0;
        for (const id of nodeIds) {
            total += card.counts[id] ?? 0;
        }
        return total;
    }

    /// Where the marker holding @p nodeId is drawn, or null.
    function pointOf(nodeId: string): var {
        for (const group of card.map.groups) {
            if (group.nodeIds.includes(nodeId)) {
                return Qt.point(group.x, group.y);
            }
        }
        return null;
    }

    showLegend: false
    onRoutesChanged: arrows.requestPaint()

    Canvas {
        id: arrows

        objectName: "mapRoutes"
        parent: card.map
        anchors.fill: parent
        visible: card.routes.length > 0

        Connections {
            target: card.map
            function onGroupsChanged(): void {
                arrows.requestPaint();
            }
        }

        onPaint: {
            const context = getContext("2d");
            context.reset();
            context.strokeStyle = Kirigami.Theme.highlightColor;
            context.fillStyle = Kirigami.Theme.highlightColor;
            context.lineWidth = 2;
            const head = Kirigami.Units.smallSpacing * 3;
            for (const route of card.routes) {
                const from = card.pointOf(route.from);
                const to = card.pointOf(route.to);
                if (!from || !to || (from.x === to.x && from.y === to.y)) {
                    continue;
                }
                const angle = Math.atan2(to.y - from.y, to.x - from.x);
                // Short of the target's marker, so the arrow's head shows beside it.
                const end = Qt.point(to.x - Math.cos(angle) * card.map.markerSize, to.y - Math.sin(angle) * card.map.markerSize);
                context.beginPath();
                context.moveTo(from.x, from.y);
                context.lineTo(end.x, end.y);
                context.stroke();
                context.beginPath();
                context.moveTo(end.x, end.y);
                context.lineTo(end.x - head * Math.cos(angle - 0.4), end.y - head * Math.sin(angle - 0.4));
                context.lineTo(end.x - head * Math.cos(angle + 0.4), end.y - head * Math.sin(angle + 0.4));
                context.closePath();
                context.fill();
            }
        }
    }

    Repeater {
        parent: card.map
        model: card.map.groups

        Rectangle {
            id: badge

            required property var modelData
            readonly property int count: card.countOf(modelData.nodeIds)

            objectName: "countBadge:" + modelData.nodeIds.join(",")
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
