// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/nodefit.h"

#include "libvirt/libvirthandles.h"
#include "model/xmlelements.h"
#include "provisioning/machinedefinition.h"

#include <KLocalizedString>

#include <libvirt/virterror.h>

namespace Flotilla::NodeFits
{

namespace
{

/// What the definition asks of a node.
struct Asked {
    QString domainType;
    QString arch;
    QString machineType;
};

Result<Asked> askedBy(const QByteArray &xml)
{
    Asked asked;
    const QString problem = XmlElements::walk(xml, [&asked](const QString &path, QXmlStreamReader &reader) {
        if (path == QLatin1StringView("domain")) {
            asked.domainType = reader.attributes().value(QLatin1StringView("type")).toString();
        } else if (path == QLatin1StringView("domain/os/type")) {
            asked.arch = reader.attributes().value(QLatin1StringView("arch")).toString();
            asked.machineType = reader.attributes().value(QLatin1StringView("machine")).toString();
        }
        return false;
    });
    if (!problem.isEmpty()) {
        return Error{.message = i18nc("@info", "Could not read the machine's definition"), .details = problem};
    }
    return asked;
}

/// The family a versioned machine type belongs to, as QEMU names its newest
/// member: "pc-q35-7.2" is a "q35", "pc-i440fx-7.2" a "pc".
QString familyOf(const QString &machineType)
{
    if (machineType.startsWith(QLatin1StringView("pc-q35"))) {
        return QStringLiteral("q35");
    }
    if (machineType.startsWith(QLatin1StringView("pc-"))) {
        return QStringLiteral("pc");
    }
    return machineType.section(QLatin1Char('-'), 0, 0); // "virt-9.2": "virt"
}

/// The target's offer for one architecture, machine type and hypervisor, or why not.
Result<HypervisorOffer> offerFor(virConnectPtr target, const Asked &asked, const QString &machine, const char *type)
{
    char *xml = virConnectGetDomainCapabilities(target, nullptr, asked.arch.toUtf8().constData(),
        machine.isEmpty() ? nullptr : machine.toUtf8().constData(), type, 0);
    if (xml == nullptr) {
        return Libvirt::lastError(i18nc("@info", "The target node cannot run this machine"));
    }
    return MachineDefinition::parseOffer(Libvirt::takeText(xml));
}

} // namespace

Result<NodeFit> read(virConnectPtr target, const QByteArray &xml)
{
    if (QByteArrayView(virConnectGetType(target)) == "TEST") {
        return NodeFit{};
    }
    const Result<Asked> asked = askedBy(xml);
    if (!asked) {
        return asked.error();
    }
    // KVM where the machine had it and the target has it, else emulation;
    // the machine's own type where the target has it, else its family's newest.
    QList<const char *> types{"qemu"};
    if (asked.value().domainType == QLatin1StringView("kvm")) {
        types.prepend("kvm");
    }
    Error refusal;
    for (const char *type : types) {
        for (const QString &machine : {asked.value().machineType, familyOf(asked.value().machineType)}) {
            const Result<HypervisorOffer> offer = offerFor(target, asked.value(), machine, type);
            if (offer) {
                return NodeFit{.domainType = QString::fromLatin1(type),
                    .machineType = offer.value().machineType,
                    .emulator = offer.value().emulator};
            }
            refusal = offer.error();
        }
    }
    return refusal;
}

Result<QByteArray> apply(const QByteArray &xml, const NodeFit &fit)
{
    QXmlStreamReader reader(xml);
    QByteArray out;
    QXmlStreamWriter writer(&out);
    QStringList path;
    bool firmwareChosen = false; ///< by the node: <os firmware='efi'>
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartDocument || token == QXmlStreamReader::EndDocument) {
            continue;
        }
        if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
        }
        if (token != QXmlStreamReader::StartElement) {
            writer.writeCurrentToken(reader);
            continue;
        }
        path.append(reader.name().toString());
        const QString at = path.join(QLatin1Char('/'));
        const QXmlStreamAttributes attributes = reader.attributes();
        if (at == QLatin1StringView("domain") && !fit.domainType.isEmpty()) {
            XmlElements::writeStart(
                writer, reader, XmlElements::changed(attributes, {{QStringLiteral("type"), fit.domainType}}));
        } else if (at == QLatin1StringView("domain/os/type") && !fit.machineType.isEmpty()) {
            XmlElements::writeStart(
                writer, reader, XmlElements::changed(attributes, {{QStringLiteral("machine"), fit.machineType}}));
        } else if (at == QLatin1StringView("domain/devices/emulator") && !fit.emulator.isEmpty()) {
            writer.writeTextElement(reader.qualifiedName().toString(), fit.emulator);
            reader.skipCurrentElement();
            path.removeLast();
        } else if (firmwareChosen
            && (at == QLatin1StringView("domain/os/loader") || at == QLatin1StringView("domain/os/nvram"))) {
            reader.skipCurrentElement();
            path.removeLast();
        } else {
            firmwareChosen = firmwareChosen
                || (at == QLatin1StringView("domain/os") && attributes.hasAttribute(QLatin1StringView("firmware")));
            writer.writeCurrentToken(reader);
        }
    }
    if (reader.hasError() || writer.hasError()) {
        return Error{.message = i18nc("@info", "Could not fit the machine's definition to the target node"),
            .details = reader.hasError() ? reader.errorString() : QString()};
    }
    return out;
}

} // namespace Flotilla::NodeFits
