// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// A workload change's steps, one line per replica made or removed.
ColumnLayout {
    id: list

    /// Maps with name, nodeName, state, error and (optional) kind.
    property var steps: []

    function iconOf(state: string): string {
        switch (state) {
        case "done":
            return "emblem-success";
        case "running":
        case "undoing":
            return "media-playback-start";
        case "failed":
            return "emblem-error";
        case "undone":
            return "edit-undo";
        }
        return "content-loading-symbolic";
    }

    function stateText(state: string): string {
        switch (state) {
        case "done":
            return i18nc("@info step state", "done");
        case "running":
            return i18nc("@info step state", "under way");
        case "undoing":
            return i18nc("@info step state", "being undone");
        case "failed":
            return i18nc("@info step state", "failed");
        case "undone":
            return i18nc("@info step state", "undone");
        }
        return i18nc("@info step state", "waiting");
    }

    spacing: Kirigami.Units.smallSpacing

    Repeater {
        model: list.steps

        RowLayout {
            id: row

            required property var modelData

            objectName: "step:" + modelData.name + ":" + (modelData.kind ?? "make")
            Layout.fillWidth: true

            Kirigami.Icon {
                Layout.alignment: Qt.AlignTop
                source: list.iconOf(row.modelData.state)
                implicitWidth: Kirigami.Units.iconSizes.small
                implicitHeight: Kirigami.Units.iconSizes.small
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                QQC2.Label {
                    Layout.fillWidth: true
                    text: (row.modelData.kind === "remove" ? i18nc("@info a replica, its node, a state", "Remove %1 on %2: %3", row.modelData.name, row.modelData.nodeName, list.stateText(row.modelData.state)) : i18nc("@info a replica, its node, a state", "Make %1 on %2: %3", row.modelData.name, row.modelData.nodeName, list.stateText(row.modelData.state)))
                }
                QQC2.Label {
                    Layout.fillWidth: true
                    visible: row.modelData.error.length > 0
                    wrapMode: Text.Wrap
                    font: Kirigami.Theme.smallFont
                    color: row.modelData.state === "failed" ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.disabledTextColor
                    text: row.modelData.error
                }
            }
        }
    }
}
