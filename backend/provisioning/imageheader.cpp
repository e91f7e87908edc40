// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/imageheader.h"

#include <KLocalizedString>

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <optional>

namespace Flotilla::ImageHeader
{

namespace
{

constexpr quint64 sector = 512;

// qcow2: the header fields this reader needs, by offset (big-endian).
constexpr QByteArrayView qcow2Magic("QFI\xfb", 4);
constexpr qsizetype version2HeaderBytes = 72;
constexpr qsizetype version3HeaderBytes = 104;
// Incompatible feature bits: 0 dirty, 1 corrupt, 2 external data file,
// 3 compression type, 4 extended L2 entries.
constexpr quint64 corruptBit = 1U << 1;
constexpr quint64 externalDataBit = 1U << 2;
constexpr quint64 knownIncompatible = 0x1F;
constexpr quint32 extensionEnd = 0;
constexpr quint32 extensionExternalDataFile = 0x44415441;
constexpr quint32 extensionEncryption = 0x0537be77;
constexpr quint32 longestBackingName = 1023; // qemu's own limit

// ISO 9660: the primary volume descriptor is the 17th 2048-byte sector.
constexpr qsizetype isoDescriptor = 16 * 2048;

/// Big-endian @p T at @p at, if @p bytes hold it.
template<typename T>
std::optional<T> bigEndian(QByteArrayView bytes, quint64 at)
{
    if (at > quint64(bytes.size()) || quint64(bytes.size()) - at < sizeof(T)) {
        return std::nullopt;
    }
    return qFromBigEndian<T>(bytes.data() + at);
}

bool has(QByteArrayView bytes, qsizetype at, QByteArrayView magic)
{
    return bytes.size() >= at + magic.size() && bytes.sliced(at, magic.size()) == magic;
}

Error refused(const QString &why)
{
    return Error{.message = i18nc("@info", "This file cannot be used as a disk image"), .details = why};
}

QString readsNodeFile(const QString &what, const QString &name)
{
    return name.isEmpty() ? i18nc("@info %1 is 'a backing file' or 'an external data file'",
                                "it names %1 on the node, which a machine made from it would read", what)
                          : i18nc("@info %1 is 'a backing file' or 'an external data file', %2 a path",
                                "it names %1 on the node, “%2”, which a machine made from it would read", what, name);
}

/// The extensions after a qcow2 header, up to the end marker: none may
/// point outside the image.
std::optional<Error> checkExtensions(QByteArrayView head, quint64 at, quint64 clusterBytes)
{
    const quint64 end = std::min<quint64>(quint64(head.size()), clusterBytes);
    for (;;) { // each extension is at least 8 bytes, so this ends
        const std::optional<quint32> type = bigEndian<quint32>(head, at);
        const std::optional<quint32> length = bigEndian<quint32>(head, at + 4);
        if (!type || !length || at + 8 > end) {
            return refused(i18nc("@info", "its qcow2 header extensions run past the end of its first cluster"));
        }
        if (*type == extensionEnd) {
            return std::nullopt;
        }
        const quint64 padded = (quint64(*length) + 7) & ~quint64(7);
        if (padded > end - at - 8) {
            return refused(i18nc("@info", "a qcow2 header extension runs past the end of its first cluster"));
        }
        if (*type == extensionExternalDataFile) {
            const QString name = QString::fromUtf8(head.sliced(qsizetype(at + 8), qsizetype(*length)));
            return refused(readsNodeFile(i18nc("@info", "an external data file"), name));
        }
        if (*type == extensionEncryption) {
            return refused(i18nc("@info", "it is encrypted, and a node cannot be given its key"));
        }
        at += 8 + padded;
    }
}

Result<Image> qcow2(QByteArrayView head)
{
    const auto u32 = [head](quint64 at) { return bigEndian<quint32>(head, at).value_or(0); };
    const auto u64 = [head](quint64 at) { return bigEndian<quint64>(head, at).value_or(0); };
    if (head.size() < version2HeaderBytes) {
        return refused(i18nc("@info", "it ends inside its qcow2 header"));
    }
    const quint32 version = u32(4);
    if (version != 2 && version != 3) {
        return refused(i18nc("@info", "it is qcow2 version %1; Flotilla reads versions 2 and 3", version));
    }
    const quint32 clusterBits = u32(20);
    if (clusterBits < 9 || clusterBits > 21) {
        return refused(i18nc("@info", "its qcow2 cluster size (2^%1 bytes) is not one qemu allows", clusterBits));
    }
    const quint64 clusterBytes = quint64(1) << clusterBits;
    quint64 headerBytes = version2HeaderBytes;
    quint64 incompatible = 0;
    if (version == 3) {
        if (head.size() < version3HeaderBytes) {
            return refused(i18nc("@info", "it ends inside its qcow2 header"));
        }
        incompatible = u64(72);
        headerBytes = u32(100);
        if (headerBytes < version3HeaderBytes || headerBytes % 8 != 0 || headerBytes > clusterBytes) {
            return refused(i18nc("@info", "its qcow2 header gives an impossible length (%1 bytes)", headerBytes));
        }
    }
    // First the extensions: one of them names an external data file.
    if (const std::optional<Error> extensions = checkExtensions(head, headerBytes, clusterBytes)) {
        return *extensions;
    }
    if (incompatible & corruptBit) {
        return refused(i18nc("@info", "qemu has marked it corrupt; “qemu-img check -r all” may repair it"));
    }
    if (incompatible & externalDataBit) {
        return refused(readsNodeFile(i18nc("@info", "an external data file"), {}));
    }
    if (incompatible & ~knownIncompatible) {
        return refused(i18nc("@info", "it uses a qcow2 feature Flotilla does not know (incompatible features %1)",
            QString::number(incompatible & ~knownIncompatible, 16)));
    }
    if (u32(32) != 0) {
        return refused(i18nc("@info", "it is encrypted, and a node cannot be given its key"));
    }
    const quint64 backingOffset = u64(8);
    const quint32 backingBytes = u32(16);
    if (backingOffset != 0 || backingBytes != 0) {
        const bool readable = backingBytes <= longestBackingName && backingOffset <= quint64(head.size())
            && quint64(head.size()) - backingOffset >= backingBytes;
        return refused(readsNodeFile(i18nc("@info", "a backing file"),
            readable ? QString::fromUtf8(head.sliced(qsizetype(backingOffset), backingBytes)) : QString()));
    }
    const quint64 virtualBytes = u64(24);
    if (virtualBytes == 0) {
        return refused(i18nc("@info", "its virtual size is zero"));
    }
    return Image{.format = Format::Qcow2, .virtualBytes = virtualBytes};
}

/// Formats and containers that are no disk for a machine as they are, each
/// with what the user can do about it.
std::optional<QString> otherKind(QByteArrayView head)
{
    const struct {
        qsizetype at;
        QByteArrayView magic;
        const char *what; // a format's name
    } known[] = {
        {0, "KDMV", "VMDK"},
        {0, "# Disk DescriptorFile", "VMDK"},
        {64, QByteArrayView("\x7f\x10\xda\xbe", 4), "VirtualBox VDI"},
        {0, "vhdxfile", "VHDX"},
        {0, "conectix", "VHD"},
        {0, QByteArrayView("QED\0", 4), "QED"},
    };
    for (const auto &kind : known) {
        if (has(head, kind.at, kind.magic)) {
            return i18nc("@info %1 is a disk format such as VMDK",
                "it is a %1 image; convert it to qcow2 first (qemu-img convert -O qcow2)",
                QString::fromLatin1(kind.what));
        }
    }
    const struct {
        qsizetype at;
        QByteArrayView magic;
    } packed[] = {
        {0, QByteArrayView("\x1f\x8b", 2)}, // gzip
        {0,
            QByteArrayView("\xfd"
                           "7zXZ\0",
                6)}, // xz
        {0, QByteArrayView("\x28\xb5\x2f\xfd", 4)}, // zstd
        {0, "BZh"}, // bzip2
        {0, QByteArrayView("PK\x03\x04", 4)}, // zip
        {257, "ustar"}, // tar
    };
    for (const auto &kind : packed) {
        if (has(head, kind.at, kind.magic)) {
            return i18nc("@info", "it is compressed or an archive; unpack the disk image inside it first");
        }
    }
    return std::nullopt;
}

Result<Image> iso(QByteArrayView head, quint64 fileBytes)
{
    const QByteArrayView descriptor = head.sliced(isoDescriptor);
    const quint64 blocks = qFromLittleEndian<quint32>(descriptor.data() + 80);
    const quint64 blockBytes = qFromLittleEndian<quint16>(descriptor.data() + 128);
    if (blockBytes == 0 || blocks * blockBytes > fileBytes) {
        return refused(
            i18nc("@info", "it is an ISO image that ends before its last block; the download may have stopped"));
    }
    return Image{.format = Format::Iso, .virtualBytes = fileBytes};
}

/// A raw disk begins with a partition table or a file system.
bool looksLikeDisk(QByteArrayView head)
{
    return has(head, 510, QByteArrayView("\x55\xaa", 2)) // MBR, or GPT's protective one
        || has(head, 512, "EFI PART") // GPT
        || has(head, 1080, QByteArrayView("\x53\xef", 2)) // ext2, ext3, ext4
        || has(head, 0, "XFSB") // XFS
        || has(head, 65600, "_BHRfS_M") // btrfs
        || has(head, 0, QByteArrayView("LUKS\xba\xbe", 6)) // an encrypted disk, opened inside the guest
        || has(head, 512, "LABELONE"); // an LVM physical volume
}

} // namespace

Result<Image> inspect(QByteArrayView head, quint64 fileBytes)
{
    head = head.first(qsizetype(std::min<quint64>(quint64(head.size()), fileBytes)));
    if (fileBytes == 0) {
        return refused(i18nc("@info", "it is empty"));
    }
    if (has(head, 0, qcow2Magic)) {
        return qcow2(head);
    }
    if (const std::optional<QString> other = otherKind(head)) {
        return refused(*other);
    }
    if (has(head, isoDescriptor,
            QByteArrayView("\x01"
                           "CD001",
                6))
        && head.size() >= isoDescriptor + 2048) {
        return iso(head, fileBytes);
    }
    if (!looksLikeDisk(head)) {
        return refused(i18nc("@info",
            "it is not a qcow2 or ISO image, and as a raw disk it has neither a partition table nor a file system"));
    }
    if (fileBytes % sector != 0) {
        return refused(i18nc("@info",
            "as a raw disk its size is not a whole number of 512-byte sectors; the download may have stopped"));
    }
    return Image{.format = Format::Raw, .virtualBytes = fileBytes};
}

Result<Image> inspectFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile()) {
        return Error{.message = i18nc("@info", "“%1” is not a file", path)};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{.message = i18nc("@info", "Could not read “%1”", path), .details = file.errorString()};
    }
    const QByteArray head = file.read(headBytes);
    return inspect(head, quint64(file.size()));
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Qcow2:
        return QStringLiteral("qcow2");
    case Format::Iso:
        return QStringLiteral("iso");
    case Format::Raw:
        break;
    }
    return QStringLiteral("raw");
}

} // namespace Flotilla::ImageHeader
