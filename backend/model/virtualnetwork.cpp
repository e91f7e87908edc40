// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/virtualnetwork.h"

#include "model/names.h"
#include "model/xmlelements.h"

#include <KLocalizedString>

#include <QHostAddress>
#include <QRegularExpression>
#include <QXmlStreamWriter>

#include <bit>
#include <optional>

namespace Flotilla::VirtualNetworks
{

Result<bool> readXml(const QByteArray &xml, VirtualNetwork &network)
{
    network.mode.clear();
    bool haveIp = false;
    const QString error = XmlElements::walk(xml, [&](const QString &at, QXmlStreamReader &reader) {
        const QXmlStreamAttributes attributes = reader.attributes();
        if (at == QLatin1StringView("network/forward")) {
            network.mode = attributes.value(QLatin1StringView("mode")).toString();
            if (network.mode.isEmpty()) {
                network.mode = QStringLiteral("nat"); // libvirt's default forward mode
            }
        } else if (at == QLatin1StringView("network/ip") && !haveIp) {
            const QStringView family = attributes.value(QLatin1StringView("family"));
            if (family.isEmpty() || family == QLatin1StringView("ipv4")) {
                haveIp = true;
                network.address = attributes.value(QLatin1StringView("address")).toString();
                const QStringView prefix = attributes.value(QLatin1StringView("prefix"));
                const QHostAddress netmask(attributes.value(QLatin1StringView("netmask")).toString());
                network.prefix = !prefix.isEmpty() ? prefix.toInt() : std::popcount(netmask.toIPv4Address());
            }
        } else if (at == QLatin1StringView("network/ip/dhcp/range") && network.dhcpStart.isEmpty()
            && network.address.contains(QLatin1Char('.'))) {
            network.dhcpStart = attributes.value(QLatin1StringView("start")).toString();
            network.dhcpEnd = attributes.value(QLatin1StringView("end")).toString();
        }
        return false;
    });
    if (!error.isEmpty()) {
        return Error{
            .message = i18nc("@info", "The node described the network %1 in a way Flotilla cannot read", network.name),
            .details = error};
    }
    return true;
}

namespace
{
struct Subnet {
    QHostAddress network;
    int prefix = 0;

    [[nodiscard]] quint32 first() const { return network.toIPv4Address(); }
    // A shift by 32 is undefined, so a /32 (one address) is its own last.
    [[nodiscard]] quint32 last() const { return prefix >= 32 ? first() : first() | (0xffffffffU >> prefix); }
    [[nodiscard]] bool holds(quint32 address) const { return address >= first() && address <= last(); }
    [[nodiscard]] bool overlaps(const Subnet &other) const
    {
        return first() <= other.last() && other.first() <= last();
    }
};

std::optional<Subnet> parseSubnet(const QString &text)
{
    const std::pair<QHostAddress, int> parsed = QHostAddress::parseSubnet(text);
    if (parsed.first.protocol() != QAbstractSocket::IPv4Protocol || !text.contains(QLatin1Char('/'))) {
        return std::nullopt;
    }
    // "192.168.1.7/24" means the subnet 192.168.1.0/24; parseSubnet masks it already.
    return Subnet{.network = parsed.first, .prefix = parsed.second};
}

std::optional<quint32> parseAddress(const QString &text)
{
    QHostAddress address;
    if (!address.setAddress(text) || address.protocol() != QAbstractSocket::IPv4Protocol) {
        return std::nullopt;
    }
    return address.toIPv4Address();
}

QString rangeProblem(const NetworkSpec &spec, const Subnet &subnet)
{
    if (spec.dhcpStart.isEmpty() && spec.dhcpEnd.isEmpty()) {
        return {};
    }
    const std::optional<quint32> start = parseAddress(spec.dhcpStart);
    const std::optional<quint32> end = parseAddress(spec.dhcpEnd);
    if (!start || !end) {
        return i18nc("@info",
            "The DHCP range needs a first and a last IPv4 address, such as 192.168.120.100 and 192.168.120.254.");
    }
    const quint32 gateway = subnet.first() + 1;
    if (!subnet.holds(*start) || !subnet.holds(*end) || *start == subnet.first() || *end == subnet.last()) {
        return i18nc("@info %1 is a subnet", "The DHCP range must lie inside %1, between its first and last address.",
            spec.subnet);
    }
    if (*start > *end) {
        return i18nc("@info", "The DHCP range ends before it starts.");
    }
    if (gateway >= *start && gateway <= *end) {
        return i18nc("@info %1 is an address", "The DHCP range holds %1, the node's own address on this network.",
            QHostAddress(gateway).toString());
    }
    return {};
}
} // namespace

QString problem(const NetworkSpec &spec, const QList<VirtualNetwork> &existing)
{
    if (const QString wrong = Names::problem(spec.name, i18nc("@info", "A network needs a name.")); !wrong.isEmpty()) {
        return wrong;
    }
    if (std::ranges::any_of(existing, [&](const VirtualNetwork &network) { return network.name == spec.name; })) {
        return i18nc("@info", "This node already has a network named “%1”.", spec.name);
    }
    if (spec.mode == NetworkSpec::Mode::Bridge) {
        static const QRegularExpression interface(QStringLiteral("^[A-Za-z0-9_.:-]{1,15}$"));
        return interface.match(spec.bridge).hasMatch()
            ? QString()
            : i18nc("@info", "Name the node's bridge, such as br0: up to 15 letters, digits, “.”, “-” and “_”.");
    }
    const std::optional<Subnet> subnet = parseSubnet(spec.subnet);
    if (!subnet) {
        return i18nc("@info", "The subnet is an IPv4 network with its prefix length, such as 192.168.120.0/24.");
    }
    if (subnet->prefix < 8 || subnet->prefix > 30) {
        return i18nc("@info", "The subnet's prefix length is between /8 and /30.");
    }
    for (const VirtualNetwork &network : existing) {
        const std::optional<Subnet> theirs
            = parseSubnet(network.address + QLatin1Char('/') + QString::number(network.prefix));
        if (theirs && subnet->overlaps(*theirs)) {
            return i18nc("@info %1 is a subnet, %2 a network's name, %3 its subnet",
                "%1 overlaps the network “%2” (%3).", spec.subnet, network.name,
                theirs->network.toString() + QLatin1Char('/') + QString::number(theirs->prefix));
        }
    }
    return rangeProblem(spec, *subnet);
}

Result<QByteArray> definition(const NetworkSpec &spec)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartElement(QStringLiteral("network"));
    writer.writeTextElement(QStringLiteral("name"), spec.name);
    if (spec.mode == NetworkSpec::Mode::Bridge) {
        writer.writeEmptyElement(QStringLiteral("forward"));
        writer.writeAttribute(QStringLiteral("mode"), QStringLiteral("bridge"));
        writer.writeEmptyElement(QStringLiteral("bridge"));
        writer.writeAttribute(QStringLiteral("name"), spec.bridge);
    } else {
        const std::optional<Subnet> subnet = parseSubnet(spec.subnet);
        if (!subnet) {
            return Error{.message = i18nc("@info", "Could not write the network's definition"), .details = spec.subnet};
        }
        if (spec.mode == NetworkSpec::Mode::Nat) {
            writer.writeEmptyElement(QStringLiteral("forward"));
            writer.writeAttribute(QStringLiteral("mode"), QStringLiteral("nat"));
        }
        writer.writeStartElement(QStringLiteral("ip"));
        writer.writeAttribute(QStringLiteral("address"), QHostAddress(subnet->first() + 1).toString());
        writer.writeAttribute(QStringLiteral("prefix"), QString::number(subnet->prefix));
        if (!spec.dhcpStart.isEmpty()) {
            writer.writeStartElement(QStringLiteral("dhcp"));
            writer.writeEmptyElement(QStringLiteral("range"));
            writer.writeAttribute(QStringLiteral("start"), spec.dhcpStart);
            writer.writeAttribute(QStringLiteral("end"), spec.dhcpEnd);
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    if (writer.hasError()) {
        return Error{.message = i18nc("@info", "Could not write the network's definition")};
    }
    return xml;
}

std::pair<QString, QString> dhcpRangeFor(const QString &subnetText)
{
    const std::optional<Subnet> subnet = parseSubnet(subnetText);
    if (!subnet || subnet->prefix < 8 || subnet->prefix > 30) {
        return {};
    }
    const quint32 size = subnet->last() - subnet->first() + 1;
    const quint32 start = subnet->prefix == 24 ? subnet->first() + 100 : subnet->first() + std::max(2U, size / 2);
    return {QHostAddress(start).toString(), QHostAddress(subnet->last() - 1).toString()};
}

NetworkSpec suggestion(const QList<VirtualNetwork> &existing)
{
    NetworkSpec spec;
    for (int n = 100; n < 256; ++n) {
        spec.name = QStringLiteral("net%1").arg(n);
        spec.subnet = QStringLiteral("192.168.%1.0/24").arg(n);
        if (problem(spec, existing).isEmpty()) {
            break;
        }
    }
    std::tie(spec.dhcpStart, spec.dhcpEnd) = dhcpRangeFor(spec.subnet);
    return spec;
}

} // namespace Flotilla::VirtualNetworks
