// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "inventory.h"
#include "result.h"

#include <libvirt/libvirt.h>

/// Reads a node's inventory through an open connection. Blocking libvirt
/// calls: only ever called on the node's own session thread.
namespace Flotilla::InventoryReader
{

[[nodiscard]] Result<NodeFacts> readFacts(virConnectPtr connection);
[[nodiscard]] Result<QList<Machine>> readMachines(virConnectPtr connection);
[[nodiscard]] Result<QList<StoragePool>> readPools(virConnectPtr connection);
[[nodiscard]] Result<QList<QString>> readNetworks(virConnectPtr connection);

/// All of the above in one value, or the first error met.
[[nodiscard]] Result<NodeInventory> read(virConnectPtr connection);

} // namespace Flotilla::InventoryReader
