// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import org.kde.kirigami as Kirigami

/// Tags as chips, wrapping onto more lines; with removable, each chip has a
/// close button that asks for its tag to go.
Flow {
    id: chips

    property var tags: []
    property bool removable: false

    signal removeRequested(tag: string)

    spacing: Kirigami.Units.smallSpacing

    Repeater {
        model: chips.tags

        Kirigami.Chip {
            required property string modelData

            text: modelData
            closable: chips.removable
            checkable: false
            Accessible.name: chips.removable ? i18nc("@action:button accessible", "Remove the tag %1", modelData)
                                             : i18nc("@info accessible", "Tag %1", modelData)
            onRemoved: chips.removeRequested(modelData)
        }
    }
}
