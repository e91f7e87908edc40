// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// InventoryReader's part for what a node has besides machines: its storage
// pools and virtual networks, and which machines use which volume.
#include "session/inventoryreader.h"

#include "libvirt/libvirthandles.h"
#include "model/storagepool.h"
#include "model/virtualnetwork.h"
#include "model/xmlelements.h"

#include <KLocalizedString>

#include <QTimeZone>

#include <libvirt/virterror.h>

namespace Flotilla::InventoryReader
{

namespace
{
/// The network's leases while it runs; none where the node keeps no
/// leases it can tell (a bridge to the LAN, libvirt's test driver).
QList<DhcpLease> readLeases(virNetworkPtr network)
{
    virNetworkDHCPLeasePtr *raw = nullptr;
    const int count = virNetworkGetDHCPLeases(network, nullptr, &raw, 0);
    QList<DhcpLease> leases;
    for (int i = 0; i < count; ++i) {
        const virNetworkDHCPLeasePtr lease = raw[i];
        if (lease->type == VIR_IP_ADDR_TYPE_IPV4) {
            leases.append(DhcpLease{.mac = QString::fromUtf8(lease->mac),
                .address = QString::fromUtf8(lease->ipaddr),
                .prefix = static_cast<int>(lease->prefix),
                .hostname = QString::fromUtf8(lease->hostname),
                .expires = lease->expirytime > 0 ? QDateTime::fromSecsSinceEpoch(lease->expirytime, QTimeZone::UTC)
                                                 : QDateTime()});
        }
        virNetworkDHCPLeaseFree(lease);
    }
    free(raw);
    virResetLastError();
    return leases;
}
} // namespace

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
        pool.persistent = virStoragePoolIsPersistent(handle.get()) != 0;
        int autostart = 0;
        pool.autostart = virStoragePoolGetAutostart(handle.get(), &autostart) == 0 && autostart == 1;
        const QByteArray xml = Libvirt::takeText(virStoragePoolGetXMLDesc(handle.get(), 0));
        if (xml.isEmpty()) {
            return Libvirt::lastError(i18nc("@info", "Could not read the storage pool %1", pool.name));
        }
        if (Result<bool> read = StoragePools::readXml(xml, pool); !read) {
            return read.error();
        }
        pools.append(pool);
    }
    virResetLastError();
    return pools;
}

Result<QList<VirtualNetwork>> readNetworks(virConnectPtr connection)
{
    virNetworkPtr *raw = nullptr;
    const int count = virConnectListAllNetworks(connection, &raw, 0);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not list the networks"));
    }
    QList<VirtualNetwork> networks;
    for (const Libvirt::Network &handle : Libvirt::adoptList<Libvirt::Network>(raw, count)) {
        VirtualNetwork network;
        network.name = QString::fromUtf8(virNetworkGetName(handle.get()));
        network.active = virNetworkIsActive(handle.get()) == 1;
        network.persistent = virNetworkIsPersistent(handle.get()) != 0;
        int autostart = 0;
        network.autostart = virNetworkGetAutostart(handle.get(), &autostart) == 0 && autostart == 1;
        network.bridge = QString::fromUtf8(Libvirt::takeText(virNetworkGetBridgeName(handle.get())));
        const QByteArray xml = Libvirt::takeText(virNetworkGetXMLDesc(handle.get(), 0));
        if (xml.isEmpty()) {
            return Libvirt::lastError(i18nc("@info", "Could not read the network %1", network.name));
        }
        if (Result<bool> read = VirtualNetworks::readXml(xml, network); !read) {
            return read.error();
        }
        if (network.active && !network.dhcpStart.isEmpty()) {
            network.leases = readLeases(handle.get());
        }
        networks.append(network);
    }
    virResetLastError();
    return networks;
}

QStringList readPoolTypes(virConnectPtr connection)
{
    const QByteArray xml = Libvirt::takeText(virConnectGetStoragePoolCapabilities(connection, 0));
    virResetLastError(); // older nodes and the test driver do not say
    QStringList types;
    (void)XmlElements::walk(xml, [&](const QString &at, QXmlStreamReader &reader) {
        if (at == QLatin1StringView("storagepoolCapabilities/pool")
            && reader.attributes().value(QLatin1StringView("supported")) == QLatin1StringView("yes")) {
            types.append(reader.attributes().value(QLatin1StringView("type")).toString());
        }
        return false;
    });
    return types;
}

namespace
{
Result<std::vector<Libvirt::Domain>> listMachines(virConnectPtr connection, bool runningOnly)
{
    virDomainPtr *raw = nullptr;
    const int count = virConnectListAllDomains(connection, &raw, runningOnly ? VIR_CONNECT_LIST_DOMAINS_ACTIVE : 0);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not list the node's machines"));
    }
    return Libvirt::adoptList<Libvirt::Domain>(raw, count);
}
} // namespace

Result<QHash<QString, QStringList>> machinesUsing(
    virConnectPtr connection, const QStringList &paths, const QString &except, bool runningOnly)
{
    const Result<std::vector<Libvirt::Domain>> machines = listMachines(connection, runningOnly);
    if (!machines) {
        return machines.error();
    }
    QHash<QString, QStringList> users; // path → the machines that use it
    for (const Libvirt::Domain &domain : machines.value()) {
        const QString name = QString::fromUtf8(virDomainGetName(domain.get()));
        const Definition definition = readDefinition(domain.get());
        if (definition.description && definition.description.value().uuid == except) {
            continue;
        }
        for (const QString &path : paths) {
            if (!definition.description) { // cannot tell: better kept than lost
                users[path].append(
                    i18nc("@info a machine whose disks are unknown", "%1 (its disks are unknown)", name));
            } else if (std::ranges::any_of(definition.description.value().disks,
                           [&](const Disk &disk) { return disk.source == path || disk.backingFiles.contains(path); })) {
                users[path].append(name);
            }
        }
    }
    return users;
}

Result<QStringList> machinesOnNetwork(virConnectPtr connection, const QString &network, bool runningOnly)
{
    const Result<std::vector<Libvirt::Domain>> machines = listMachines(connection, runningOnly);
    if (!machines) {
        return machines.error();
    }
    QStringList names;
    for (const Libvirt::Domain &domain : machines.value()) {
        const Definition definition = readDefinition(domain.get());
        const QString name = QString::fromUtf8(virDomainGetName(domain.get()));
        if (!definition.description) {
            names.append(
                i18nc("@info a machine whose interfaces are unknown", "%1 (its interfaces are unknown)", name));
        } else if (std::ranges::any_of(
                       definition.description.value().interfaces, [&](const NetworkInterface &interface) {
                           return interface.type == QLatin1StringView("network") && interface.source == network;
                       })) {
            names.append(name);
        }
    }
    return names;
}

} // namespace Flotilla::InventoryReader
