// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "model/inventory.h"

#include <QHash>

namespace Flotilla
{

/// The machines a node knows, by UUID, and the changes that bring them up
/// to date. Used on both sides: the session diffs what it reads against it,
/// the fleet applies the diffs it receives to its own copy.
class MachineSet
{
public:
    /// A full reading: what was added, what changed, what is gone. Also
    /// makes this set equal to @p machines.
    [[nodiscard]] InventoryChange replaceAll(const QList<Machine> &machines);
    /// One machine read again: an empty change if nothing differs.
    [[nodiscard]] InventoryChange update(const Machine &machine);
    /// One machine that no longer exists.
    [[nodiscard]] InventoryChange remove(const QString &uuid);
    /// Applies a change made by another set.
    void apply(const InventoryChange &change);

    [[nodiscard]] const QHash<QString, Machine> &machines() const { return m_machines; }
    [[nodiscard]] int runningCount() const;

private:
    QHash<QString, Machine> m_machines;
};

} // namespace Flotilla
