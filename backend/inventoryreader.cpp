// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "inventoryreader.h"

#include "libvirthandles.h"

#include <KLocalizedString>

#include <libvirt/virterror.h>

#include <memory>

namespace Flotilla::InventoryReader
{

namespace
{

constexpr quint64 KiB = 1024;

QString takeString(char *text)
{
    const QString result = QString::fromUtf8(text);
    free(text); // libvirt hands over malloc'd strings
    return result;
}

MachineState machineState(unsigned char state)
{
    return state <= static_cast<unsigned char>(MachineState::Suspended) ? static_cast<MachineState>(state)
                                                                        : MachineState::Unknown;
}

Result<Machine> readMachine(virDomainPtr domain)
{
    Machine machine;
    machine.name = QString::fromUtf8(virDomainGetName(domain));
    char uuid[VIR_UUID_STRING_BUFLEN];
    virDomainInfo info;
    if (virDomainGetUUIDString(domain, uuid) < 0 || virDomainGetInfo(domain, &info) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read the machine %1", machine.name));
    }
    machine.uuid = QString::fromLatin1(uuid);
    machine.state = machineState(info.state);
    machine.vcpus = info.nrVirtCpu;
    machine.memoryBytes = info.memory * KiB;
    machine.maxMemoryBytes = info.maxMem * KiB;
    machine.persistent = virDomainIsPersistent(domain) == 1;
    return machine;
}

} // namespace

Result<NodeFacts> readFacts(virConnectPtr connection)
{
    NodeFacts facts;
    virNodeInfo info;
    if (virNodeGetInfo(connection, &info) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read the node's hardware"));
    }
    facts.cpuModel = QString::fromLatin1(info.model);
    facts.cpus = static_cast<int>(info.cpus);
    facts.sockets = static_cast<int>(info.sockets * info.nodes);
    facts.cores = static_cast<int>(info.cores);
    facts.threads = static_cast<int>(info.threads);
    facts.mhz = static_cast<int>(info.mhz);
    facts.memoryBytes = info.memory * KiB;
    facts.hostname = takeString(virConnectGetHostname(connection));
    facts.hypervisor = QString::fromUtf8(virConnectGetType(connection));
    unsigned long version = 0;
    if (virConnectGetVersion(connection, &version) == 0) {
        facts.hypervisorVersion = Libvirt::versionText(version);
    }
    if (virConnectGetLibVersion(connection, &version) == 0) {
        facts.libvirtVersion = Libvirt::versionText(version);
    }
    virResetLastError(); // versions are optional: some drivers have none
    return facts;
}

Result<QList<Machine>> readMachines(virConnectPtr connection)
{
    virDomainPtr *raw = nullptr;
    const int count = virConnectListAllDomains(connection, &raw, 0);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not list the machines"));
    }
    QList<Machine> machines;
    machines.reserve(count);
    for (const Libvirt::Domain &domain : Libvirt::adoptList<Libvirt::Domain>(raw, count)) {
        Result<Machine> machine = readMachine(domain.get());
        if (!machine && machine.error().code == VIR_ERR_NO_DOMAIN) {
            continue; // undefined between the listing and the reading: it is gone, not broken
        }
        if (!machine) {
            return machine.error();
        }
        machines.append(std::move(machine).value());
    }
    return machines;
}

Result<QList<StoragePool>> readPools(virConnectPtr connection)
{
    virStoragePoolPtr *raw = nullptr;
    const int count = virConnectListAllStoragePools(connection, &raw, 0);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not list the storage pools"));
    }
    QList<StoragePool> pools;
    for (const Libvirt::Pool &handle : Libvirt::adoptList<Libvirt::Pool>(raw, count)) {
        StoragePool pool;
        pool.name = QString::fromUtf8(virStoragePoolGetName(handle.get()));
        virStoragePoolInfo info;
        if (virStoragePoolGetInfo(handle.get(), &info) < 0) {
            return Libvirt::lastError(i18nc("@info", "Could not read the storage pool %1", pool.name));
        }
        pool.active = info.state == VIR_STORAGE_POOL_RUNNING || info.state == VIR_STORAGE_POOL_DEGRADED;
        pool.capacityBytes = info.capacity;
        pool.allocationBytes = info.allocation;
        pool.availableBytes = info.available;
        pools.append(pool);
    }
    return pools;
}

Result<QList<QString>> readNetworks(virConnectPtr connection)
{
    virNetworkPtr *raw = nullptr;
    const int count = virConnectListAllNetworks(connection, &raw, 0);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not list the networks"));
    }
    QList<QString> networks;
    for (const Libvirt::Network &network : Libvirt::adoptList<Libvirt::Network>(raw, count)) {
        networks.append(QString::fromUtf8(virNetworkGetName(network.get())));
    }
    return networks;
}

Result<NodeInventory> read(virConnectPtr connection)
{
    Result<NodeFacts> facts = readFacts(connection);
    if (!facts) {
        return facts.error();
    }
    Result<QList<Machine>> machines = readMachines(connection);
    if (!machines) {
        return machines.error();
    }
    Result<QList<StoragePool>> pools = readPools(connection);
    if (!pools) {
        return pools.error();
    }
    Result<QList<QString>> networks = readNetworks(connection);
    if (!networks) {
        return networks.error();
    }
    return NodeInventory{
        .facts = std::move(facts).value(),
        .machines = std::move(machines).value(),
        .pools = std::move(pools).value(),
        .networks = std::move(networks).value(),
    };
}

} // namespace Flotilla::InventoryReader
