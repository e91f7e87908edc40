// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "generatedfleet.h"

#include "model/domainxml.h"
#include "nodefile.h"

#include <QFile>
#include <QRandomGenerator>
#include <QXmlStreamWriter>

namespace Flotilla::Bench
{

namespace
{

QString randomUuid(QRandomGenerator &random)
{
    const quint64 high = random.generate64();
    const quint64 low = random.generate64();
    return QStringLiteral("%1-%2-4%3-%4-%5")
        .arg(high >> 32, 8, 16, QLatin1Char('0'))
        .arg(high >> 16 & 0xffff, 4, 16, QLatin1Char('0'))
        .arg(high & 0xfff, 3, 16, QLatin1Char('0'))
        .arg((low >> 48 & 0x3fff) | 0x8000, 4, 16, QLatin1Char('0'))
        .arg(low & 0xffffffffffffull, 12, 16, QLatin1Char('0'));
}

/// Writes one machine; returns its state (1 running, 3 paused, 5 off), in the
/// file as test:runstate when @p withRunState.
int writeMachine(QXmlStreamWriter &xml, QRandomGenerator &random, int node, int index, bool withRunState)
{
    static const char *const roles[] = {"web", "db", "cache", "worker", "ci", "proxy", "k3s-agent", "media"};
    const QString name = QStringLiteral("%1-%2-%3").arg(QLatin1StringView(roles[index % 8])).arg(node).arg(index);
    const int vcpus = 1 << random.bounded(4);
    const int memoryMiB = 512 << random.bounded(6);
    const int roll = random.bounded(100);
    const int state = roll < 80 ? 1 : roll < 85 ? 3 : 5; // running, paused, off

    xml.writeStartElement(QStringLiteral("domain"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("test"));
    xml.writeNamespace(QStringLiteral("http://libvirt.org/schemas/domain/test/1.0"), QStringLiteral("test"));
    xml.writeTextElement(QStringLiteral("name"), name);
    xml.writeTextElement(QStringLiteral("uuid"), randomUuid(random));
    xml.writeStartElement(QStringLiteral("metadata"));
    const QString ns = QLatin1StringView(DomainXml::metadataNamespace);
    xml.writeNamespace(ns, QLatin1StringView(DomainXml::metadataPrefix));
    xml.writeStartElement(ns, QStringLiteral("machine"));
    xml.writeTextElement(ns, QStringLiteral("workload"), QLatin1StringView(roles[index % 8]));
    xml.writeTextElement(ns, QStringLiteral("tags"), QStringLiteral("bench,node-%1").arg(node));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("memory"));
    xml.writeAttribute(QStringLiteral("unit"), QStringLiteral("MiB"));
    xml.writeCharacters(QString::number(memoryMiB));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("vcpu"), QString::number(vcpus));
    xml.writeStartElement(QStringLiteral("os"));
    xml.writeTextElement(QStringLiteral("type"), QStringLiteral("hvm"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("devices"));
    for (int disk = 0; disk < 1 + (index % 3 == 0); ++disk) {
        xml.writeStartElement(QStringLiteral("disk"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("file"));
        xml.writeAttribute(QStringLiteral("device"), QStringLiteral("disk"));
        xml.writeEmptyElement(QStringLiteral("source"));
        xml.writeAttribute(
            QStringLiteral("file"), QStringLiteral("/var/lib/libvirt/images/%1-%2.qcow2").arg(name).arg(disk));
        xml.writeEmptyElement(QStringLiteral("target"));
        xml.writeAttribute(QStringLiteral("dev"), disk == 0 ? QStringLiteral("vda") : QStringLiteral("vdb"));
        xml.writeAttribute(QStringLiteral("bus"), QStringLiteral("virtio"));
        xml.writeEndElement();
    }
    xml.writeStartElement(QStringLiteral("interface"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("network"));
    xml.writeEmptyElement(QStringLiteral("mac"));
    xml.writeAttribute(QStringLiteral("address"),
        QStringLiteral("52:54:%1:%2:%3:%4")
            .arg(node % 256, 2, 16, QLatin1Char('0'))
            .arg(index >> 16 & 255, 2, 16, QLatin1Char('0'))
            .arg(index >> 8 & 255, 2, 16, QLatin1Char('0'))
            .arg(index & 255, 2, 16, QLatin1Char('0')));
    xml.writeEmptyElement(QStringLiteral("source"));
    xml.writeAttribute(QStringLiteral("network"), QStringLiteral("default"));
    xml.writeEndElement();
    xml.writeEndElement(); // devices
    if (state != 1 && withRunState) {
        xml.writeTextElement(QStringLiteral("http://libvirt.org/schemas/domain/test/1.0"), QStringLiteral("runstate"),
            QString::number(state));
    }
    xml.writeEndElement(); // domain
    return state;
}

} // namespace

Result<bool> writeNodeFile(const QString &path, int machines, int seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{.message = QStringLiteral("cannot write %1").arg(path), .details = file.errorString()};
    }
    QRandomGenerator random(quint32(seed + 1));
    QXmlStreamWriter xml(&file);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("node"));
    Testing::NodeFile::writeHost(xml);
    for (int i = 0; i < machines; ++i) {
        writeMachine(xml, random, seed, i, true);
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    if (xml.hasError() || !file.flush()) {
        return Error{.message = QStringLiteral("cannot write %1").arg(path), .details = file.errorString()};
    }
    return true;
}

QList<GeneratedMachine> generateMachines(int machines, int seed)
{
    QRandomGenerator random(quint32(seed + 1));
    QList<GeneratedMachine> generated;
    generated.reserve(machines);
    for (int i = 0; i < machines; ++i) {
        GeneratedMachine machine;
        QXmlStreamWriter xml(&machine.xml);
        machine.state = writeMachine(xml, random, seed, i, false);
        generated.append(std::move(machine));
    }
    return generated;
}

} // namespace Flotilla::Bench
