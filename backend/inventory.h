// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Flotilla
{

/// What a node is made of, as libvirt reports it.
struct NodeFacts {
    QString hostname;
    QString hypervisor; ///< libvirt's driver name: "QEMU", "Test", ...
    QString hypervisorVersion;
    QString libvirtVersion;
    QString cpuModel;
    int cpus = 0; ///< logical CPUs that are online
    int sockets = 0;
    int cores = 0; ///< per socket
    int threads = 0; ///< per core
    int mhz = 0;
    quint64 memoryBytes = 0;
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
    MachineState state = MachineState::Unknown;
    int vcpus = 0;
    quint64 memoryBytes = 0;
    quint64 maxMemoryBytes = 0;
    bool persistent = true;

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
};

/// Everything known about one node at one moment.
struct NodeInventory {
    NodeFacts facts;
    QList<Machine> machines;
    QList<StoragePool> pools;
    QList<QString> networks;
};

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::NodeInventory)
