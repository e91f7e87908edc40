// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodenetworks.h"

#include "model/virtualnetwork.h"

#include <KLocalizedString>

#include <QHostAddress>
#include <QLocale>

namespace Flotilla
{

namespace
{
QString modeText(const VirtualNetwork &network)
{
    if (network.mode.isEmpty()) {
        return i18nc("@info network kind", "Isolated");
    }
    if (network.mode == QLatin1StringView("nat")) {
        return i18nc("@info network kind", "NAT");
    }
    if (network.mode == QLatin1StringView("bridge")) {
        return network.bridge.isEmpty() ? i18nc("@info network kind", "Bridge")
                                        : i18nc("@info network kind", "Bridge to %1", network.bridge);
    }
    if (network.mode == QLatin1StringView("route")) {
        return i18nc("@info network kind", "Routed");
    }
    return network.mode;
}

NetworkSpec networkSpec(const QVariantMap &map)
{
    const QString mode = map.value(QStringLiteral("mode")).toString();
    return NetworkSpec{.name = map.value(QStringLiteral("name")).toString().trimmed(),
        .mode = mode == QLatin1StringView("bridge") ? NetworkSpec::Mode::Bridge
            : mode == QLatin1StringView("isolated") ? NetworkSpec::Mode::Isolated
                                                    : NetworkSpec::Mode::Nat,
        .subnet = map.value(QStringLiteral("subnet")).toString().trimmed(),
        .dhcpStart = map.value(QStringLiteral("dhcpStart")).toString().trimmed(),
        .dhcpEnd = map.value(QStringLiteral("dhcpEnd")).toString().trimmed(),
        .bridge = map.value(QStringLiteral("bridge")).toString().trimmed()};
}

QString joined(const QStringList &names)
{
    return QLocale().createSeparatedList(names);
}
} // namespace

bool NodeNetworks::isStale() const
{
    const Fleet::Node *found = node();
    return found && found->networksStale;
}

QStringList NodeNetworks::machinesOn(const QString &network, bool runningOnly) const
{
    QStringList names;
    if (const Fleet::Node *found = node()) {
        for (const Machine &machine : found->machines.machines()) {
            const bool on = std::ranges::any_of(machine.interfaces, [&](const NetworkInterface &interface) {
                return interface.type == QLatin1StringView("network") && interface.source == network;
            });
            if (on && (!runningOnly || machine.isActive())) {
                names.append(machine.name);
            }
        }
    }
    names.sort();
    return names;
}

QVariantList NodeNetworks::addresses(const VirtualNetwork &network) const
{
    QVariantList rows;
    QList<DhcpLease> unclaimed = network.leases;
    const auto row = [](const QString &machine, const QString &hostname, const QString &address, const QString &mac,
                         const QString &note) {
        return QVariantMap{{QStringLiteral("machine"), machine}, {QStringLiteral("hostname"), hostname},
            {QStringLiteral("address"), address}, {QStringLiteral("mac"), mac}, {QStringLiteral("note"), note}};
    };
    const auto until = [](const DhcpLease &lease) {
        return lease.expires.isValid() ? i18nc("@info when a lease runs out", "leased until %1",
                                             QLocale().toString(lease.expires.toLocalTime(), QLocale::ShortFormat))
                                       : i18nc("@info a lease that never runs out", "leased for good");
    };
    QList<Machine> machines = node()->machines.machines().values();
    std::ranges::sort(machines, {}, &Machine::name);
    for (const Machine &machine : std::as_const(machines)) {
        for (const NetworkInterface &interface : machine.interfaces) {
            if (interface.type != QLatin1StringView("network") || interface.source != network.name) {
                continue;
            }
            const auto lease = std::ranges::find_if(unclaimed,
                [&](const DhcpLease &each) { return each.mac.compare(interface.mac, Qt::CaseInsensitive) == 0; });
            if (lease != unclaimed.end()) {
                rows.append(row(machine.name, lease->hostname, lease->address, interface.mac, until(*lease)));
                unclaimed.erase(lease);
            } else {
                const QString address = interface.addresses.value(0);
                rows.append(row(machine.name, {}, address, interface.mac,
                    !machine.isActive()     ? i18nc("@info a machine that is off", "off")
                        : address.isEmpty() ? i18nc("@info", "no address yet")
                                            : i18nc("@info an address the machine reported", "reported")));
            }
        }
    }
    for (const DhcpLease &lease : std::as_const(unclaimed)) {
        rows.append(row({}, lease.hostname, lease.address, lease.mac, until(lease)));
    }
    return rows;
}

QVariantList NodeNetworks::networks() const
{
    QVariantList rows;
    const Fleet::Node *found = node();
    if (!found) {
        return rows;
    }
    for (const VirtualNetwork &network : found->networks) {
        const std::pair<QHostAddress, int> subnet
            = QHostAddress::parseSubnet(network.address + QLatin1Char('/') + QString::number(network.prefix));
        rows.append(QVariantMap{{QStringLiteral("name"), network.name}, {QStringLiteral("modeText"), modeText(network)},
            {QStringLiteral("active"), network.active}, {QStringLiteral("autostart"), network.autostart},
            {QStringLiteral("persistent"), network.persistent}, {QStringLiteral("bridge"), network.bridge},
            {QStringLiteral("subnetText"),
                network.address.isEmpty() ? QString()
                                          : i18nc("@info subnet, and the node's address on it", "%1/%2, the node at %3",
                                                subnet.first.toString(), subnet.second, network.address)},
            {QStringLiteral("dhcpText"),
                network.dhcpStart.isEmpty()
                    ? QString()
                    : i18nc("@info a range of addresses", "%1 to %2", network.dhcpStart, network.dhcpEnd)},
            {QStringLiteral("machines"), joined(machinesOn(network.name, false))},
            {QStringLiteral("addresses"), addresses(network)}});
    }
    return rows;
}

QVariantMap NodeNetworks::suggestion() const
{
    const Fleet::Node *found = node();
    const NetworkSpec spec = VirtualNetworks::suggestion(found ? found->networks : QList<VirtualNetwork>{});
    return {{QStringLiteral("name"), spec.name}, {QStringLiteral("mode"), QStringLiteral("nat")},
        {QStringLiteral("subnet"), spec.subnet}, {QStringLiteral("dhcpStart"), spec.dhcpStart},
        {QStringLiteral("dhcpEnd"), spec.dhcpEnd}};
}

QStringList NodeNetworks::dhcpRange(const QString &subnet) const
{
    const auto [start, end] = VirtualNetworks::dhcpRangeFor(subnet.trimmed());
    return start.isEmpty() ? QStringList() : QStringList{start, end};
}

QString NodeNetworks::networkProblem(const QVariantMap &spec) const
{
    const Fleet::Node *found = node();
    return VirtualNetworks::problem(networkSpec(spec), found ? found->networks : QList<VirtualNetwork>{});
}

void NodeNetworks::createNetwork(const QVariantMap &spec)
{
    if (const QString wrong = networkProblem(spec); !wrong.isEmpty()) {
        refuse(wrong);
        return;
    }
    send(NodeRequest{.kind = NodeRequest::Kind::CreateNetwork, .networkSpec = networkSpec(spec)});
}

void NodeNetworks::startNetwork(const QString &network)
{
    send(NodeRequest{.kind = NodeRequest::Kind::StartNetwork, .network = network});
}

void NodeNetworks::stopNetwork(const QString &network)
{
    if (const QStringList running = machinesOn(network, true); !running.isEmpty()) {
        refuse(i18ncp("@info %2 names machines", "Could not stop the network: %2 runs on it. Stop it first.",
            "Could not stop the network: %2 run on it. Stop them first.", running.size(), joined(running)));
        return;
    }
    send(NodeRequest{.kind = NodeRequest::Kind::StopNetwork, .network = network});
}

void NodeNetworks::deleteNetwork(const QString &network)
{
    if (const QStringList machines = machinesOn(network, false); !machines.isEmpty()) {
        refuse(i18ncp("@info %2 names machines",
            "Could not delete the network: %2 is on it, and could not start without it.",
            "Could not delete the network: %2 are on it, and could not start without it.", machines.size(),
            joined(machines)));
        return;
    }
    send(NodeRequest{.kind = NodeRequest::Kind::DeleteNetwork, .network = network});
}

void NodeNetworks::setAutostart(const QString &network, bool autostart)
{
    send(NodeRequest{.kind = NodeRequest::Kind::SetNetworkAutostart, .network = network, .autostart = autostart});
}

} // namespace Flotilla
