// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The first step of a transfer: everything that can be known before a byte travels.
#include "provisioning/transferring.h"

#include "model/names.h"
#include "model/xmlelements.h"
#include "provisioning/cloudinit.h"
#include "provisioning/nodevolumes.h"

#include <KLocalizedString>

#include <libvirt/virterror.h>

namespace Flotilla::MachineTransfer
{

namespace
{

int stateOf(virConnectPtr connection, const QString &uuid)
{
    const Libvirt::Domain domain(virDomainLookupByUUIDString(connection, uuid.toLatin1().constData()));
    int state = VIR_DOMAIN_NOSTATE;
    if (!domain || virDomainGetState(domain.get(), &state, nullptr, 0) < 0) {
        virResetLastError();
        return -1;
    }
    return state;
}

/// The machine is as the plan was made for: off or paused for a clone; for
/// a move, off, or running if it ran then, and without snapshots.
Result<bool> machineReady(const Transfer &transfer)
{
    const QString &name = transfer.machine.name;
    const int state = stateOf(transfer.source(), transfer.machine.uuid);
    if (state < 0) {
        return Libvirt::lastError(i18nc("@info", "The machine is no longer on its node"));
    }
    if (!transfer.order.isMove()) {
        return ParentMachines::readyToClone(transfer.source(), transfer.machine, false);
    }
    const bool running = state == VIR_DOMAIN_RUNNING;
    if (transfer.order.isLive() && !running) {
        return Error{.message = i18nc("@info %1 is a machine", "%1 is not running; move it cold instead", name)};
    }
    if (state != VIR_DOMAIN_SHUTOFF && !running) {
        return Error{.message = i18nc("@info %1 is a machine",
                         "%1 is neither running nor shut down; resume it or shut it down, then move it", name)};
    }
    if (running != transfer.wasRunning) {
        return Error{
            .message = i18nc("@info %1 is a machine", "%1 was started or stopped meanwhile; move it again", name)};
    }
    const Libvirt::Domain domain(
        virDomainLookupByUUIDString(transfer.source(), transfer.machine.uuid.toLatin1().constData()));
    if (domain && virDomainSnapshotNum(domain.get(), 0) > 0) {
        return Error{.message = i18nc("@info %1 is a machine",
                         "%1 has snapshots, which do not travel between nodes; delete them first, or clone it "
                         "instead",
                         name)};
    }
    virResetLastError();
    return true;
}

/// The target has no machine of that name or UUID, and every network the
/// machine's cards are on.
Result<bool> targetTakes(const Transfer &transfer)
{
    const QString &node = transfer.context.target.name;
    const Libvirt::Domain sameUuid(
        virDomainLookupByUUIDString(transfer.target(), transfer.order.uuid.toLatin1().constData()));
    const Libvirt::Domain sameName(virDomainLookupByName(transfer.target(), transfer.order.name.toUtf8().constData()));
    virResetLastError();
    if (sameUuid) {
        return Error{
            .message = i18nc("@info %1 is a node",
                "%1 already holds this machine: it is the same node, or the machine was copied there before", node)};
    }
    if (sameName) {
        return Error{.message = i18nc("@info %1 is a node, %2 a machine", "%1 already has a machine named %2", node,
                         transfer.order.name)};
    }
    for (const NetworkInterface &card : transfer.described.interfaces) {
        if (card.type != QLatin1StringView("network")) {
            continue;
        }
        const Libvirt::Network network(virNetworkLookupByName(transfer.target(), card.source.toUtf8().constData()));
        virResetLastError();
        if (!network) {
            return Error{.message = i18nc("@info %1 is a node, %2 a virtual network",
                             "%1 has no virtual network named %2, which the machine's network card is on; make one "
                             "there first",
                             node, card.source)};
        }
    }
    return true;
}

/// The disks are files (a block volume travels into no folder), no other
/// machine on the source shares one that a move would take away, and the
/// target's pool has their room and none of their names.
Result<bool> disksTravel(const Transfer &transfer)
{
    QStringList paths;
    quint64 needed = 0;
    for (const ParentDisk &disk : transfer.machine.copied) {
        if (disk.block) {
            return Error{.message = i18nc("@info %1 is a disk such as vda, %2 a pool",
                             "The disk %1 is a block volume in %2; Flotilla copies disks between nodes only as files",
                             disk.target, disk.pool)};
        }
        paths.append(NodeVolumes::pathOf(transfer.source(), disk.pool, disk.volume));
        needed += disk.allocationBytes;
    }
    if (transfer.machine.seedDisk) {
        needed += quint64(CloudInit::maxSeedBytes);
    }
    for (const QString &volume : std::as_const(transfer.volumes)) {
        if (NodeVolumes::exists(transfer.target(), transfer.order.pool, volume)) {
            return Error{.message = i18nc("@info %1 is a pool, %2 a volume",
                             "The pool %1 on the target already has a volume named %2", transfer.order.pool, volume)};
        }
    }
    if (transfer.order.isMove() && transfer.context.users) {
        const Result<QHash<QString, QStringList>> users
            = transfer.context.users(transfer.source(), paths, transfer.machine.uuid);
        if (!users) {
            return users.error();
        }
        if (!users.value().isEmpty()) {
            const auto shared = users.value().constBegin();
            return Error{.message = i18nc("@info %1 is a file, %2 machines",
                             "The disk %1 is also used by %2 on this node; a move would take it away from under them",
                             shared.key(), shared.value().join(QStringLiteral(", ")))};
        }
    }
    return NodeVolumes::roomFor(transfer.target(), {{transfer.order.pool, needed}});
}

} // namespace

Result<QString> folderOf(virConnectPtr connection, const QString &pool)
{
    const Result<Libvirt::Pool> found = NodeVolumes::poolNamed(connection, pool);
    if (!found) {
        return found.error();
    }
    if (virStoragePoolIsActive(found.value().get()) != 1) {
        return Error{.message = i18nc("@info %1 is a pool", "The pool %1 is not running; start it first", pool)};
    }
    const QByteArray xml = Libvirt::takeText(virStoragePoolGetXMLDesc(found.value().get(), 0));
    QString type;
    QString folder;
    (void)XmlElements::walk(xml, [&](const QString &path, QXmlStreamReader &reader) {
        if (path == QLatin1StringView("pool")) {
            type = reader.attributes().value(QLatin1StringView("type")).toString();
        } else if (path == QLatin1StringView("pool/target/path")) {
            folder = reader.readElementText();
            return true;
        }
        return false;
    });
    if (!QStringList{QStringLiteral("dir"), QStringLiteral("fs"), QStringLiteral("netfs")}.contains(type)
        || folder.isEmpty()) {
        return Error{.message = i18nc("@info %1 is a pool, %2 its kind",
                         "The pool %1 is of the kind “%2”; a machine's disks travel into pools of files (a folder, a "
                         "file system or NFS)",
                         pool, type)};
    }
    return folder;
}

Result<bool> check(const Transfer &transfer)
{
    if (const QString problem = Names::machineProblem(transfer.order.name); !problem.isEmpty()) {
        return Error{.message = problem};
    }
    for (const auto &step : {machineReady, targetTakes, disksTravel}) {
        if (Result<bool> passed = step(transfer); !passed) {
            return passed;
        }
    }
    return true;
}

} // namespace Flotilla::MachineTransfer
