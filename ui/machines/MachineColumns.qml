// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
pragma Singleton
import QtQuick
import org.kde.kirigami as Kirigami

/// The machine list's columns: what each shows, how it sorts, how wide it
/// is, and from which window width on it is shown. The header and every
/// row read the same table, so they line up.
QtObject {
    readonly property var columns: [
        { key: MachineFilterModel.ByState, title: i18nc("@title:column", "State"), width: 6, minWindow: 26 },
        { key: MachineFilterModel.ByCpu, title: i18nc("@title:column", "CPU"), width: 4, minWindow: 0 },
        { key: MachineFilterModel.ByMemoryUse, title: i18nc("@title:column memory in use", "Mem."), width: 4, minWindow: 40 },
        { key: MachineFilterModel.ByDisk, title: i18nc("@title:column disk I/O", "Disk"), width: 5.5, minWindow: 52 },
        { key: MachineFilterModel.ByNetwork, title: i18nc("@title:column network I/O", "Network"), width: 5.5, minWindow: 52 },
        { key: MachineFilterModel.ByVcpus, title: i18nc("@title:column", "vCPUs"), width: 3.5, minWindow: 34 },
        { key: MachineFilterModel.ByMemory, title: i18nc("@title:column", "Memory"), width: 5, minWindow: 34 },
        { key: MachineFilterModel.ByAddress, title: i18nc("@title:column", "Addresses"), width: 8, minWindow: 64 }
    ]

    /// Whether a column shows in a list @p listWidth wide.
    function shows(column: var, listWidth: real): bool {
        return listWidth >= column.minWindow * Kirigami.Units.gridUnit;
    }
}
