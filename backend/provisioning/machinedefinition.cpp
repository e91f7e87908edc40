// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/machinedefinition.h"

#include <KLocalizedString>

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace Flotilla::MachineDefinition
{

namespace
{

constexpr quint64 KiB = 1024;
constexpr quint64 smallestMemory = 64 * 1024 * 1024;

/// Reads <enum name='NAME'><value>…</value></enum> values, or a mode's
/// supported flag, as the reader passes them.
class OfferReader
{
public:
    explicit OfferReader(QByteArrayView xml)
        : m_xml(xml)
    {
    }

    Result<HypervisorOffer> read()
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != QLatin1StringView("domainCapabilities")) {
                return Error{.message = i18nc("@info", "The node's domain capabilities could not be read"),
                    .details = i18nc("@info", "the document is not a domain capabilities document")};
            }
            children(QString());
        }
        if (m_xml.hasError()) {
            return Error{.message = i18nc("@info", "The node's domain capabilities could not be read"),
                .details = m_xml.errorString()};
        }
        return m_offer;
    }

private:
    /// The children of the current element, whose path is @p path.
    void children(const QString &path)
    {
        while (m_xml.readNextStartElement()) {
            const QString name = m_xml.name().toString();
            const QString here = path + QLatin1Char('/') + name;
            if (here == QLatin1StringView("/path")) {
                m_offer.emulator = m_xml.readElementText();
            } else if (here == QLatin1StringView("/domain")) {
                m_offer.domainType = m_xml.readElementText();
            } else if (here == QLatin1StringView("/machine")) {
                m_offer.machineType = m_xml.readElementText();
            } else if (here == QLatin1StringView("/arch")) {
                m_offer.arch = m_xml.readElementText();
            } else if (here == QLatin1StringView("/cpu/mode")) {
                const bool supported
                    = m_xml.attributes().value(QLatin1StringView("supported")) == QLatin1StringView("yes");
                const auto mode = m_xml.attributes().value(QLatin1StringView("name"));
                m_offer.hostPassthrough
                    = m_offer.hostPassthrough || (supported && mode == QLatin1StringView("host-passthrough"));
                m_offer.maximumCpu = m_offer.maximumCpu || (supported && mode == QLatin1StringView("maximum"));
                m_xml.skipCurrentElement();
            } else if (name == QLatin1StringView("value")) {
                value(path, m_xml.readElementText());
            } else {
                const QString enumName = name == QLatin1StringView("enum")
                    ? m_xml.attributes().value(QLatin1StringView("name")).toString()
                    : name;
                children(path + QLatin1Char('/') + enumName);
            }
        }
    }

    void value(const QString &enumPath, const QString &value)
    {
        if (enumPath == QLatin1StringView("/os/firmware") && value == QLatin1StringView("efi")) {
            m_offer.uefi = true;
        } else if (enumPath == QLatin1StringView("/devices/video/modelType") && value == QLatin1StringView("virtio")) {
            m_offer.virtioVideo = true;
        } else if (enumPath == QLatin1StringView("/devices/rng/model") && value == QLatin1StringView("virtio")) {
            m_offer.virtioRng = true;
        }
    }

    QXmlStreamReader m_xml;
    HypervisorOffer m_offer;
};

bool isCdrom(NewDisk::Kind kind)
{
    return kind == NewDisk::Kind::Seed || kind == NewDisk::Kind::Installer;
}

/// vda, vdb, … for disks; sda, sdb, … for CD-ROMs (SATA).
QString targetOf(NewDisk::Kind kind, int &virtioDisks, int &sataDisks)
{
    if (isCdrom(kind)) {
        return QStringLiteral("sd") + QChar(u'a' + sataDisks++);
    }
    return QStringLiteral("vd") + QChar(u'a' + virtioDisks++);
}

void writeDisks(QXmlStreamWriter &xml, const NewMachine &machine)
{
    int virtioDisks = 0;
    int sataDisks = 0;
    for (const NewDisk &disk : machine.disks) {
        const bool seed = isCdrom(disk.kind);
        xml.writeStartElement(QStringLiteral("disk"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("volume"));
        xml.writeAttribute(QStringLiteral("device"), seed ? QStringLiteral("cdrom") : QStringLiteral("disk"));
        xml.writeEmptyElement(QStringLiteral("driver"));
        xml.writeAttribute(QStringLiteral("name"), QStringLiteral("qemu"));
        xml.writeAttribute(QStringLiteral("type"),
            seed || disk.format == QLatin1StringView("iso") ? QStringLiteral("raw") : disk.format);
        if (!seed) {
            xml.writeAttribute(QStringLiteral("discard"), QStringLiteral("unmap"));
        }
        xml.writeEmptyElement(QStringLiteral("source"));
        xml.writeAttribute(QStringLiteral("pool"), disk.pool);
        xml.writeAttribute(QStringLiteral("volume"), disk.volume);
        xml.writeEmptyElement(QStringLiteral("target"));
        xml.writeAttribute(QStringLiteral("dev"), targetOf(disk.kind, virtioDisks, sataDisks));
        xml.writeAttribute(QStringLiteral("bus"), seed ? QStringLiteral("sata") : QStringLiteral("virtio"));
        if (seed) {
            xml.writeEmptyElement(QStringLiteral("readonly"));
        }
        xml.writeEndElement();
    }
}

void writeConsolesAndChannels(QXmlStreamWriter &xml)
{
    xml.writeStartElement(QStringLiteral("serial"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("pty"));
    xml.writeEmptyElement(QStringLiteral("target"));
    xml.writeAttribute(QStringLiteral("port"), QStringLiteral("0"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("console"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("pty"));
    xml.writeEmptyElement(QStringLiteral("target"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("serial"));
    xml.writeAttribute(QStringLiteral("port"), QStringLiteral("0"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("channel"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("unix"));
    xml.writeEmptyElement(QStringLiteral("target"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("virtio"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("org.qemu.guest_agent.0"));
    xml.writeEndElement();
}

void writeDevices(QXmlStreamWriter &xml, const HypervisorOffer &offer, const NewMachine &machine)
{
    xml.writeStartElement(QStringLiteral("devices"));
    xml.writeTextElement(QStringLiteral("emulator"), offer.emulator);
    writeDisks(xml, machine);
    xml.writeStartElement(QStringLiteral("interface"));
    const QString kind = !machine.network.isEmpty() ? QStringLiteral("network")
        : !machine.bridge.isEmpty()                 ? QStringLiteral("bridge")
                                                    : QStringLiteral("user");
    xml.writeAttribute(QStringLiteral("type"), kind);
    if (kind != QLatin1StringView("user")) {
        xml.writeEmptyElement(QStringLiteral("source"));
        xml.writeAttribute(kind, kind == QLatin1StringView("network") ? machine.network : machine.bridge);
    }
    xml.writeEmptyElement(QStringLiteral("mac"));
    xml.writeAttribute(QStringLiteral("address"), machine.mac.toLower());
    xml.writeEmptyElement(QStringLiteral("model"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("virtio"));
    xml.writeEndElement();
    writeConsolesAndChannels(xml);
    if (offer.virtioRng) {
        xml.writeStartElement(QStringLiteral("rng"));
        xml.writeAttribute(QStringLiteral("model"), QStringLiteral("virtio"));
        xml.writeStartElement(QStringLiteral("backend"));
        xml.writeAttribute(QStringLiteral("model"), QStringLiteral("random"));
        xml.writeCharacters(QStringLiteral("/dev/urandom"));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeStartElement(QStringLiteral("memballoon"));
    xml.writeAttribute(QStringLiteral("model"), QStringLiteral("virtio"));
    xml.writeEmptyElement(QStringLiteral("stats"));
    xml.writeAttribute(QStringLiteral("period"), QStringLiteral("5"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("graphics")); // reached through the node, never from the network
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("vnc"));
    xml.writeAttribute(QStringLiteral("autoport"), QStringLiteral("yes"));
    xml.writeEmptyElement(QStringLiteral("listen"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("address"));
    xml.writeAttribute(QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("video"));
    xml.writeEmptyElement(QStringLiteral("model"));
    xml.writeAttribute(QStringLiteral("type"), offer.virtioVideo ? QStringLiteral("virtio") : QStringLiteral("vga"));
    xml.writeEndElement();
    xml.writeEmptyElement(QStringLiteral("input"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("tablet"));
    xml.writeAttribute(QStringLiteral("bus"), QStringLiteral("usb"));
    xml.writeEndElement();
}

void writeSystem(QXmlStreamWriter &xml, const HypervisorOffer &offer, const NewMachine &machine)
{
    xml.writeStartElement(QStringLiteral("memory"));
    xml.writeAttribute(QStringLiteral("unit"), QStringLiteral("KiB"));
    xml.writeCharacters(QString::number(machine.maxMemoryBytes / KiB));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("currentMemory"));
    xml.writeAttribute(QStringLiteral("unit"), QStringLiteral("KiB"));
    xml.writeCharacters(QString::number(machine.memoryBytes / KiB));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("vcpu"));
    xml.writeAttribute(QStringLiteral("current"), QString::number(machine.vcpus));
    xml.writeCharacters(QString::number(machine.maxVcpus));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("os"));
    if (machine.firmware == NewMachine::Firmware::Uefi) {
        xml.writeAttribute(QStringLiteral("firmware"), QStringLiteral("efi"));
    }
    xml.writeStartElement(QStringLiteral("type"));
    xml.writeAttribute(QStringLiteral("arch"), offer.arch);
    xml.writeAttribute(QStringLiteral("machine"), offer.machineType);
    xml.writeCharacters(QStringLiteral("hvm"));
    xml.writeEndElement();
    xml.writeEmptyElement(QStringLiteral("boot"));
    xml.writeAttribute(QStringLiteral("dev"), QStringLiteral("hd"));
    // An installer boots while the root disk has nothing to boot; once it
    // has installed a system there, the disk boots first.
    if (std::ranges::any_of(machine.disks, [](const NewDisk &disk) { return disk.kind == NewDisk::Kind::Installer; })) {
        xml.writeEmptyElement(QStringLiteral("boot"));
        xml.writeAttribute(QStringLiteral("dev"), QStringLiteral("cdrom"));
    }
    if (machine.firmware == NewMachine::Firmware::Bios) {
        // SeaBIOS writes to the serial console too: the console shows the
        // machine from its first instant, and says so when nothing boots.
        xml.writeEmptyElement(QStringLiteral("bios"));
        xml.writeAttribute(QStringLiteral("useserial"), QStringLiteral("yes"));
    }
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("features"));
    xml.writeEmptyElement(QStringLiteral("acpi"));
    xml.writeEmptyElement(QStringLiteral("apic"));
    xml.writeEndElement();
    if (offer.isEmulated() ? offer.maximumCpu : offer.hostPassthrough) {
        xml.writeEmptyElement(QStringLiteral("cpu"));
        xml.writeAttribute(QStringLiteral("mode"),
            offer.isEmulated() ? QStringLiteral("maximum") : QStringLiteral("host-passthrough"));
        xml.writeAttribute(QStringLiteral("check"), QStringLiteral("none"));
    }
    xml.writeEmptyElement(QStringLiteral("clock"));
    xml.writeAttribute(QStringLiteral("offset"), QStringLiteral("utc"));
    xml.writeTextElement(QStringLiteral("on_poweroff"), QStringLiteral("destroy"));
    xml.writeTextElement(QStringLiteral("on_reboot"), QStringLiteral("restart"));
    xml.writeTextElement(QStringLiteral("on_crash"), QStringLiteral("destroy"));
}

} // namespace

Result<HypervisorOffer> parseOffer(QByteArrayView domainCapabilitiesXml)
{
    OfferReader reader(domainCapabilitiesXml);
    Result<HypervisorOffer> offer = reader.read();
    if (offer
        && (offer.value().domainType.isEmpty() || offer.value().machineType.isEmpty()
            || offer.value().emulator.isEmpty())) {
        return Error{.message = i18nc("@info", "The node's domain capabilities could not be read"),
            .details = i18nc("@info", "they name no domain type, machine type or emulator")};
    }
    return offer;
}

QStringList problems(const HypervisorOffer &offer, const NewMachine &machine)
{
    QStringList found;
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"));
    if (!name.match(machine.name).hasMatch()) {
        found.append(i18nc("@info",
            "A machine's name is up to 63 letters, digits, “.”, “_” and “-”, starting with a letter or digit"));
    }
    if (QUuid::fromString(machine.uuid).isNull()) {
        found.append(i18nc("@info", "“%1” is not a UUID", machine.uuid));
    }
    if (machine.vcpus < 1 || machine.maxVcpus < machine.vcpus) {
        found.append(i18nc("@info", "A machine has at least one vCPU, and no more than its maximum"));
    }
    if (machine.memoryBytes < smallestMemory || machine.maxMemoryBytes < machine.memoryBytes) {
        found.append(i18nc("@info", "A machine has at least 64 MiB of memory, and no more than its maximum"));
    }
    if (machine.firmware == NewMachine::Firmware::Uefi && !offer.uefi) {
        found.append(
            i18nc("@info", "This node has no UEFI firmware installed; choose BIOS, or install it on the node (OVMF)"));
    }
    if (machine.disks.isEmpty() || machine.disks.first().kind != NewDisk::Kind::Root) {
        found.append(i18nc("@info", "A machine needs its root disk first"));
    }
    static const QRegularExpression mac(QStringLiteral("^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$"));
    if (!mac.match(machine.mac).hasMatch()) {
        found.append(i18nc("@info", "“%1” is not a MAC address", machine.mac));
    }
    if (!machine.network.isEmpty() && !machine.bridge.isEmpty()) {
        found.append(i18nc("@info", "A machine is on one network or one bridge, not both"));
    }
    return found;
}

Result<QByteArray> domainXml(const HypervisorOffer &offer, const NewMachine &machine)
{
    if (const QStringList wrong = problems(offer, machine); !wrong.isEmpty()) {
        return Error{
            .message = i18nc("@info", "The machine cannot be defined"), .details = wrong.join(QLatin1Char('\n'))};
    }
    const Result<QString> metadata = DomainXml::metadataElement(machine.metadata);
    if (!metadata) {
        return metadata.error();
    }
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartElement(QStringLiteral("domain"));
    xml.writeAttribute(QStringLiteral("type"), offer.domainType);
    xml.writeTextElement(QStringLiteral("name"), machine.name);
    xml.writeTextElement(QStringLiteral("uuid"), machine.uuid);
    xml.writeStartElement(QStringLiteral("metadata"));
    xml.writeNamespace(
        QString::fromLatin1(DomainXml::metadataNamespace), QString::fromLatin1(DomainXml::metadataPrefix));
    // The element as metadataElement() writes it, in Flotilla's namespace.
    QXmlStreamReader element(metadata.value());
    while (!element.atEnd()) {
        element.readNext();
        if (element.isStartElement()) {
            xml.writeStartElement(QString::fromLatin1(DomainXml::metadataNamespace), element.name().toString());
        } else if (element.isEndElement()) {
            xml.writeEndElement();
        } else if (element.isCharacters()) {
            xml.writeCharacters(element.text().toString());
        }
    }
    xml.writeEndElement();
    writeSystem(xml, offer, machine);
    writeDevices(xml, offer, machine);
    xml.writeEndElement();
    return out;
}

QString randomMac()
{
    const quint32 random = QRandomGenerator::system()->generate();
    return QStringLiteral("52:54:00:%1:%2:%3")
        .arg((random >> 16) & 0xFF, 2, 16, QLatin1Char('0'))
        .arg((random >> 8) & 0xFF, 2, 16, QLatin1Char('0'))
        .arg(random & 0xFF, 2, 16, QLatin1Char('0'));
}

} // namespace Flotilla::MachineDefinition
