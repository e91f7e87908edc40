// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/imagelibrary.h"

#include "model/xmlelements.h"

#include "libvirt/libvirthandles.h"

#include <KLocalizedString>

#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <tuple>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <algorithm>
#include <cstdlib>

namespace Flotilla::ImageLibrary
{

namespace
{

bool isImageFormat(const QString &format)
{
    return format == QLatin1StringView("qcow2") || format == QLatin1StringView("raw")
        || format == QLatin1StringView("iso");
}

/// The volumes of one pool, each described by the node.
QList<NodeVolume> volumesOf(virStoragePoolPtr pool, const QString &poolName)
{
    QList<NodeVolume> volumes;
    virStorageVolPtr *raw = nullptr;
    const int count = virStoragePoolListAllVolumes(pool, &raw, 0);
    if (count < 0) {
        virResetLastError(); // a pool that cannot list now shows no images, not an error for the whole node
        return volumes;
    }
    for (const Libvirt::Volume &volume : Libvirt::adoptList<Libvirt::Volume>(raw, count)) {
        NodeVolume read{.pool = poolName, .name = QString::fromUtf8(virStorageVolGetName(volume.get()))};
        char *xml = virStorageVolGetXMLDesc(volume.get(), 0);
        if (xml == nullptr) {
            virResetLastError(); // gone since the listing
            continue;
        }
        readVolumeXml(QByteArrayView(xml), read);
        free(xml); // NOLINT(cppcoreguidelines-no-malloc): libvirt's allocation
        volumes.append(read);
    }
    return volumes;
}

} // namespace

Result<QList<NodeVolume>> readVolumes(virConnectPtr connection)
{
    virStoragePoolPtr *raw = nullptr;
    const int count = virConnectListAllStoragePools(connection, &raw, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not list the node's storage pools"));
    }
    QList<NodeVolume> volumes;
    for (const Libvirt::Pool &pool : Libvirt::adoptList<Libvirt::Pool>(raw, count)) {
        volumes.append(volumesOf(pool.get(), QString::fromUtf8(virStoragePoolGetName(pool.get()))));
    }
    return volumes;
}

void readVolumeXml(QByteArrayView xml, NodeVolume &volume)
{
    std::ignore = XmlElements::walk(xml, [&volume](const QString &where, QXmlStreamReader &reader) {
        if (where == QLatin1StringView("volume/target/format")) {
            volume.format = reader.attributes().value(QLatin1StringView("type")).toString();
            return false;
        }
        const std::pair<const char *, std::function<void(const QString &)>> texts[] = {
            {"volume/capacity", [&](const QString &text) { volume.capacityBytes = text.toULongLong(); }},
            {"volume/allocation", [&](const QString &text) { volume.allocationBytes = text.toULongLong(); }},
            {"volume/target/path", [&](const QString &text) { volume.path = text; }},
            {"volume/backingStore/path", [&](const QString &text) { volume.backingFile = text; }},
        };
        for (const auto &[path, keep] : texts) {
            if (where == QLatin1StringView(path)) {
                keep(reader.readElementText());
                return true;
            }
        }
        return false;
    });
}

bool isMachineVolume(const QString &name)
{
    static const QRegularExpression made(QStringLiteral(R"(^.+-(root|data|seed)-[0-9a-f]{8}\.(qcow2|iso)$)"));
    return made.match(name).hasMatch();
}

bool isDataVolume(const QString &name)
{
    static const QRegularExpression data(QStringLiteral(R"(^.+-data-[0-9a-f]{8}\.qcow2$)"));
    return data.match(name).hasMatch();
}

QList<LibraryImage> images(const QList<NodeVolume> &volumes, const QList<Machine> &machines)
{
    // What each machine stands on (the base under a disk, a CD-ROM, the
    // image Flotilla's metadata names) and what it writes to, as a disk
    // names its source: a path, or "pool/volume".
    QList<QSet<QString>> bases;
    QSet<QString> written;
    for (const Machine &machine : machines) {
        QSet<QString> base;
        if (!machine.metadata.image.isEmpty()) {
            base.insert(machine.metadata.image);
        }
        for (const Disk &disk : machine.disks) {
            (disk.device == QLatin1StringView("cdrom") ? base : written).insert(disk.source);
            for (const QString &backing : disk.backingFiles) {
                base.insert(backing);
            }
        }
        bases.append(base);
    }
    QList<LibraryImage> found;
    for (const NodeVolume &volume : volumes) {
        const QSet<QString> names{volume.path, volume.pool + QLatin1Char('/') + volume.name, volume.name};
        if (!isImageFormat(volume.format) || isMachineVolume(volume.name) || written.intersects(names)) {
            continue;
        }
        LibraryImage image{.volume = volume,
            .machines
            = int(std::ranges::count_if(bases, [&names](const QSet<QString> &b) { return b.intersects(names); }))};
        if (!volume.backingFile.isEmpty()) {
            image.problem = i18nc("@info",
                "It stands on the node's file %1: a machine made from it would read that file.", volume.backingFile);
        }
        found.append(image);
    }
    return found;
}

} // namespace Flotilla::ImageLibrary
