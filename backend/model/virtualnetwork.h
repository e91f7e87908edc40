// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/inventory.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Flotilla
{

/// A virtual network a person asks for in the New Network dialog.
struct NetworkSpec {
    enum class Mode {
        Nat, ///< its own subnet, reaching out through the node's address
        Isolated, ///< its own subnet, reaching only the node and each other
        Bridge, ///< machines join a bridge of the node's (br0): on the node's own LAN
    };
    QString name;
    Mode mode = Mode::Nat;
    QString subnet; ///< Nat, Isolated: IPv4 "192.168.120.0/24"; the node takes its first address
    QString dhcpStart; ///< Nat, Isolated: the DHCP range; both empty: no DHCP
    QString dhcpEnd;
    QString bridge; ///< Bridge: the node's bridge interface
};

namespace VirtualNetworks
{

/// Fills @p network's mode, address and DHCP range from its XML (virNetworkGetXMLDesc).
[[nodiscard]] Result<bool> readXml(const QByteArray &xml, VirtualNetwork &network);

/// Why @p spec cannot be made next to @p existing; empty when it can: the
/// name, a subnet (a /8 to /30) that overlaps none of theirs, a DHCP range
/// inside it that leaves the node's address out, a bridge's name.
[[nodiscard]] QString problem(const NetworkSpec &spec, const QList<VirtualNetwork> &existing);
/// The network's XML for virNetworkDefineXML; @p spec must have no problem.
[[nodiscard]] Result<QByteArray> definition(const NetworkSpec &spec);
/// A spec a person can take as it is: a NAT network on the first free
/// 192.168.N.0/24 beside @p existing, with DHCP from .100 to .254.
[[nodiscard]] NetworkSpec suggestion(const QList<VirtualNetwork> &existing);
/// The DHCP range that suits @p subnet: .100 to the last host of a /24, or
/// its upper half for other sizes; empty strings for a subnet that is wrong.
[[nodiscard]] std::pair<QString, QString> dhcpRangeFor(const QString &subnet);

} // namespace VirtualNetworks

} // namespace Flotilla
