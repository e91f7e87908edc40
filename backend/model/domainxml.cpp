// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/domainxml.h"

#include "model/tags.h"

#include <KLocalizedString>

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <limits>

namespace Flotilla::DomainXml
{

namespace
{

Error invalid(const QString &details)
{
    return Error{.message = i18nc("@info", "The machine's description (domain XML) is not valid"), .details = details};
}

/// Whether XML 1.0 can hold @p text (its Char production): no control
/// characters but tab and line ends, no lone surrogates, no U+FFFE or U+FFFF.
bool xmlCanHold(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
            ++i;
            continue;
        }
        if (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD))) {
            return false;
        }
    }
    return true;
}

/// The current element's path from the root, e.g. {"domain", "devices", "disk"}.
class Reader
{
public:
    explicit Reader(QByteArrayView xml)
        : m_xml(xml)
    {
    }

    QXmlStreamReader m_xml;
    QStringList m_path;
    DomainDescription m_domain;
    Disk *m_disk = nullptr;
    NetworkInterface *m_interface = nullptr;

    QString attribute(QLatin1StringView name) const { return m_xml.attributes().value(name).toString(); }
    bool at(std::initializer_list<QLatin1StringView> path) const
    {
        if (m_path.size() != qsizetype(path.size())) {
            return false;
        }
        return std::equal(path.begin(), path.end(), m_path.begin());
    }
    bool inFlotillaMetadata() const
    {
        return m_path.size() >= 3 && m_path.at(1) == QLatin1StringView("metadata")
            && m_xml.namespaceUri() == QLatin1StringView(metadataNamespace);
    }
};

Result<quint64> memoryText(Reader &reader)
{
    const QString unit = reader.attribute(QLatin1StringView("unit"));
    const QString text = reader.m_xml.readElementText();
    reader.m_path.removeLast(); // readElementText consumed the end element
    quint64 bytes = 0;
    if (!toBytes(text, unit.isEmpty() ? QStringLiteral("KiB") : unit, &bytes)) {
        return invalid(i18nc("@info", "memory size '%1 %2' at line %3", text, unit, reader.m_xml.lineNumber()));
    }
    return bytes;
}

void startDevice(Reader &reader)
{
    const QStringView name = reader.m_xml.name();
    if (name == QLatin1StringView("disk")) {
        reader.m_domain.disks.append(Disk{.device = reader.attribute(QLatin1StringView("device"))});
        reader.m_disk = &reader.m_domain.disks.last();
    } else if (name == QLatin1StringView("interface")) {
        reader.m_domain.interfaces.append(NetworkInterface{.type = reader.attribute(QLatin1StringView("type"))});
        reader.m_interface = &reader.m_domain.interfaces.last();
    } else if (name == QLatin1StringView("graphics")) {
        bool ok = false;
        const int port = reader.attribute(QLatin1StringView("port")).toInt(&ok);
        reader.m_domain.graphics.append(Graphics{.type = reader.attribute(QLatin1StringView("type")),
            .port = ok && port > 0 ? port : -1,
            .listen = reader.attribute(QLatin1StringView("listen")),
            .socket = reader.attribute(QLatin1StringView("socket")),
            .password = reader.attribute(QLatin1StringView("passwd"))});
    }
}

void startDiskChild(Reader &reader, Disk &disk)
{
    const QStringView name = reader.m_xml.name();
    if (name == QLatin1StringView("target")) {
        disk.target = reader.attribute(QLatin1StringView("dev"));
        disk.bus = reader.attribute(QLatin1StringView("bus"));
    } else if (name == QLatin1StringView("driver")) {
        disk.format = reader.attribute(QLatin1StringView("type"));
    } else if (name == QLatin1StringView("source")) {
        for (const auto key : {"file", "dev", "dir", "name", "volume"}) {
            const QString value = reader.attribute(QLatin1StringView(key));
            if (!value.isEmpty()) {
                const QString pool = reader.attribute(QLatin1StringView("pool"));
                disk.source = pool.isEmpty() ? value : pool + QLatin1Char('/') + value;
                break;
            }
        }
    }
}

void startInterfaceChild(Reader &reader, NetworkInterface &interface)
{
    const QStringView name = reader.m_xml.name();
    if (name == QLatin1StringView("mac")) {
        interface.mac = reader.attribute(QLatin1StringView("address")).toLower();
    } else if (name == QLatin1StringView("model")) {
        interface.model = reader.attribute(QLatin1StringView("type"));
    } else if (name == QLatin1StringView("target")) {
        interface.target = reader.attribute(QLatin1StringView("dev"));
    } else if (name == QLatin1StringView("source")) {
        for (const auto key : {"network", "bridge", "dev"}) {
            const QString value = reader.attribute(QLatin1StringView(key));
            if (!value.isEmpty()) {
                interface.source = value;
                break;
            }
        }
    }
}

/// The metadata's fields that are plain text, by their element's name.
constexpr std::pair<const char *, QString MachineMetadata::*> textFields[] = {{"workload", &MachineMetadata::workload},
    {"workload-id", &MachineMetadata::workloadId}, {"template", &MachineMetadata::templateName},
    {"template-file", &MachineMetadata::templateFile}, {"template-hash", &MachineMetadata::templateHash},
    {"policy", &MachineMetadata::policy}, {"lease", &MachineMetadata::lease}, {"note", &MachineMetadata::note},
    {"image", &MachineMetadata::image}, {"created", &MachineMetadata::created}, {"creator", &MachineMetadata::creator},
    {"maker", &MachineMetadata::maker}};

void readMetadataField(Reader &reader, MachineMetadata &metadata)
{
    const QString name = reader.m_xml.name().toString();
    const QString text = reader.m_xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
    reader.m_path.removeLast();
    for (const auto &[field, member] : textFields) {
        if (name == QLatin1StringView(field)) {
            metadata.*member = text;
            return;
        }
    }
    if (name == QLatin1StringView("tags")) {
        metadata.tags = Tags::split(text);
    } else if (name == QLatin1StringView("replica")) {
        bool ok = false;
        const int replica = text.toInt(&ok);
        metadata.replica = ok && replica >= 0 ? replica : -1;
    } else if (name == QLatin1StringView("unfinished")) {
        metadata.unfinished = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
}

Result<bool> startElement(Reader &reader)
{
    using L = QLatin1StringView;
    if (reader.m_path.size() > maxDepth) {
        return invalid(i18nc("@info", "elements nested more than %1 deep", maxDepth));
    }
    if (reader.at({L("domain")})) {
        reader.m_domain.type = reader.attribute(L("type"));
    } else if (reader.at({L("domain"), L("name")}) || reader.at({L("domain"), L("uuid")})
        || reader.at({L("domain"), L("title")}) || reader.at({L("domain"), L("description")})) {
        const QString field = reader.m_path.last();
        const QString text = reader.m_xml.readElementText();
        reader.m_path.removeLast();
        if (field == L("name")) {
            reader.m_domain.name = text;
        } else if (field == L("uuid")) {
            reader.m_domain.uuid = text.toLower();
        } else if (field == L("title")) {
            reader.m_domain.title = text;
        } else {
            reader.m_domain.description = text;
        }
    } else if (reader.at({L("domain"), L("memory")}) || reader.at({L("domain"), L("currentMemory")})) {
        const bool maximum = reader.m_path.last() == L("memory");
        Result<quint64> bytes = memoryText(reader);
        if (!bytes) {
            return bytes.error();
        }
        (maximum ? reader.m_domain.maxMemoryBytes : reader.m_domain.memoryBytes) = bytes.value();
    } else if (reader.at({L("domain"), L("vcpu")})) {
        const QString current = reader.attribute(L("current"));
        bool ok = false;
        const int maximum = reader.m_xml.readElementText().trimmed().toInt(&ok);
        reader.m_path.removeLast();
        const int now = current.isEmpty() ? maximum : current.toInt();
        if (!ok || maximum <= 0 || now <= 0 || now > maximum) {
            return invalid(i18nc("@info", "vCPU count at line %1", reader.m_xml.lineNumber()));
        }
        reader.m_domain.maxVcpus = maximum;
        reader.m_domain.vcpus = now;
    } else if (reader.m_path.size() == 3 && reader.m_path.at(1) == L("devices")) {
        startDevice(reader);
    } else if (reader.m_path.size() == 4 && reader.m_path.at(2) == L("disk") && reader.m_disk) {
        startDiskChild(reader, *reader.m_disk);
    } else if (reader.m_disk && reader.m_path.size() >= 5 && reader.m_path.at(2) == L("disk")
        && reader.m_path.last() == L("source") && reader.m_path.at(reader.m_path.size() - 2) == L("backingStore")) {
        for (const auto key : {"file", "dev"}) {
            if (const QString value = reader.attribute(QLatin1StringView(key)); !value.isEmpty()) {
                reader.m_disk->backingFiles.append(value);
                break;
            }
        }
    } else if (reader.m_path.size() == 4 && reader.m_path.at(2) == L("interface") && reader.m_interface) {
        startInterfaceChild(reader, *reader.m_interface);
    } else if (reader.at({L("domain"), L("devices"), L("graphics"), L("listen")})
        && !reader.m_domain.graphics.isEmpty()) {
        // <listen type='address' address=…/> or type='socket' socket=…/>, as
        // libvirt writes them beside (or instead of) the older attributes.
        Graphics &graphics = reader.m_domain.graphics.last();
        const QString type = reader.attribute(L("type"));
        if (type == L("socket") && graphics.socket.isEmpty()) {
            graphics.socket = reader.attribute(L("socket"));
        } else if (type == L("address") && graphics.listen.isEmpty()) {
            graphics.listen = reader.attribute(L("address"));
        }
    } else if (reader.m_path.size() == 4 && reader.inFlotillaMetadata()) {
        readMetadataField(reader, reader.m_domain.metadata);
    }
    return true;
}

} // namespace

bool toBytes(QStringView number, QStringView unit, quint64 *bytes)
{
    static const QList<std::pair<QLatin1StringView, quint64>> units = {
        {QLatin1StringView("b"), 1},
        {QLatin1StringView("bytes"), 1},
        {QLatin1StringView("KB"), 1000},
        {QLatin1StringView("k"), 1024},
        {QLatin1StringView("KiB"), 1024},
        {QLatin1StringView("MB"), 1000000},
        {QLatin1StringView("M"), 1 << 20},
        {QLatin1StringView("MiB"), 1 << 20},
        {QLatin1StringView("GB"), 1000000000},
        {QLatin1StringView("G"), 1ull << 30},
        {QLatin1StringView("GiB"), 1ull << 30},
        {QLatin1StringView("TB"), 1000000000000ull},
        {QLatin1StringView("T"), 1ull << 40},
        {QLatin1StringView("TiB"), 1ull << 40},
    };
    bool ok = false;
    const quint64 value = number.trimmed().toULongLong(&ok);
    if (!ok) {
        return false;
    }
    for (const auto &[name, factor] : units) {
        if (unit == name) {
            if (value > std::numeric_limits<quint64>::max() / factor) {
                return false;
            }
            *bytes = value * factor;
            return true;
        }
    }
    return false;
}

Result<DomainDescription> parse(QByteArrayView xml)
{
    if (xml.size() > maxBytes) {
        return invalid(i18nc("@info", "%1 bytes, more than the %2 Flotilla accepts", xml.size(), maxBytes));
    }
    Reader reader(xml);
    while (!reader.m_xml.atEnd()) {
        switch (reader.m_xml.readNext()) {
        case QXmlStreamReader::StartElement: {
            reader.m_path.append(reader.m_xml.name().toString());
            if (reader.m_path.size() == 1 && reader.m_path.first() != QLatin1StringView("domain")) {
                return invalid(i18nc("@info", "the root element is <%1>, not <domain>", reader.m_path.first()));
            }
            Result<bool> started = startElement(reader);
            if (!started) {
                return started.error();
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if (reader.m_path.size() == 3 && reader.m_path.at(1) == QLatin1StringView("devices")) {
                reader.m_disk = nullptr;
                reader.m_interface = nullptr;
            }
            reader.m_path.removeLast();
            break;
        case QXmlStreamReader::DTD:
            return invalid(i18nc("@info", "a document type declaration, which domain XML never has"));
        default:
            break;
        }
    }
    if (reader.m_xml.hasError()) {
        return invalid(i18nc("@info", "%1 at line %2", reader.m_xml.errorString(), reader.m_xml.lineNumber()));
    }
    if (reader.m_domain.name.isEmpty() || reader.m_domain.uuid.isEmpty()) {
        return invalid(i18nc("@info", "no name or no UUID"));
    }
    if (reader.m_domain.memoryBytes == 0) {
        reader.m_domain.memoryBytes = reader.m_domain.maxMemoryBytes;
    }
    return reader.m_domain;
}

Result<QString> metadataElement(const MachineMetadata &metadata)
{
    const auto refused = [](const QString &why) {
        return Error{.message = i18nc("@info", "Could not write Flotilla's metadata"), .details = why};
    };
    if (const QString problem = Tags::problem(metadata.tags); !problem.isEmpty()) {
        return refused(problem); // it would not come back as written
    }
    // Without a namespace: virDomainSetMetadata puts it in ours, with our prefix.
    QString xml;
    QXmlStreamWriter writer(&xml);
    bool holdable = true; // Qt 6.8's writer lets some of what XML cannot hold through
    const auto write = [&writer, &holdable](const QString &name, const QString &text) {
        holdable = holdable && xmlCanHold(text);
        writer.writeTextElement(name, text);
    };
    writer.writeStartElement(QStringLiteral("machine"));
    for (const auto &[field, member] : textFields) {
        if (!(metadata.*member).isEmpty()) {
            write(QString::fromLatin1(field), metadata.*member);
        }
    }
    if (!metadata.tags.isEmpty()) {
        write(QStringLiteral("tags"), Tags::join(metadata.tags));
    }
    if (metadata.replica >= 0) {
        write(QStringLiteral("replica"), QString::number(metadata.replica));
    }
    if (!metadata.unfinished.isEmpty()) {
        write(QStringLiteral("unfinished"), metadata.unfinished.join(QLatin1Char('\n')));
    }
    writer.writeEndElement();
    if (writer.hasError() || !holdable) {
        return refused(i18nc("@info", "the text holds characters XML cannot hold"));
    }
    return xml;
}

Result<MachineMetadata> parseMetadataElement(QByteArrayView xml)
{
    if (xml.size() > maxBytes) {
        return invalid(i18nc("@info", "metadata of %1 bytes", xml.size()));
    }
    // Wrapped so the element sits where it does inside a domain; an element
    // without a namespace of its own is taken to be in ours.
    QByteArray document = "<domain><name>m</name><uuid>0</uuid><metadata xmlns='";
    document.append(metadataNamespace).append("'>");
    document.append(xml.toByteArray()).append("</metadata></domain>");
    Result<DomainDescription> domain = parse(document);
    if (!domain) {
        return domain.error();
    }
    return domain.value().metadata;
}

} // namespace Flotilla::DomainXml
