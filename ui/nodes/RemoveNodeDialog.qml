// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// Asks before a node leaves Flotilla's list, naming it, and says that the
/// node itself is not touched.
Kirigami.PromptDialog {
    id: dialog

    property string nodeId
    property string nodeName

    signal removed(nodeId: string)

    readonly property NodeEditor editor: NodeEditor {
        fleet: FleetView
    }

    function ask(id: string, name: string): void {
        nodeId = id;
        nodeName = name;
        open();
    }

    objectName: "removeNodeDialog"
    title: i18nc("@title:window", "Remove “%1”?", nodeName)
    subtitle: FleetView.savesNodeList
              ? i18nc("@info", "Flotilla stops watching “%1” and forgets it. The node itself, its machines and their disks are not touched; you can add it again at any time.", nodeName)
              : i18nc("@info", "Flotilla stops watching “%1” for this run. The node itself, its machines and their disks are not touched.", nodeName)
    standardButtons: Kirigami.Dialog.NoButton
    customFooterActions: [
        Kirigami.Action {
            objectName: "confirmRemoveNode"
            text: i18nc("@action:button", "Remove from Flotilla")
            icon.name: "list-remove"
            onTriggered: {
                editor.remove(dialog.nodeId);
                dialog.close();
                dialog.removed(dialog.nodeId);
            }
        },
        Kirigami.Action {
            text: i18nc("@action:button", "Cancel")
            icon.name: "dialog-cancel"
            onTriggered: dialog.close()
        }
    ]
}
