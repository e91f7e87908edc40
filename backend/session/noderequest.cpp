// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/noderequest.h"

#include "libvirt/libvirthandles.h"
#include "provisioning/nodevolumes.h"
#include "session/inventoryreader.h"

#include <KLocalizedString>

#include <QHash>

#include <QLocale>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

namespace Flotilla::NodeRequests
{
namespace
{
using Warnings = Result<QStringList>;

Error refusal(const QString &why)
{
    return Error{.message = why};
}

QString names(const QStringList &machines)
{
    return QLocale().createSeparatedList(machines);
}

Result<Libvirt::Network> networkNamed(virConnectPtr connection, const QString &name)
{
    Libvirt::Network network(virNetworkLookupByName(connection, name.toUtf8().constData()));
    if (!network) {
        return Libvirt::lastError(i18nc("@info", "Could not find the network %1", name));
    }
    return network;
}

/// The paths of the volumes @p pool holds, as it last looked.
Result<QStringList> volumePaths(virStoragePoolPtr pool)
{
    virStorageVolPtr *raw = nullptr;
    const int count = virStoragePoolListAllVolumes(pool, &raw, 0);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not list the pool's volumes"));
    }
    QStringList paths;
    for (const Libvirt::Volume &volume : Libvirt::adoptList<Libvirt::Volume>(raw, count)) {
        char *path = virStorageVolGetPath(volume.get());
        paths.append(QString::fromUtf8(path));
        free(path);
    }
    return paths;
}

/// Not while the machines in @p users (path → machine names) use any of it.
Result<bool> unused(const Result<QHash<QString, QStringList>> &users, const KLocalizedString &inUse)
{
    if (!users) {
        return users.error();
    }
    QStringList machines;
    for (const QStringList &some : users.value()) {
        for (const QString &machine : some) {
            if (!machines.contains(machine)) {
                machines.append(machine);
            }
        }
    }
    if (machines.isEmpty()) {
        return true;
    }
    machines.sort();
    return refusal(inUse.subs(machines.size()).subs(names(machines)).toString());
}

QStringList startedWithNode(int set, const QString &what)
{
    if (set == 0) {
        return {};
    }
    return {Libvirt::lastError(i18nc("@info %1 is a pool or network", "%1 does not start with the node", what)).text()};
}

Warnings createPool(virConnectPtr connection, const PoolSpec &spec)
{
    const Result<QByteArray> xml = StoragePools::definition(spec);
    if (!xml) {
        return xml.error();
    }
    const Libvirt::Pool pool(virStoragePoolDefineXML(connection, xml.value().constData(), 0));
    if (!pool) {
        return Libvirt::lastError(i18nc("@info", "The node refused the pool"));
    }
    // A directory's (or mount point's) folder is made if it is missing; an
    // LVM pool uses a volume group that exists: building one would wipe a disk.
    const bool makesFolder = spec.type != PoolSpec::Type::Lvm;
    if ((makesFolder && virStoragePoolBuild(pool.get(), 0) < 0 && virGetLastErrorCode() != VIR_ERR_NO_SUPPORT)
        || virStoragePoolCreate(pool.get(), 0) < 0) {
        const Error error = Libvirt::lastError(i18nc("@info", "The pool could not start"));
        virStoragePoolUndefine(pool.get()); // all or nothing: no pool that never ran stays behind
        return error;
    }
    return startedWithNode(virStoragePoolSetAutostart(pool.get(), 1), spec.name);
}

Warnings stopPool(virConnectPtr connection, virStoragePoolPtr pool)
{
    const Result<QStringList> paths = volumePaths(pool);
    if (!paths) {
        return paths.error();
    }
    const Result<bool> idle = unused(InventoryReader::machinesUsing(connection, paths.value(), {}, true),
        ki18ncp("@info %2 names machines", "%2 runs on its volumes. Stop it first.",
            "%2 run on its volumes. Stop them first."));
    if (!idle) {
        return idle.error();
    }
    if (virStoragePoolDestroy(pool) < 0) {
        return Libvirt::lastError(i18nc("@info", "The node refused"));
    }
    return QStringList();
}

Warnings deletePool(virStoragePoolPtr pool)
{
    if (virStoragePoolIsActive(pool) == 1) {
        const int volumes = virStoragePoolNumOfVolumes(pool);
        if (volumes != 0) {
            return volumes < 0 ? Libvirt::lastError(i18nc("@info", "Could not list the pool's volumes"))
                               : refusal(i18ncp("@info", "It holds %1 volume. Delete it first.",
                                     "It holds %1 volumes. Delete them first.", volumes));
        }
        if (virStoragePoolDestroy(pool) < 0) {
            return Libvirt::lastError(i18nc("@info", "The pool could not stop"));
        }
    }
    if (virStoragePoolIsPersistent(pool) == 1 && virStoragePoolUndefine(pool) < 0) {
        return Libvirt::lastError(i18nc("@info", "The node refused"));
    }
    return QStringList();
}

Warnings resizeVolume(virConnectPtr connection, virStorageVolPtr volume, quint64 bytes)
{
    char *path = virStorageVolGetPath(volume);
    const QString where = QString::fromUtf8(path);
    free(path);
    const Result<bool> idle = unused(InventoryReader::machinesUsing(connection, {where}, {}, true),
        ki18ncp("@info %2 names machines", "%2 runs on it. Stop it first.", "%2 run on it. Stop them first."));
    if (!idle) {
        return idle.error();
    }
    virStorageVolInfo info;
    if (virStorageVolGetInfo(volume, &info) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read the volume"));
    }
    if (const QString wrong = StoragePools::resizeProblem(info.capacity, bytes); !wrong.isEmpty()) {
        return refusal(wrong);
    }
    if (virStorageVolResize(volume, bytes, 0) < 0) {
        return Libvirt::lastError(i18nc("@info", "The node refused"));
    }
    return QStringList();
}

Warnings deleteVolume(virConnectPtr connection, virStorageVolPtr volume)
{
    char *path = virStorageVolGetPath(volume);
    const QString where = QString::fromUtf8(path);
    free(path);
    const Result<bool> idle = unused(InventoryReader::machinesUsing(connection, {where}),
        ki18ncp("@info %2 names machines", "%2 uses it. Delete that machine, or its disk, first.",
            "%2 use it. Delete those machines, or their disks, first."));
    if (!idle) {
        return idle.error();
    }
    if (virStorageVolDelete(volume, 0) < 0) {
        return Libvirt::lastError(i18nc("@info", "The node refused"));
    }
    return QStringList();
}

Warnings createNetwork(virConnectPtr connection, const NetworkSpec &spec)
{
    const Result<QByteArray> xml = VirtualNetworks::definition(spec);
    if (!xml) {
        return xml.error();
    }
    const Libvirt::Network network(virNetworkDefineXML(connection, xml.value().constData()));
    if (!network) {
        return Libvirt::lastError(i18nc("@info", "The node refused the network"));
    }
    if (virNetworkCreate(network.get()) < 0) {
        const Error error = Libvirt::lastError(i18nc("@info", "The network could not start"));
        virNetworkUndefine(network.get()); // all or nothing
        return error;
    }
    return startedWithNode(virNetworkSetAutostart(network.get(), 1), spec.name);
}

Warnings onNetwork(virConnectPtr connection, const NodeRequest &request)
{
    const Result<Libvirt::Network> network = networkNamed(connection, request.network);
    if (!network) {
        return network.error();
    }
    virNetworkPtr handle = network.value().get();
    const bool stop = request.kind == NodeRequest::Kind::StopNetwork;
    if (stop || request.kind == NodeRequest::Kind::DeleteNetwork) {
        const Result<QStringList> users = InventoryReader::machinesOnNetwork(connection, request.network, stop);
        if (!users) {
            return users.error();
        }
        if (!users.value().isEmpty()) {
            const QStringList &machines = users.value();
            return refusal(stop
                    ? i18ncp("@info %2 names machines", "%2 runs on it. Stop it first.",
                          "%2 run on it. Stop them first.", machines.size(), names(machines))
                    : i18ncp("@info %2 names machines", "%2 is on it, and could not start without it.",
                          "%2 are on it, and could not start without it.", machines.size(), names(machines)));
        }
    }
    int done = 0;
    switch (request.kind) {
    case NodeRequest::Kind::StartNetwork:
        done = virNetworkCreate(handle);
        break;
    case NodeRequest::Kind::StopNetwork:
        done = virNetworkDestroy(handle);
        break;
    case NodeRequest::Kind::DeleteNetwork:
        if (virNetworkIsActive(handle) == 1) {
            done = virNetworkDestroy(handle);
        }
        if (done == 0 && virNetworkIsPersistent(handle) == 1) {
            done = virNetworkUndefine(handle);
        }
        break;
    default: // SetNetworkAutostart
        done = virNetworkSetAutostart(handle, request.autostart ? 1 : 0);
        break;
    }
    if (done < 0) {
        return Libvirt::lastError(i18nc("@info", "The node refused"));
    }
    return QStringList();
}

Warnings onPool(virConnectPtr connection, const NodeRequest &request)
{
    const Result<Libvirt::Pool> pool = NodeVolumes::poolNamed(connection, request.pool);
    if (!pool) {
        return pool.error();
    }
    virStoragePoolPtr handle = pool.value().get();
    int done = 0;
    switch (request.kind) {
    case NodeRequest::Kind::StartPool:
        done = virStoragePoolCreate(handle, 0);
        break;
    case NodeRequest::Kind::StopPool:
        return stopPool(connection, handle);
    case NodeRequest::Kind::RefreshPool:
        done = virStoragePoolRefresh(handle, 0);
        break;
    case NodeRequest::Kind::DeletePool:
        return deletePool(handle);
    case NodeRequest::Kind::CreateVolume:
        if (const Result<bool> made = NodeVolumes::createEmpty(connection, request.pool, request.volumeSpec.name,
                request.volumeSpec.capacityBytes, request.volumeSpec.format);
            !made) {
            return made.error();
        }
        return QStringList();
    default: // SetPoolAutostart
        done = virStoragePoolSetAutostart(handle, request.autostart ? 1 : 0);
        break;
    }
    if (done < 0) {
        return Libvirt::lastError(i18nc("@info", "The node refused"));
    }
    return QStringList();
}

Warnings onVolume(virConnectPtr connection, const NodeRequest &request)
{
    const Result<Libvirt::Volume> volume = NodeVolumes::volumeNamed(connection, request.pool, request.volume);
    if (!volume) {
        return volume.error();
    }
    return request.kind == NodeRequest::Kind::ResizeVolume
        ? resizeVolume(connection, volume.value().get(), request.bytes)
        : deleteVolume(connection, volume.value().get());
}

Warnings carryOut(virConnectPtr connection, const NodeRequest &request)
{
    using Kind = NodeRequest::Kind;
    switch (request.kind) {
    case Kind::CreatePool:
        return createPool(connection, request.poolSpec);
    case Kind::CreateNetwork:
        return createNetwork(connection, request.networkSpec);
    case Kind::ResizeVolume:
    case Kind::DeleteVolume:
        return onVolume(connection, request);
    case Kind::StartNetwork:
    case Kind::StopNetwork:
    case Kind::DeleteNetwork:
    case Kind::SetNetworkAutostart:
        return onNetwork(connection, request);
    default:
        return onPool(connection, request);
    }
}
} // namespace

NodeRequestResult perform(virConnectPtr connection, const NodeRequest &request)
{
    NodeRequestResult result;
    Warnings done = carryOut(connection, request);
    if (done) {
        result.warnings = done.value();
    } else {
        const Error &why = done.error();
        result.error = Error{
            .message = failureMessage(request.kind), .details = why.text(), .code = why.code, .domain = why.domain};
    }
    return result;
}

QString failureMessage(NodeRequest::Kind kind)
{
    using Kind = NodeRequest::Kind;
    switch (kind) {
    case Kind::CreatePool:
        return i18nc("@info", "Could not create the pool");
    case Kind::StartPool:
        return i18nc("@info", "Could not start the pool");
    case Kind::StopPool:
        return i18nc("@info", "Could not stop the pool");
    case Kind::RefreshPool:
        return i18nc("@info", "Could not refresh the pool");
    case Kind::DeletePool:
        return i18nc("@info", "Could not delete the pool");
    case Kind::SetPoolAutostart:
    case Kind::SetNetworkAutostart:
        return i18nc("@info", "Could not change whether it starts with the node");
    case Kind::CreateVolume:
        return i18nc("@info", "Could not create the volume");
    case Kind::ResizeVolume:
        return i18nc("@info", "Could not resize the volume");
    case Kind::DeleteVolume:
        return i18nc("@info", "Could not delete the volume");
    case Kind::CreateNetwork:
        return i18nc("@info", "Could not create the network");
    case Kind::StartNetwork:
        return i18nc("@info", "Could not start the network");
    case Kind::StopNetwork:
        return i18nc("@info", "Could not stop the network");
    case Kind::DeleteNetwork:
        return i18nc("@info", "Could not delete the network");
    }
    return {};
}

} // namespace Flotilla::NodeRequests
