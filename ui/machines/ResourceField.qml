// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// A number a person changes and then applies (vCPUs, memory): it follows
/// the machine until edited, and offers Apply only for a different value.
RowLayout {
    id: field

    required property int current
    property int from: 1
    property int to: 1
    property int stepSize: 1
    property string suffix
    property bool busy: false
    property alias spinBox: spin

    signal applied(int value)

    spacing: Kirigami.Units.smallSpacing

    QQC2.SpinBox {
        id: spin

        from: field.from
        to: Math.max(field.from, field.to)
        stepSize: field.stepSize
        editable: true
        value: field.current
        textFromValue: (value, locale) => field.suffix.length > 0 ? Number(value).toLocaleString(locale, "f", 0) + " " + field.suffix
                                                                  : Number(value).toLocaleString(locale, "f", 0)
        valueFromText: (text, locale) => Number.fromLocaleString(locale, text.replace(field.suffix, "").trim())
        Accessible.name: field.Kirigami.FormData.label
        Keys.onReturnPressed: if (apply.enabled) apply.clicked()
    }
    QQC2.Button {
        id: apply

        text: i18nc("@action:button", "Apply")
        enabled: spin.value !== field.current && !field.busy
        onClicked: field.applied(spin.value)
    }
    QQC2.ToolButton {
        icon.name: "edit-undo"
        visible: spin.value !== field.current
        display: QQC2.AbstractButton.IconOnly
        text: i18nc("@action:button", "Undo")
        QQC2.ToolTip.text: text
        QQC2.ToolTip.visible: hovered
        onClicked: spin.value = field.current
    }

    // The machine changed underneath (an applied change, another tool):
    // follow it unless the person is editing.
    onCurrentChanged: if (!spin.activeFocus) spin.value = field.current
}
