// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/diskcopy.h"

#include "libvirt/libvirthandles.h"
#include "provisioning/nodevolumes.h"

#include <KLocalizedString>

#include <QThread>
#include <QXmlStreamWriter>

namespace Flotilla::DiskCopy
{

namespace
{

/// The copy's <disk> element, as virDomainBlockCopy takes its destination.
QByteArray destinationXml(const QString &path, const QString &format, bool block)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartElement(QStringLiteral("disk"));
    writer.writeAttribute(QStringLiteral("type"), block ? QStringLiteral("block") : QStringLiteral("file"));
    writer.writeEmptyElement(QStringLiteral("source"));
    writer.writeAttribute(block ? QStringLiteral("dev") : QStringLiteral("file"), path);
    writer.writeEmptyElement(QStringLiteral("driver"));
    writer.writeAttribute(QStringLiteral("type"), format);
    writer.writeEndElement();
    return xml;
}

/// Waits until the mirror of @p target has caught up with the disk.
Result<bool> waitUntilCaughtUp(virDomainPtr domain, const QByteArray &target)
{
    constexpr int pollMs = 100; // on the plan's own thread; a copy takes seconds to minutes
    for (;;) {
        virDomainBlockJobInfo info{};
        const int found = virDomainGetBlockJobInfo(domain, target.constData(), &info, 0);
        if (found < 0) {
            return Libvirt::lastError(i18nc("@info", "Could not follow the disk's copy"));
        }
        if (found == 0) {
            return Error{.message = i18nc("@info", "The disk's copy stopped before it was whole")};
        }
        if (info.end > 0 && info.cur == info.end) {
            return true;
        }
        QThread::msleep(pollMs);
    }
}

} // namespace

Result<bool> fromOpenDisk(virConnectPtr connection, const QString &uuid, const QString &target, const QString &pool,
    const QString &name, quint64 capacityBytes, const QString &format)
{
    const Libvirt::Domain domain(virDomainLookupByUUIDString(connection, uuid.toLatin1().constData()));
    if (!domain) {
        return Libvirt::lastError(i18nc("@info", "The machine to copy is not on the node"));
    }
    if (Result<bool> made = NodeVolumes::createEmpty(connection, pool, name, capacityBytes, format); !made) {
        return made;
    }
    const Result<Libvirt::Volume> volume = NodeVolumes::volumeNamed(connection, pool, name);
    virStorageVolInfo info{};
    const bool block
        = volume && virStorageVolGetInfo(volume.value().get(), &info) == 0 && info.type == VIR_STORAGE_VOL_BLOCK;
    const QByteArray disk = target.toUtf8();
    Error failure;
    // A transient job: the copy need not survive a restart of the node's
    // daemon (the plan would undo it), and only so does libvirt copy a
    // persistent machine's disk.
    if (virDomainBlockCopy(domain.get(), disk.constData(),
            destinationXml(NodeVolumes::pathOf(connection, pool, name), format, block).constData(), nullptr, 0,
            VIR_DOMAIN_BLOCK_COPY_REUSE_EXT | VIR_DOMAIN_BLOCK_COPY_TRANSIENT_JOB)
        < 0) {
        failure = Libvirt::lastError(
            i18nc("@info %1 is a disk such as vda", "The node could not copy the disk %1", target));
    } else {
        const Result<bool> caughtUp = waitUntilCaughtUp(domain.get(), disk);
        // Let go of the mirror, caught up or not: without a pivot the machine
        // stays on its own disk, and a mirror that had caught up leaves a whole copy.
        const bool letGo = virDomainBlockJobAbort(domain.get(), disk.constData(), 0) == 0;
        if (!caughtUp) {
            failure = caughtUp.error();
        } else if (!letGo) {
            failure = Libvirt::lastError(i18nc("@info", "Could not end the disk's copy"));
        }
    }
    if (!failure.isEmpty()) {
        (void)NodeVolumes::remove(connection, pool, name);
        return failure;
    }
    return true;
}

} // namespace Flotilla::DiskCopy
