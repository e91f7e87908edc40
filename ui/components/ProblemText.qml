// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// What is wrong with the field above it, in the negative colour; hidden when nothing is.
QQC2.Label {
    /// Whether the problem may show yet (the person has typed, or tried to save).
    property bool shown: true

    Layout.fillWidth: true
    Layout.maximumWidth: Kirigami.Units.gridUnit * 24
    visible: shown && text.length > 0
    wrapMode: Text.Wrap
    color: Kirigami.Theme.negativeTextColor
    font: Kirigami.Theme.smallFont
    Accessible.role: Accessible.AlertMessage
}
