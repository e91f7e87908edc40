// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodefile.h"

#include "model/domainxml.h"

#include <QSaveFile>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace Flotilla::Testing::NodeFile
{

namespace
{

const QString testNamespace = QStringLiteral("http://libvirt.org/schemas/domain/test/1.0");

/// Flotilla's metadata element as Flotilla itself writes it, in its namespace.
void writeMetadata(QXmlStreamWriter &xml, const MachineMetadata &metadata)
{
    const QString ns = QLatin1StringView(DomainXml::metadataNamespace);
    xml.writeStartElement(QStringLiteral("metadata"));
    xml.writeNamespace(ns, QLatin1StringView(DomainXml::metadataPrefix));
    // A tag the writer refuses leaves the element empty: the test comparing
    // tags then fails on it.
    const Result<QString> written = DomainXml::metadataElement(metadata);
    QXmlStreamReader element(written.ok() ? written.value() : QString());
    while (!element.atEnd()) {
        switch (element.readNext()) {
        case QXmlStreamReader::StartElement:
            xml.writeStartElement(ns, element.name().toString());
            break;
        case QXmlStreamReader::Characters:
            xml.writeCharacters(element.text().toString());
            break;
        case QXmlStreamReader::EndElement:
            xml.writeEndElement();
            break;
        default:
            break;
        }
    }
    xml.writeEndElement();
}

void writeMachine(QXmlStreamWriter &xml, const MachineSpec &machine)
{
    xml.writeStartElement(QStringLiteral("domain"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("test"));
    xml.writeNamespace(testNamespace, QStringLiteral("test"));
    xml.writeTextElement(QStringLiteral("name"), machine.name);
    xml.writeTextElement(QStringLiteral("uuid"), machine.uuid);
    writeMetadata(xml, MachineMetadata{.tags = machine.tags});
    xml.writeStartElement(QStringLiteral("memory"));
    xml.writeAttribute(QStringLiteral("unit"), QStringLiteral("MiB"));
    xml.writeCharacters(QStringLiteral("256"));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("vcpu"), QStringLiteral("1"));
    xml.writeStartElement(QStringLiteral("os"));
    xml.writeTextElement(QStringLiteral("type"), QStringLiteral("hvm"));
    xml.writeEndElement();
    if (machine.state != MachineState::Running) {
        xml.writeTextElement(testNamespace, QStringLiteral("runstate"), QString::number(int(machine.state)));
    }
    xml.writeEndElement();
}

} // namespace

MachineSpec sampleMachine(int index)
{
    const int tenth = index % 10;
    return MachineSpec{
        .uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(index, 12, 10, QLatin1Char('0')),
        .name = QStringLiteral("m-%1").arg(index, 4, 10, QLatin1Char('0')),
        .state = tenth < 7 ? MachineState::Running
            : tenth == 7   ? MachineState::Paused
                           : MachineState::Off,
        .tags = {QStringLiteral("rack-%1").arg(index % 5), index % 2 ? QStringLiteral("odd") : QStringLiteral("even")},
    };
}

QList<MachineSpec> sample(int count)
{
    QList<MachineSpec> machines;
    machines.reserve(count);
    for (int index = 0; index < count; ++index) {
        machines.append(sampleMachine(index));
    }
    return machines;
}

void writeHost(QXmlStreamWriter &xml)
{
    xml.writeStartElement(QStringLiteral("cpu"));
    for (const auto &[element, value] :
        {std::pair{"nodes", 1}, {"sockets", 2}, {"cores", 16}, {"threads", 2}, {"active", 64}, {"mhz", 3000}}) {
        xml.writeTextElement(QLatin1StringView(element), QString::number(value));
    }
    xml.writeTextElement(QStringLiteral("model"), QStringLiteral("x86_64"));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("memory"), QString::number(512ull << 20)); // KiB: 512 GiB
}

Result<bool> write(const QString &path, const QList<MachineSpec> &machines)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{.message = QStringLiteral("cannot write %1").arg(path), .details = file.errorString()};
    }
    QXmlStreamWriter xml(&file);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("node"));
    writeHost(xml);
    for (const MachineSpec &machine : machines) {
        writeMachine(xml, machine);
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    if (xml.hasError() || !file.commit()) {
        return Error{.message = QStringLiteral("cannot write %1").arg(path), .details = file.errorString()};
    }
    return true;
}

} // namespace Flotilla::Testing::NodeFile
