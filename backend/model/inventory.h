// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/domainxml.h"

#include <QList>
#include <QMetaType>
#include <QString>

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

struct StoragePool {
    QString name;
    bool active = false;
    quint64 capacityBytes = 0;
    quint64 allocationBytes = 0;
    quint64 availableBytes = 0;

    bool operator==(const StoragePool &) const = default;
};

struct VirtualNetwork {
    QString name;
    bool active = false;
    QString bridge;

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
