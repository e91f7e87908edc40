// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/storagepool.h"

#include "model/names.h"
#include "model/xmlelements.h"

#include <KLocalizedString>

#include <QLocale>
#include <QRegularExpression>
#include <QXmlStreamWriter>

namespace Flotilla::StoragePools
{

QString typeName(PoolSpec::Type type)
{
    switch (type) {
    case PoolSpec::Type::Directory:
        return QStringLiteral("dir");
    case PoolSpec::Type::Lvm:
        return QStringLiteral("logical");
    case PoolSpec::Type::Nfs:
        return QStringLiteral("netfs");
    }
    return {};
}

Result<bool> readXml(const QByteArray &xml, StoragePool &pool)
{
    QString host;
    QString directory;
    QString sourceName;
    QString device;
    const QString error = XmlElements::walk(xml, [&](const QString &at, QXmlStreamReader &reader) {
        if (at == QLatin1StringView("pool")) {
            pool.type = reader.attributes().value(QLatin1StringView("type")).toString();
        } else if (at == QLatin1StringView("pool/source/host")) {
            host = reader.attributes().value(QLatin1StringView("name")).toString();
        } else if (at == QLatin1StringView("pool/source/dir")) {
            directory = reader.attributes().value(QLatin1StringView("path")).toString();
        } else if (at == QLatin1StringView("pool/source/device") && device.isEmpty()) {
            device = reader.attributes().value(QLatin1StringView("path")).toString();
        } else if (at == QLatin1StringView("pool/source/name")) {
            sourceName = reader.readElementText();
            return true;
        } else if (at == QLatin1StringView("pool/target/path")) {
            pool.path = reader.readElementText();
            return true;
        }
        return false;
    });
    if (!error.isEmpty()) {
        return Error{
            .message = i18nc("@info", "The node described the pool %1 in a way Flotilla cannot read", pool.name),
            .details = error};
    }
    if (!host.isEmpty()) {
        pool.source = directory.isEmpty() ? host : host + QLatin1Char(':') + directory;
    } else {
        pool.source = !sourceName.isEmpty() ? sourceName : device;
    }
    return true;
}

namespace
{
QString pathProblem(const QString &path, const QString &what)
{
    if (path.isEmpty()) {
        return i18nc("@info %1 is what the path is for", "%1 needs a path.", what);
    }
    if (!path.startsWith(QLatin1Char('/')) || path.contains(QLatin1StringView("/../"))
        || path.endsWith(QLatin1StringView("/..")) || path.contains(QLatin1Char('\n'))) {
        return i18nc("@info %1 is what the path is for",
            "%1 needs an absolute path on the node, such as /srv/pools/fast.", what);
    }
    return {};
}
} // namespace

QString problem(const PoolSpec &spec, const QList<StoragePool> &existing)
{
    if (const QString wrong = Names::problem(spec.name, i18nc("@info", "A pool needs a name.")); !wrong.isEmpty()) {
        return wrong;
    }
    if (std::ranges::any_of(existing, [&](const StoragePool &pool) { return pool.name == spec.name; })) {
        return i18nc("@info", "This node already has a pool named “%1”.", spec.name);
    }
    static const QRegularExpression volumeGroup(QStringLiteral("^[A-Za-z0-9+_.][A-Za-z0-9+_.-]{0,126}$"));
    static const QRegularExpression host(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.:-]{0,252})$"));
    switch (spec.type) {
    case PoolSpec::Type::Directory:
        return pathProblem(spec.path, i18nc("@info", "The directory"));
    case PoolSpec::Type::Lvm:
        if (spec.volumeGroup.isEmpty()) {
            return i18nc("@info", "Name the node's LVM volume group the pool uses.");
        }
        return volumeGroup.match(spec.volumeGroup).hasMatch() && !spec.volumeGroup.startsWith(QLatin1Char('.'))
            ? QString()
            : i18nc("@info", "“%1” cannot be a volume group's name.", spec.volumeGroup);
    case PoolSpec::Type::Nfs:
        if (!host.match(spec.host).hasMatch()) {
            return spec.host.isEmpty() ? i18nc("@info", "Name the NFS server.")
                                       : i18nc("@info", "“%1” is not a host name or address.", spec.host);
        }
        if (const QString wrong = pathProblem(spec.exportPath, i18nc("@info", "The export")); !wrong.isEmpty()) {
            return wrong;
        }
        return pathProblem(spec.path, i18nc("@info", "The mount point"));
    }
    return {};
}

Result<QByteArray> definition(const PoolSpec &spec)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartElement(QStringLiteral("pool"));
    writer.writeAttribute(QStringLiteral("type"), typeName(spec.type));
    writer.writeTextElement(QStringLiteral("name"), spec.name);
    QString target = spec.path;
    if (spec.type == PoolSpec::Type::Lvm) {
        writer.writeStartElement(QStringLiteral("source"));
        writer.writeTextElement(QStringLiteral("name"), spec.volumeGroup);
        writer.writeEmptyElement(QStringLiteral("format"));
        writer.writeAttribute(QStringLiteral("type"), QStringLiteral("lvm2"));
        writer.writeEndElement();
        target = QStringLiteral("/dev/") + spec.volumeGroup;
    } else if (spec.type == PoolSpec::Type::Nfs) {
        writer.writeStartElement(QStringLiteral("source"));
        writer.writeEmptyElement(QStringLiteral("host"));
        writer.writeAttribute(QStringLiteral("name"), spec.host);
        writer.writeEmptyElement(QStringLiteral("dir"));
        writer.writeAttribute(QStringLiteral("path"), spec.exportPath);
        writer.writeEmptyElement(QStringLiteral("format"));
        writer.writeAttribute(QStringLiteral("type"), QStringLiteral("nfs"));
        writer.writeEndElement();
    }
    writer.writeStartElement(QStringLiteral("target"));
    writer.writeTextElement(QStringLiteral("path"), target);
    writer.writeEndElement();
    writer.writeEndElement();
    if (writer.hasError()) {
        return Error{.message = i18nc("@info", "Could not write the pool's definition")};
    }
    return xml;
}

QString volumeProblem(const VolumeSpec &spec, const QStringList &existing)
{
    if (const QString wrong = Names::problem(spec.name, i18nc("@info", "A volume needs a name.")); !wrong.isEmpty()) {
        return wrong;
    }
    if (existing.contains(spec.name)) {
        return i18nc("@info", "This pool already has a volume named “%1”.", spec.name);
    }
    if (spec.format != QLatin1StringView("qcow2") && spec.format != QLatin1StringView("raw")) {
        return i18nc("@info", "A new volume is qcow2 or raw.");
    }
    if (spec.capacityBytes == 0) {
        return i18nc("@info", "A volume needs a size.");
    }
    return {};
}

QString resizeProblem(quint64 currentBytes, quint64 newBytes)
{
    if (newBytes < currentBytes) {
        return i18nc("@info %1 is a size",
            "A volume only grows: making it smaller than %1 would cut off what its machine wrote there.",
            QLocale().formattedDataSize(qint64(currentBytes)));
    }
    if (newBytes == currentBytes) {
        return i18nc("@info", "That is its size now.");
    }
    return {};
}

} // namespace Flotilla::StoragePools
