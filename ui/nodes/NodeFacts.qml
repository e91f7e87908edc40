// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Layouts
import org.kde.flotilla.fleet

/// The facts of the node @p nodeId, read from the fleet's node list.
ColumnLayout {
    id: facts

    required property string nodeId

    Repeater {
        model: NodeFilterModel {
            sourceModel: FleetView.nodes
            nodeId: facts.nodeId
        }
        delegate: NodeFactsCard {
            Layout.fillWidth: true
        }
    }
}
