// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/machinediff.h"

#include <algorithm>

namespace Flotilla
{

InventoryChange MachineSet::replaceAll(const QList<Machine> &machines)
{
    InventoryChange change{.complete = true};
    QHash<QString, Machine> next;
    next.reserve(machines.size());
    for (const Machine &machine : machines) {
        const auto before = m_machines.constFind(machine.uuid);
        if (before == m_machines.cend()) {
            change.added.append(machine);
        } else if (!(*before == machine)) {
            change.changed.append(machine);
        }
        next.insert(machine.uuid, machine);
    }
    for (auto it = m_machines.cbegin(); it != m_machines.cend(); ++it) {
        if (!next.contains(it.key())) {
            change.removed.append(it.key());
        }
    }
    m_machines = std::move(next);
    return change;
}

InventoryChange MachineSet::update(const Machine &machine)
{
    InventoryChange change;
    auto before = m_machines.find(machine.uuid);
    if (before == m_machines.end()) {
        change.added.append(machine);
        m_machines.insert(machine.uuid, machine);
    } else if (!(*before == machine)) {
        change.changed.append(machine);
        *before = machine;
    }
    return change;
}

InventoryChange MachineSet::remove(const QString &uuid)
{
    InventoryChange change;
    if (m_machines.remove(uuid) > 0) {
        change.removed.append(uuid);
    }
    return change;
}

void MachineSet::apply(const InventoryChange &change)
{
    for (const QString &uuid : change.removed) {
        m_machines.remove(uuid);
    }
    for (const Machine &machine : change.added) {
        m_machines.insert(machine.uuid, machine);
    }
    for (const Machine &machine : change.changed) {
        m_machines.insert(machine.uuid, machine);
    }
}

int MachineSet::runningCount() const
{
    return int(std::ranges::count_if(m_machines, [](const Machine &machine) { return machine.isRunning(); }));
}

} // namespace Flotilla
