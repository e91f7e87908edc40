// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "nodepartsview.h"

#include <QVariantList>

namespace Flotilla
{

/// A node's virtual networks for its Networks page: each with its subnet,
/// DHCP range, the machines on it and the addresses its DHCP server gave
/// out (with the machine each went to), and the requests that create,
/// start, stop and delete networks.
class NodeNetworks : public NodePartsView
{
    Q_OBJECT
    QML_ELEMENT
    /// Each: name, modeText, active, autostart, persistent, bridge,
    /// subnetText, dhcpText, machines (on it, by name, joined), addresses
    /// (see addresses()).
    Q_PROPERTY(QVariantList networks READ networks NOTIFY partsChanged)

public:
    using NodePartsView::NodePartsView;

    [[nodiscard]] bool isStale() const override;
    [[nodiscard]] QVariantList networks() const;

    /// A network a person can take as it is: name, mode ("nat"), subnet,
    /// dhcpStart, dhcpEnd.
    Q_INVOKABLE [[nodiscard]] QVariantMap suggestion() const;
    /// The DHCP range that suits @p subnet: [start, end], empty for a wrong subnet.
    Q_INVOKABLE [[nodiscard]] QStringList dhcpRange(const QString &subnet) const;
    /// Why the network @p spec (name, mode "nat", "isolated" or "bridge",
    /// subnet, dhcpStart, dhcpEnd, bridge) cannot be made; empty when it can.
    Q_INVOKABLE [[nodiscard]] QString networkProblem(const QVariantMap &spec) const;
    Q_INVOKABLE void createNetwork(const QVariantMap &spec);
    Q_INVOKABLE void startNetwork(const QString &network);
    /// Refused, naming them, while running machines are on it.
    Q_INVOKABLE void stopNetwork(const QString &network);
    /// Refused, naming them, while machines are on it.
    Q_INVOKABLE void deleteNetwork(const QString &network);
    Q_INVOKABLE void setAutostart(const QString &network, bool autostart);

private:
    /// The node's machines with an interface on @p network, by name; only running ones when @p runningOnly.
    [[nodiscard]] QStringList machinesOn(const QString &network, bool runningOnly) const;
    /// Who is on @p network at which address, each: machine, hostname,
    /// address, mac, note. Every interface of a machine on it, with its
    /// DHCP lease where the node tells its leases (else the address the
    /// machine reports), then the leases of no machine of this node.
    [[nodiscard]] QVariantList addresses(const VirtualNetwork &network) const;
};

} // namespace Flotilla
