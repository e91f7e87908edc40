// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/domainxml.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla
{

/// What a node is made of, as libvirt reports it.
struct NodeFacts {
    QString hostname;
    QString hypervisor; ///< libvirt's driver name: "QEMU", "TEST", ...
    QString hypervisorVersion;
    QString libvirtVersion;
    QString cpuModel;
    int cpus = 0; ///< logical CPUs that are online
    int sockets = 0;
    int cores = 0; ///< per socket
    int threads = 0; ///< per core
    int mhz = 0;
    quint64 memoryBytes = 0;
    bool kvm = false; ///< the node offers hardware virtualisation (domain type kvm)
    /// The storage pool types the node can make ("dir", "logical", ...);
    /// empty when it does not say (older libvirt, the test driver).
    QStringList poolTypes;

    bool operator==(const NodeFacts &) const = default;
};

/// A machine's run state, in libvirt's order (virDomainState).
enum class MachineState {
    Unknown,
    Running,
    Blocked,
    Paused,
    ShuttingDown,
    Off,
    Crashed,
    Suspended,
};

/// One virtual machine as last read from its node. A plain value: copies
/// travel between threads, nothing in it points back at libvirt.
struct Machine {
    QString uuid;
    QString name;
    QString title;
    QString description;
    QString domainType; ///< "kvm", "qemu", "test"
    MachineState state = MachineState::Unknown;
    int stateReason = 0; ///< libvirt's reason code for the state
    bool persistent = true;
    bool autostart = false;
    int vcpus = 0;
    int maxVcpus = 0;
    quint64 memoryBytes = 0;
    quint64 maxMemoryBytes = 0;
    QList<Disk> disks;
    QList<NetworkInterface> interfaces;
    QList<Graphics> graphics;
    int snapshotCount = 0;
    QStringList snapshots; ///< their names
    MachineMetadata metadata;
    Error problem; ///< why part of it could not be read; empty when all is well
    /// A hash of the domain XML the description was read from: a reading
    /// that finds the same XML again need not parse it again.
    size_t definitionHash = 0;

    bool operator==(const Machine &) const = default;

    /// Executing guest code (not paused, not off).
    [[nodiscard]] bool isRunning() const { return state == MachineState::Running || state == MachineState::Blocked; }

    /// Holding resources on its node: anything but off, crashed or unknown.
    [[nodiscard]] bool isActive() const
    {
        return state != MachineState::Off && state != MachineState::Crashed && state != MachineState::Unknown;
    }
};

/// A place on a node where disks live, as libvirt reports it.
struct StoragePool {
    QString name;
    QString type; ///< libvirt's pool type: "dir", "logical", "netfs", ...
    QString path; ///< where its volumes are on the node: a directory, /dev/VG
    /// Where it comes from: "host:/export" for NFS, the volume group for
    /// LVM, a device; empty for a plain directory.
    QString source;
    bool active = false;
    bool persistent = true; ///< defined on the node, not only while it runs
    bool autostart = false; ///< started with the node
    quint64 capacityBytes = 0;
    quint64 allocationBytes = 0;
    quint64 availableBytes = 0;

    bool operator==(const StoragePool &) const = default;
};

/// An address the node's DHCP server has given out on a network.
struct DhcpLease {
    QString mac;
    QString address;
    int prefix = 0;
    QString hostname; ///< what the guest called itself; may be empty
    QDateTime expires; ///< UTC; invalid when it never expires

    bool operator==(const DhcpLease &) const = default;
};

/// A libvirt virtual network on a node.
struct VirtualNetwork {
    QString name;
    bool active = false;
    QString bridge;
    /// How it reaches the outside: libvirt's forward mode ("nat", "route",
    /// "bridge", "open", ...); empty for an isolated network.
    QString mode;
    QString address; ///< the node's IPv4 address on it (its gateway); empty when it has none
    int prefix = 0; ///< of address
    QString dhcpStart; ///< the DHCP range; empty when it has no DHCP
    QString dhcpEnd;
    bool persistent = true;
    bool autostart = false;
    QList<DhcpLease> leases; ///< read while it runs, where the node can tell

    bool operator==(const VirtualNetwork &) const = default;
};

/// Everything known about one node at one moment.
struct NodeInventory {
    NodeFacts facts;
    QList<Machine> machines;
    QList<StoragePool> pools;
    QList<VirtualNetwork> networks;
};

/// What changed on a node since its last report: what the backend hands to
/// the UI thread. Machines are added, changed (replaced whole) or removed
/// by UUID; facts, pools and networks come whole when they changed.
struct InventoryChange {
    bool complete = false; ///< a full report: machines not in it are gone
    qint64 readMs = 0; ///< a full report: how long reading it took the session
    std::optional<NodeFacts> facts;
    std::optional<QList<StoragePool>> pools;
    std::optional<QList<VirtualNetwork>> networks;
    /// Set when it changes: the last read of the pools failed, so the pools
    /// known (kept as they were) may be out of date.
    std::optional<bool> poolsStale;
    std::optional<bool> networksStale; ///< as poolsStale, for the networks
    QList<Machine> added;
    QList<Machine> changed;
    QList<QString> removed;

    [[nodiscard]] bool isEmpty() const
    {
        return !complete && !facts && !pools && !networks && !poolsStale && !networksStale && added.isEmpty()
            && changed.isEmpty() && removed.isEmpty();
    }
};

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::NodeInventory)
Q_DECLARE_METATYPE(Flotilla::InventoryChange)
