// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import org.kde.kirigami as Kirigami
import org.kde.flotilla.fleet

/// One bulk action on the selected machines: shown while some are selected,
/// enabled when it applies to at least one of them, with how many in its text.
Kirigami.Action {
    id: action

    required property int action
    /// The machines page: its selection, and its act() that asks where needed.
    required property var page
    readonly property var uuids: page.selectedUuids
    readonly property int applicableCount: FleetView.actions.revision >= 0 && uuids.length > 0
                                           ? FleetView.actions.applicable(uuids, action.action).length : 0

    visible: uuids.length > 0
    enabled: applicableCount > 0
    tooltip: applicableCount < uuids.length ? i18ncp("@info:tooltip", "Applies to %1 of the selected machines",
                                                      "Applies to %1 of the selected machines", applicableCount) : ""
    onTriggered: action.page.act(action.action)
}
