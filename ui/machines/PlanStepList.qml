// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// A plan's steps as they run (MachineJob::steps): each with its state's icon,
/// "simulated" on a demo node, and a bar for a copy under way.
ColumnLayout {
    id: list

    required property var steps

    spacing: Kirigami.Units.smallSpacing

    Repeater {
        model: list.steps

        GridLayout {
            id: stepRow

            required property var modelData
            readonly property bool copying: modelData.state === "running" && modelData.totalBytes > 0

            Layout.fillWidth: true
            columns: 2
            columnSpacing: Kirigami.Units.smallSpacing
            rowSpacing: 0

            Kirigami.Icon {
                implicitWidth: Kirigami.Units.iconSizes.small
                implicitHeight: Kirigami.Units.iconSizes.small
                source: ({
                        done: "emblem-success",
                        running: "media-playback-start",
                        undoing: "edit-undo",
                        undone: "edit-undo",
                        failed: "emblem-error",
                        undoFailed: "emblem-error"
                    })[stepRow.modelData.state] ?? "content-loading-symbolic"
            }
            QQC2.Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: stepRow.modelData.simulated ? i18nc("@info %1 is a step", "%1 (simulated on a demo node)", stepRow.modelData.title) : stepRow.modelData.title
            }
            Item {
                visible: stepRow.copying
                implicitWidth: Kirigami.Units.iconSizes.small
            }
            RowLayout {
                visible: stepRow.copying
                Layout.fillWidth: true

                QQC2.ProgressBar {
                    Layout.fillWidth: true
                    from: 0
                    to: Math.max(1, stepRow.modelData.totalBytes)
                    value: stepRow.modelData.doneBytes
                }
                QQC2.Label {
                    color: Kirigami.Theme.disabledTextColor
                    text: i18nc("@info:progress %1 and %2 are sizes", "%1 of %2", Qt.locale().formattedDataSize(stepRow.modelData.doneBytes, 1, Locale.DataSizeIecFormat), Qt.locale().formattedDataSize(stepRow.modelData.totalBytes, 1, Locale.DataSizeIecFormat))
                }
            }
        }
    }
}
