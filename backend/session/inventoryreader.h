// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "libvirt/domainevents.h"
#include "model/inventory.h"

#include <QHash>
#include <QSet>

#include <libvirt/libvirt.h>

/// Reads a node's inventory through an open connection. Blocking libvirt
/// calls: only ever called on the node's own session thread.
namespace Flotilla::InventoryReader
{

/// The node's facts, but for its host name: see readHostname().
[[nodiscard]] Result<NodeFacts> readFacts(virConnectPtr connection);
/// The node's host name; empty if it has none. The node looks its own name
/// up in its DNS to answer, which takes seconds where that DNS is slow, so
/// a session asks for it aside (AsideCalls), once per connection.
[[nodiscard]] QString readHostname(virConnectPtr connection);
// The pools and networks (nodepartsreader.cpp): with what their XML says,
// whether they start with the node, and the networks' DHCP leases.
[[nodiscard]] Result<QList<StoragePool>> readPools(virConnectPtr connection);
[[nodiscard]] Result<QList<VirtualNetwork>> readNetworks(virConnectPtr connection);
/// The pool types the node can make (virConnectGetStoragePoolCapabilities);
/// empty where it does not say.
[[nodiscard]] QStringList readPoolTypes(virConnectPtr connection);
/// Of @p paths, those some machine on the node other than @p except (a
/// UUID) uses as a disk or as the image under one, with those machines'
/// names; only running machines when @p runningOnly. A machine whose disks
/// cannot be read counts as using everything.
[[nodiscard]] Result<QHash<QString, QStringList>> machinesUsing(
    virConnectPtr connection, const QStringList &paths, const QString &except = {}, bool runningOnly = false);
/// The machines with an interface on the network @p network (only running
/// ones when @p runningOnly), by name.
[[nodiscard]] Result<QStringList> machinesOnNetwork(virConnectPtr connection, const QString &network, bool runningOnly);

/// What a reading of every machine does with the definitions (domain XML).
enum class Definitions {
    Fetch, ///< one XML read per machine
    /// An XML read only for a machine not in the known ones, or that started
    /// or stopped since (a running machine's definition is its live one):
    /// what else changes a definition comes by an event. Autostart and the
    /// snapshots of a known machine are carried from it, not asked.
    FetchChanged,
};

/// Every machine, in bulk: one listing with the states (bulk statistics,
/// where the driver has them), three filtered listings (autostart,
/// persistent, with snapshots) unless @p definitions is FetchChanged, and
/// the XML reads @p definitions asks for. A machine whose XML cannot be parsed is kept
/// with its problem. A machine in @p known (by UUID) whose XML is as it was
/// keeps its description without parsing it again.
[[nodiscard]] Result<QList<Machine>> readMachines(
    virConnectPtr connection, const QHash<QString, Machine> &known = {}, Definitions definitions = Definitions::Fetch);

/// One machine, after an event. @p touch says what to read again (nothing,
/// for a pause or resume the event told); the rest
/// (autostart, persistence, snapshots, and the definition for a mere state
/// change) is taken from @p known. Without @p known, everything is read. A
/// machine that no longer exists is an error with code VIR_ERR_NO_DOMAIN.
/// Through @p domain, if given (an event's handle), instead of looking the
/// machine up by @p uuid: one call less.
[[nodiscard]] Result<Machine> readMachine(virConnectPtr connection, const QString &uuid,
    Libvirt::MachineTouch touch = Libvirt::MachineTouch::Everything, const Machine *known = nullptr,
    virDomainPtr domain = nullptr);

/// A machine's definition as its node has it now. The one place that
/// fetches domain XML and parses it: the inventory and the requests both
/// read machines through it. Not @c fetched: libvirt could not hand the XML
/// over (libvirt's error). Fetched but in error: the XML is not valid.
struct Definition {
    bool fetched = false;
    Result<DomainDescription> description = Error{};
};
[[nodiscard]] Definition readDefinition(virDomainPtr domain);

/// What readDetails() learnt of a node's storage volumes; reset it when a
/// pool changes.
struct DiskCapacities {
    bool read = false; ///< the pools' volumes were listed
    QHash<QString, quint64> byPath; ///< 0 for a disk in no pool
    QSet<QString> poolFolders; ///< where the volumes are, ending in '/'
};

/// The slower details, filled into @p machines after a full reading: each
/// running machine's interface addresses (from the node's DHCP leases) and
/// each disk's capacity (from the storage volume at its path; @p capacities
/// caches what is known by path). @p handles (by UUID) are machines' handles
/// at hand, which need no lookup. Returns the machines that changed.
[[nodiscard]] QList<Machine> readDetails(virConnectPtr connection, const QList<Machine> &machines,
    DiskCapacities &capacities, const QHash<QString, virDomainPtr> &handles = {});

/// Whether @p capabilitiesXml (virConnectGetCapabilities) offers KVM guests.
[[nodiscard]] bool offersKvm(QByteArrayView capabilitiesXml);

} // namespace Flotilla::InventoryReader
