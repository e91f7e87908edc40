// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami

/// Zoom in, zoom out and show the whole world, for a WorldMap.
Column {
    required property WorldMap map

    spacing: Kirigami.Units.smallSpacing

    QQC2.RoundButton {
        objectName: "mapZoomIn"
        icon.name: "zoom-in"
        text: i18nc("@action:button", "Zoom In")
        display: QQC2.AbstractButton.IconOnly
        QQC2.ToolTip.text: text
        QQC2.ToolTip.visible: hovered
        onClicked: map.zoomIn()
    }
    QQC2.RoundButton {
        objectName: "mapZoomOut"
        icon.name: "zoom-out"
        text: i18nc("@action:button", "Zoom Out")
        display: QQC2.AbstractButton.IconOnly
        QQC2.ToolTip.text: text
        QQC2.ToolTip.visible: hovered
        enabled: map.zoom > 1
        onClicked: map.zoomOut()
    }
    QQC2.RoundButton {
        objectName: "mapReset"
        icon.name: "zoom-fit-best"
        text: i18nc("@action:button", "Whole World")
        display: QQC2.AbstractButton.IconOnly
        QQC2.ToolTip.text: text
        QQC2.ToolTip.visible: hovered
        enabled: map.zoom > 1
        onClicked: map.resetView()
    }
}
