// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/machineclone.h"

#include "model/domainxml.h"
#include "model/xmlelements.h"

#include <KLocalizedString>

#include <QStringList>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace Flotilla::MachineClone
{

namespace
{
using XmlElements::changed;
using XmlElements::writeStart;

/// A disk source's key as CloneIdentity names it: its file or device, or "pool/volume".
QString sourceKey(const QXmlStreamAttributes &attributes)
{
    for (const char *key : {"file", "dev"}) {
        if (attributes.hasAttribute(QLatin1StringView(key))) {
            return attributes.value(QLatin1StringView(key)).toString();
        }
    }
    return attributes.value(QLatin1StringView("pool")) + QLatin1Char('/')
        + attributes.value(QLatin1StringView("volume"));
}

/// Rewrites the disk source at the reader: its file, device or pool and
/// volume where @p identity moves it. Returns false for a source it does not move.
bool writeDiskSource(QXmlStreamWriter &writer, const QXmlStreamReader &reader, const CloneIdentity &identity)
{
    const QXmlStreamAttributes attributes = reader.attributes();
    const QString source = sourceKey(attributes);
    if (!identity.disks.contains(source)) {
        return false;
    }
    const QString target = identity.disks.value(source);
    for (const char *key : {"file", "dev"}) {
        if (attributes.hasAttribute(QLatin1StringView(key))) {
            writeStart(writer, reader, changed(attributes, {{QLatin1StringView(key), target}}));
            return true;
        }
    }
    writeStart(writer, reader,
        changed(attributes,
            {{QStringLiteral("pool"), target.section(QLatin1Char('/'), 0, 0)},
                {QStringLiteral("volume"), target.section(QLatin1Char('/'), 1)}}));
    return true;
}

/// Each disk's source key, in the order of the disks: a disk's driver comes
/// before its source, so its new format is known only from a first reading.
QStringList diskSources(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QStringList sources;
    QStringList path;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
        } else if (token == QXmlStreamReader::StartElement) {
            path.append(reader.name().toString());
            const QString at = path.join(QLatin1Char('/'));
            if (at == QLatin1StringView("domain/devices/disk")) {
                sources.append(QString());
            } else if (at == QLatin1StringView("domain/devices/disk/source") && !sources.isEmpty()) {
                sources.last() = sourceKey(reader.attributes());
            }
        }
    }
    return sources;
}

/// The definition in @p xml with its disks moved as @p identity says; and
/// when @p newMac is given, made the clone's (see definition()).
Result<QByteArray> rewrite(const QByteArray &xml, const CloneIdentity &identity, const std::function<QString()> &newMac)
{
    const bool asClone = bool(newMac);
    const QStringList sources = diskSources(xml);
    qsizetype disk = -1;
    bool formatWritten = false;
    QXmlStreamReader reader(xml);
    QByteArray out;
    QXmlStreamWriter writer(&out);
    QStringList path;
    bool inMovedDisk = false;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (path.join(QLatin1Char('/')) == QLatin1StringView("domain/devices/disk")) {
                inMovedDisk = false;
            }
            path.removeLast();
            writer.writeCurrentToken(reader);
            continue;
        }
        if (token != QXmlStreamReader::StartElement) {
            if (token != QXmlStreamReader::StartDocument && token != QXmlStreamReader::EndDocument) {
                writer.writeCurrentToken(reader);
            }
            continue;
        }
        path.append(reader.name().toString());
        const QString at = path.join(QLatin1Char('/'));
        const QXmlStreamAttributes attributes = reader.attributes();
        const QString newFormat = at == QLatin1StringView("domain/devices/disk/driver")
            ? identity.formats.value(sources.value(disk))
            : QString();
        if (at == QLatin1StringView("domain/devices/disk")) {
            ++disk;
            formatWritten = false;
            writer.writeCurrentToken(reader);
        } else if (!newFormat.isEmpty()) {
            writeStart(writer, reader, changed(attributes, {{QStringLiteral("type"), newFormat}}));
            formatWritten = true;
        } else if (!asClone && at != QLatin1StringView("domain/devices/disk/source")
            && at != QLatin1StringView("domain/devices/disk/backingStore")) {
            writer.writeCurrentToken(reader);
        } else if (at == QLatin1StringView("domain/name") || at == QLatin1StringView("domain/uuid")) {
            writer.writeTextElement(reader.qualifiedName().toString(),
                at.endsWith(QLatin1StringView("name")) ? identity.name : identity.uuid);
            reader.skipCurrentElement();
            path.removeLast();
        } else if (at == QLatin1StringView("domain/metadata")
            && reader.namespaceUri().isEmpty()) { // the <metadata> element itself: its children are checked below
            writer.writeCurrentToken(reader);
        } else if (path.size() == 3 && path.at(1) == QLatin1StringView("metadata")
            && reader.namespaceUri() == QLatin1StringView(DomainXml::metadataNamespace)) {
            reader.skipCurrentElement(); // Flotilla's own: the caller writes the clone's
            path.removeLast();
        } else if (at == QLatin1StringView("domain/devices/interface/mac")) {
            writeStart(writer, reader, changed(attributes, {{QStringLiteral("address"), newMac()}}));
        } else if (at == QLatin1StringView("domain/devices/interface/target")) {
            reader.skipCurrentElement(); // the host's device of the running parent
            path.removeLast();
        } else if (at == QLatin1StringView("domain/devices/disk/source")) {
            const QString format = identity.formats.value(sources.value(disk));
            if (!format.isEmpty() && !formatWritten) { // a disk with no driver named: the format goes before its source
                writer.writeEmptyElement(QStringLiteral("driver"));
                writer.writeAttribute(QStringLiteral("name"), QStringLiteral("qemu"));
                writer.writeAttribute(QStringLiteral("type"), format);
            }
            const QString source = sources.value(disk);
            if (identity.disks.contains(source) && identity.disks.value(source).isEmpty()) {
                reader.skipCurrentElement(); // an emptied drive
                path.removeLast();
                inMovedDisk = true;
                continue;
            }
            inMovedDisk = writeDiskSource(writer, reader, identity);
            if (!inMovedDisk) {
                writer.writeCurrentToken(reader);
            }
        } else if (at == QLatin1StringView("domain/devices/disk/backingStore") && inMovedDisk) {
            reader.skipCurrentElement(); // the node reads the clone's own chain
            path.removeLast();
        } else if (at == QLatin1StringView("domain/os/nvram")) {
            writeStart(writer, reader, attributes);
            reader.skipCurrentElement(); // its path: the node makes the clone a store of its own
            writer.writeEndElement();
            path.removeLast();
        } else if (at == QLatin1StringView("domain/devices/graphics")) {
            writeStart(writer, reader,
                changed(attributes, {{QStringLiteral("autoport"), QStringLiteral("yes")}},
                    {QStringLiteral("port"), QStringLiteral("tlsPort"), QStringLiteral("websocket")}));
        } else {
            writer.writeCurrentToken(reader);
        }
    }
    if (reader.hasError() || writer.hasError()) {
        return Error{.message = i18nc("@info", "Could not make the clone's definition"),
            .details = reader.hasError() ? reader.errorString() : QString()};
    }
    return out;
}

} // namespace

Result<QByteArray> definition(
    const QByteArray &parentXml, const CloneIdentity &identity, const std::function<QString()> &newMac)
{
    Q_ASSERT(newMac);
    return rewrite(parentXml, identity, newMac);
}

Result<QByteArray> withDisks(
    const QByteArray &xml, const QHash<QString, QString> &disks, const QHash<QString, QString> &formats)
{
    return rewrite(xml, CloneIdentity{.disks = disks, .formats = formats}, {});
}

} // namespace Flotilla::MachineClone
