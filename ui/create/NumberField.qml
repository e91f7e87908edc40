// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// A whole number in a form, with its unit, and its problem (or a warning) beneath.
ColumnLayout {
    id: field

    property string label
    property int value
    property int from: 0
    property int to: 1048576
    property int stepSize: 1
    property string unit
    property string problem
    property string warning
    property bool showProblem: false

    signal edited(value: int)

    // The spin box sets its own value as the person types, which would end
    // a binding to field.value: the value is handed down instead.
    onValueChanged: spin.value = value

    Kirigami.FormData.label: label
    spacing: Kirigami.Units.smallSpacing

    RowLayout {
        QQC2.SpinBox {
            id: spin

            objectName: field.objectName + "Input"
            Accessible.name: field.label
            from: field.from
            to: field.to
            stepSize: field.stepSize
            editable: true
            Component.onCompleted: value = field.value
            onValueModified: field.edited(value)
        }
        QQC2.Label {
            text: field.unit
        }
    }
    ProblemText {
        objectName: field.objectName + "Problem"
        shown: field.showProblem
        text: field.problem
    }
    QQC2.Label {
        Layout.fillWidth: true
        Layout.maximumWidth: Kirigami.Units.gridUnit * 24
        visible: field.warning.length > 0 && field.problem.length === 0
        wrapMode: Text.Wrap
        color: Kirigami.Theme.neutralTextColor
        font: Kirigami.Theme.smallFont
        text: field.warning
    }
}
