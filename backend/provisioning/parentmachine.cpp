// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/parentmachine.h"

#include "libvirt/libvirthandles.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/seediso.h"
#include "provisioning/volumedownload.h"

#include <KLocalizedString>

#include <QFile>
#include <QTemporaryDir>

#include <libvirt/virterror.h>

#include <atomic>

namespace Flotilla::ParentMachines
{

namespace
{

/// The volume under @p disk, or nothing when it is in none of the node's pools.
std::optional<ParentDisk> volumeOf(virConnectPtr connection, const Disk &disk)
{
    ParentDisk found{.target = disk.target,
        .source = disk.source,
        .byPath = disk.source.startsWith(QLatin1Char('/')),
        .format = disk.format.isEmpty() ? QStringLiteral("raw") : disk.format};
    const Libvirt::Volume volume = NodeVolumes::volumeAt(connection, disk.source);
    const Libvirt::Pool pool(volume ? virStoragePoolLookupByVolume(volume.get()) : nullptr);
    virStorageVolInfo info{};
    if (!pool || virStorageVolGetInfo(volume.get(), &info) < 0) {
        virResetLastError();
        return std::nullopt;
    }
    found.pool = QString::fromUtf8(virStoragePoolGetName(pool.get()));
    found.volume = QString::fromUtf8(virStorageVolGetName(volume.get()));
    found.capacityBytes = info.capacity;
    found.allocationBytes = info.allocation;
    found.block = info.type != VIR_STORAGE_VOL_FILE;
    return found;
}

/// The seed a CD-ROM volume holds, or nothing when it holds none.
Result<std::optional<CloudInit::Seed>> seedIn(virConnectPtr connection, const ParentDisk &cdrom, bool simulated)
{
    if (cdrom.capacityBytes > largestSeedBytes) {
        return std::optional<CloudInit::Seed>();
    }
    if (simulated) { // nothing to read: the name tells
        const bool named
            = cdrom.volume.contains(QLatin1StringView("-seed-")) && cdrom.volume.endsWith(QLatin1StringView(".iso"));
        return named ? std::optional(CloudInit::Seed{}) : std::nullopt;
    }
    const QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cdrom.iso"));
    const std::atomic_bool never{false};
    if (const Result<quint64> saved = VolumeDownload::download(connection, cdrom.pool, cdrom.volume, path, never);
        !saved) {
        return Error{.message = i18nc("@info %1 is a volume",
                         "Could not read the CD-ROM %1 to see whether it holds "
                         "the machine's setup (cloud-init)",
                         cdrom.volume),
            .details = saved.error().text()};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{.message = i18nc("@info", "Could not read the downloaded CD-ROM"), .details = file.errorString()};
    }
    const Result<CloudInit::Seed> seed = SeedIso::read(file.readAll());
    return seed ? std::optional(seed.value()) : std::nullopt; // no seed: an installer, say
}

Result<bool> readDisks(virConnectPtr connection, const QList<Disk> &disks, ParentMachine &parent, bool simulated)
{
    for (const Disk &disk : disks) {
        const bool cdrom = disk.device == QLatin1StringView("cdrom") || disk.device == QLatin1StringView("floppy");
        if (disk.source.isEmpty()) {
            continue; // an empty drive
        }
        const std::optional<ParentDisk> found = volumeOf(connection, disk);
        if (!found && !cdrom) {
            return Error{
                .message = i18nc("@info %1 is a disk such as vda, %2 where it is",
                    "The disk %1 (%2) is in none of the node's storage pools, and Flotilla copies disks only within "
                    "pools",
                    disk.target, disk.source)};
        }
        if (!cdrom) {
            parent.copied.append(*found);
            continue;
        }
        if (!found || parent.seedDisk) {
            continue; // shared as it is
        }
        const Result<std::optional<CloudInit::Seed>> seed = seedIn(connection, *found, simulated);
        if (!seed) {
            return seed.error();
        }
        if (seed.value()) {
            parent.seedDisk = found;
            parent.seed = *seed.value();
        }
    }
    return true;
}

} // namespace

Result<ParentMachine> read(virConnectPtr connection, const QString &uuid, bool simulated)
{
    const Libvirt::Domain domain(virDomainLookupByUUIDString(connection, uuid.toLatin1().constData()));
    if (!domain) {
        return Libvirt::lastError(i18nc("@info", "The machine is no longer on its node"));
    }
    char *xml = virDomainGetXMLDesc(domain.get(), VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
    if (xml == nullptr) {
        return Libvirt::lastError(i18nc("@info", "Could not read the machine's definition"));
    }
    ParentMachine parent{.uuid = uuid, .xml = Libvirt::takeText(xml)};
    const Result<DomainDescription> described = DomainXml::parse(parent.xml);
    if (!described) {
        return described.error();
    }
    parent.name = described.value().name;
    parent.metadata = described.value().metadata;
    for (const NetworkInterface &interface : described.value().interfaces) {
        parent.macs.append(interface.mac.toLower());
    }
    if (Result<bool> disks = readDisks(connection, described.value().disks, parent, simulated); !disks) {
        return disks.error();
    }
    return parent;
}

Result<bool> readyToClone(virConnectPtr connection, const ParentMachine &parent, bool linked)
{
    const Libvirt::Domain domain(virDomainLookupByUUIDString(connection, parent.uuid.toLatin1().constData()));
    if (!domain) {
        return Libvirt::lastError(i18nc("@info", "The machine is no longer on its node"));
    }
    int state = VIR_DOMAIN_NOSTATE;
    if (virDomainGetState(domain.get(), &state, nullptr, 0) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read whether the machine runs"));
    }
    if (linked && state != VIR_DOMAIN_SHUTOFF) {
        return Error{.message = i18nc("@info %1 is a machine",
                         "Shut %1 down first: a linked clone shares its disks, which must not change", parent.name)};
    }
    if (!linked && state != VIR_DOMAIN_SHUTOFF && state != VIR_DOMAIN_PAUSED) {
        return Error{
            .message = i18nc("@info %1 is a machine",
                "Shut %1 down or pause it first: its disks must not change while they are copied", parent.name)};
    }
    if (!linked) {
        return true;
    }
    const int snapshots = virDomainSnapshotNum(domain.get(), 0);
    if (snapshots > 0) {
        return Error{.message = i18nc("@info %1 is a machine",
                         "%1 has snapshots, which a linked clone would take its disks from under; make a full copy "
                         "instead",
                         parent.name)};
    }
    virResetLastError(); // a node without snapshots (-1) has none to lose
    for (const ParentDisk &disk : parent.copied) {
        if (disk.block) {
            return Error{.message = i18nc("@info %1 is a disk such as vda, %2 a pool",
                             "The disk %1 is a block volume in %2, which takes no layer; make a full copy instead",
                             disk.target, disk.pool)};
        }
    }
    return true;
}

} // namespace Flotilla::ParentMachines
