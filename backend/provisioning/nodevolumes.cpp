// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/nodevolumes.h"

#include "libvirt/libvirthandles.h"

#include <KLocalizedString>

#include <QXmlStreamWriter>

#include <libvirt/virterror.h>

namespace Flotilla::NodeVolumes
{

namespace
{

/// <volume> of @p name and @p capacity in @p format, with a backing store when @p basePath is given.
QByteArray volumeXml(const QString &name, quint64 capacity, const QString &format, const QString &basePath = {},
    const QString &baseFormat = {})
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartElement(QStringLiteral("volume"));
    xml.writeTextElement(QStringLiteral("name"), name);
    xml.writeStartElement(QStringLiteral("capacity"));
    xml.writeAttribute(QStringLiteral("unit"), QStringLiteral("bytes"));
    xml.writeCharacters(QString::number(capacity));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("allocation"), QStringLiteral("0")); // thin: libvirt else fills it in advance
    xml.writeStartElement(QStringLiteral("target"));
    xml.writeEmptyElement(QStringLiteral("format"));
    xml.writeAttribute(QStringLiteral("type"), format);
    xml.writeEndElement();
    if (!basePath.isEmpty()) {
        xml.writeStartElement(QStringLiteral("backingStore"));
        xml.writeTextElement(QStringLiteral("path"), basePath);
        xml.writeEmptyElement(QStringLiteral("format"));
        xml.writeAttribute(QStringLiteral("type"), baseFormat);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    return out;
}

Result<bool> create(virConnectPtr connection, const QString &pool, const QString &name, const QByteArray &xml,
    virStorageVolPtr from = nullptr)
{
    const Result<Libvirt::Pool> handle = poolNamed(connection, pool);
    if (!handle) {
        return handle.error();
    }
    const Libvirt::Volume made(from ? virStorageVolCreateXMLFrom(handle.value().get(), xml.constData(), from, 0)
                                    : virStorageVolCreateXML(handle.value().get(), xml.constData(), 0));
    if (!made) {
        return Libvirt::lastError(i18nc("@info", "Could not create the volume %1 in %2", name, pool));
    }
    return true;
}

/// Sends @p bytes into @p volume through a stream; aborts the stream on a failure.
Result<bool> send(virConnectPtr connection, virStorageVolPtr volume, const QByteArray &bytes)
{
    const Libvirt::Stream stream(virStreamNew(connection, 0));
    if (!stream || virStorageVolUpload(volume, stream.get(), 0, quint64(bytes.size()), 0) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not send the data to the node"));
    }
    for (qsizetype sent = 0; sent < bytes.size();) {
        const int wrote = virStreamSend(stream.get(), bytes.constData() + sent, size_t(bytes.size() - sent));
        if (wrote < 0) {
            const Error error = Libvirt::lastError(i18nc("@info", "Could not send the data to the node"));
            virStreamAbort(stream.get());
            return error;
        }
        sent += wrote;
    }
    if (virStreamFinish(stream.get()) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not send the data to the node"));
    }
    return true;
}

} // namespace

Result<Libvirt::Pool> poolNamed(virConnectPtr connection, const QString &pool)
{
    Libvirt::Pool handle(virStoragePoolLookupByName(connection, pool.toUtf8().constData()));
    if (!handle) {
        return Libvirt::lastError(i18nc("@info", "Could not find the storage pool %1", pool));
    }
    return handle;
}

/// The volume, or libvirt's error, taken before the pool's handle goes
/// (freeing a handle clears the thread's last error).
Result<Libvirt::Volume> volumeNamed(virConnectPtr connection, const QString &pool, const QString &name)
{
    const Result<Libvirt::Pool> handle = poolNamed(connection, pool);
    if (!handle) {
        return handle.error();
    }
    Libvirt::Volume volume(virStorageVolLookupByName(handle.value().get(), name.toUtf8().constData()));
    if (!volume) {
        return Libvirt::lastError(i18nc("@info", "Could not find the volume %1 in %2", name, pool));
    }
    return volume;
}

Result<bool> createOverlay(virConnectPtr connection, const QString &pool, const QString &name, quint64 capacityBytes,
    const QString &base, const QString &baseFormat)
{
    const Result<Libvirt::Volume> image = volumeNamed(connection, pool, base);
    char *path = image ? virStorageVolGetPath(image.value().get()) : nullptr;
    const QString basePath = QString::fromUtf8(path);
    free(path); // NOLINT(cppcoreguidelines-no-malloc): libvirt's allocation
    if (basePath.isEmpty()) {
        return image ? Libvirt::lastError(i18nc("@info", "Could not find where the image %1 is", base)) : image.error();
    }
    return create(
        connection, pool, name, volumeXml(name, capacityBytes, QStringLiteral("qcow2"), basePath, baseFormat));
}

Libvirt::Volume volumeAt(virConnectPtr connection, const QString &source)
{
    if (source.startsWith(QLatin1Char('/')) || !source.contains(QLatin1Char('/'))) {
        return Libvirt::Volume(virStorageVolLookupByPath(connection, source.toUtf8().constData()));
    }
    const Libvirt::Pool pool(
        virStoragePoolLookupByName(connection, source.section(QLatin1Char('/'), 0, 0).toUtf8().constData()));
    return Libvirt::Volume(pool
            ? virStorageVolLookupByName(pool.get(), source.section(QLatin1Char('/'), 1).toUtf8().constData())
            : nullptr);
}

Result<bool> createCopy(virConnectPtr connection, const QString &pool, const QString &name, quint64 capacityBytes,
    const QString &base, const QString &format)
{
    const Result<Libvirt::Volume> from = volumeNamed(connection, pool, base);
    if (!from) {
        return from.error();
    }
    return create(connection, pool, name, volumeXml(name, capacityBytes, format), from.value().get());
}

Result<bool> createEmpty(
    virConnectPtr connection, const QString &pool, const QString &name, quint64 capacityBytes, const QString &format)
{
    return create(connection, pool, name, volumeXml(name, capacityBytes, format));
}

Result<bool> createFilled(virConnectPtr connection, const QString &pool, const QString &name, quint64 capacityBytes,
    const Fill &fill, bool keepIfUnsupported)
{
    if (Result<bool> made = createEmpty(connection, pool, name, capacityBytes, QStringLiteral("raw")); !made) {
        return made;
    }
    const Result<Libvirt::Volume> volume = volumeNamed(connection, pool, name);
    Result<bool> filled = volume ? fill(volume.value().get()) : volume.error();
    if (!filled && keepIfUnsupported && filled.error().code == VIR_ERR_NO_SUPPORT) {
        return true; // a demo node: the volume stays empty, and the step says it is simulated
    }
    if (!filled) {
        (void)remove(connection, pool, name); // the half-made volume goes with the failure
    }
    return filled;
}

Result<bool> createWith(
    virConnectPtr connection, const QString &pool, const QString &name, const QByteArray &bytes, bool simulated)
{
    return createFilled(
        connection, pool, name, quint64(bytes.size()),
        [connection, &bytes](virStorageVolPtr volume) { return send(connection, volume, bytes); }, simulated);
}

Result<bool> remove(virConnectPtr connection, const QString &pool, const QString &name)
{
    const Result<Libvirt::Volume> volume = volumeNamed(connection, pool, name);
    if (!volume) {
        const int code = volume.error().code;
        if (code == VIR_ERR_NO_STORAGE_VOL || code == VIR_ERR_NO_STORAGE_POOL) {
            return true; // gone already
        }
        return Error{.message = i18nc("@info", "Could not delete the volume %1 in %2", name, pool),
            .details = volume.error().details,
            .code = code};
    }
    if (virStorageVolDelete(volume.value().get(), 0) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not delete the volume %1 in %2", name, pool));
    }
    return true;
}

bool exists(virConnectPtr connection, const QString &pool, const QString &name)
{
    return volumeNamed(connection, pool, name).ok();
}

QString pathOf(virConnectPtr connection, const QString &pool, const QString &name)
{
    const Result<Libvirt::Volume> volume = volumeNamed(connection, pool, name);
    char *path = volume ? virStorageVolGetPath(volume.value().get()) : nullptr;
    const QString text = QString::fromUtf8(path);
    free(path); // NOLINT(cppcoreguidelines-no-malloc): libvirt's allocation
    virResetLastError();
    return text;
}

Result<quint64> available(virConnectPtr connection, const QString &pool)
{
    const Result<Libvirt::Pool> handle = poolNamed(connection, pool);
    if (!handle) {
        return handle.error();
    }
    virStoragePoolInfo info;
    if (virStoragePoolGetInfo(handle.value().get(), &info) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read the storage pool %1", pool));
    }
    return quint64(info.available);
}

Result<bool> roomFor(virConnectPtr connection, const QHash<QString, quint64> &needed)
{
    for (auto [pool, bytes] : needed.asKeyValueRange()) {
        const Result<quint64> room = available(connection, pool);
        if (!room) {
            return room.error();
        }
        if (room.value() < bytes) {
            return Error{.message = i18nc("@info", "The pool %1 is too full", pool),
                .details = i18nc("@info", "%1 bytes are needed there, and %2 are free", bytes, room.value())};
        }
    }
    return true;
}

} // namespace Flotilla::NodeVolumes
