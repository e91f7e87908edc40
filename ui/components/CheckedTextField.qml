// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// A text field for a form, with its problem written beneath it.
ColumnLayout {
    id: field

    property string label
    property string value
    property string problem
    property string placeholderText
    /// Show the problem even while the field is empty.
    property bool showProblem: false
    readonly property alias input: input

    signal edited(text: string)

    Kirigami.FormData.label: label
    spacing: Kirigami.Units.smallSpacing
    Layout.maximumWidth: Kirigami.Units.gridUnit * 24

    QQC2.TextField {
        id: input

        objectName: field.objectName + "Input"
        Layout.fillWidth: true
        Layout.minimumWidth: Kirigami.Units.gridUnit * 10
        Accessible.name: field.label
        Accessible.description: problemLabel.visible ? field.problem : ""
        placeholderText: field.placeholderText
        text: field.value
        onTextEdited: field.edited(text)
    }
    ProblemText {
        id: problemLabel

        objectName: field.objectName + "Problem"
        text: field.problem
        shown: field.showProblem || input.text.length > 0
    }
}
