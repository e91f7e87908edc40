// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "session/inventoryreader.h"

#include <libvirt/libvirt.h>

#include <functional>

namespace Flotilla
{

/// The reads a session makes through its open connection, and how it asks
/// whether the connection still lives. The defaults are InventoryReader's
/// and libvirt's; tests put in reads that fail or take long, as a real
/// node's can at any moment.
struct NodeReading {
    std::function<Result<NodeFacts>(virConnectPtr)> facts = InventoryReader::readFacts;
    std::function<QString(virConnectPtr)> hostname = InventoryReader::readHostname;
    std::function<Result<QList<Machine>>(virConnectPtr, const QHash<QString, Machine> &, InventoryReader::Definitions)>
        machines = InventoryReader::readMachines;
    std::function<Result<Machine>(virConnectPtr, const QString &, Libvirt::MachineTouch, const Machine *, virDomainPtr)>
        machine = InventoryReader::readMachine;
    std::function<Result<QList<StoragePool>>(virConnectPtr)> pools = InventoryReader::readPools;
    std::function<Result<QList<VirtualNetwork>>(virConnectPtr)> networks = InventoryReader::readNetworks;
    std::function<bool(virConnectPtr)> isAlive
        = [](virConnectPtr connection) { return virConnectIsAlive(connection) == 1; };
};

} // namespace Flotilla
