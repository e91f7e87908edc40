// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QtQmlIntegration>

namespace Flotilla
{
class Fleet;

/// The fleet's totals for the dashboard: nodes by connection, machines by
/// state, and what running machines take of the nodes' capacity. Kept
/// current by the fleet's signals; a node's change recounts only that node.
class FleetSummary : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Reached through Fleet.summary")
    Q_PROPERTY(int nodeCount READ nodeCount NOTIFY changed)
    Q_PROPERTY(int nodesUp READ nodesUp NOTIFY changed) ///< connected
    Q_PROPERTY(int nodesDegraded READ nodesDegraded NOTIFY changed) ///< connected, slow
    Q_PROPERTY(int nodesReconnecting READ nodesReconnecting NOTIFY changed) ///< lost, trying again
    Q_PROPERTY(int nodesDisconnected READ nodesDisconnected NOTIFY changed) ///< not trying
    Q_PROPERTY(int nodesDown READ nodesDown NOTIFY changed) ///< reconnecting or disconnected
    /// Silent past NodeHeartbeat's limit, whatever their connection says.
    Q_PROPERTY(int nodesNotAnswering READ nodesNotAnswering NOTIFY changed)
    Q_PROPERTY(int machineCount READ machineCount NOTIFY changed)
    Q_PROPERTY(int machinesRunning READ machinesRunning NOTIFY changed)
    Q_PROPERTY(int machinesPaused READ machinesPaused NOTIFY changed)
    Q_PROPERTY(int machinesOff READ machinesOff NOTIFY changed) ///< off or crashed
    /// vCPUs and memory of machines that hold them (running or paused).
    Q_PROPERTY(int vcpusAllocated READ vcpusAllocated NOTIFY changed)
    Q_PROPERTY(int cpuCapacity READ cpuCapacity NOTIFY changed)
    Q_PROPERTY(double memoryAllocatedBytes READ memoryAllocatedBytes NOTIFY changed)
    Q_PROPERTY(double memoryCapacityBytes READ memoryCapacityBytes NOTIFY changed)
    /// Allocated of capacity in whole percent (190 for 137 vCPUs on 72 CPUs); 0 without capacity.
    Q_PROPERTY(int vcpuPercent READ vcpuPercent NOTIFY changed)
    Q_PROPERTY(Allocation vcpuAllocation READ vcpuAllocation NOTIFY changed)
    Q_PROPERTY(int memoryPercent READ memoryPercent NOTIFY changed)
    Q_PROPERTY(Allocation memoryAllocation READ memoryAllocation NOTIFY changed)
    Q_PROPERTY(double storageUsedBytes READ storageUsedBytes NOTIFY changed)
    Q_PROPERTY(double storageCapacityBytes READ storageCapacityBytes NOTIFY changed)

public:
    /// How far allocation goes past capacity; the dashboard colours its bars by it.
    enum class Allocation {
        Within, ///< up to 100 %
        Overcommitted, ///< over 100 %: machines wait for CPU, or swap, when all are busy at once
        FarOvercommitted, ///< over the far limit of the resource (below)
    };
    Q_ENUM(Allocation)
    /// Four vCPUs per CPU: the ceiling clouds commonly allow (OpenStack's default ratio).
    static constexpr int vcpuFarPercent = 400;
    /// Memory is not shared as CPU time is: past half again, guests swap or are killed.
    static constexpr int memoryFarPercent = 150;

    /// One node's share of the totals.
    struct Counts {
        int nodes = 0;
        int up = 0;
        int degraded = 0;
        int reconnecting = 0;
        int disconnected = 0;
        int notAnswering = 0;
        int machines = 0;
        int running = 0;
        int paused = 0;
        int off = 0;
        int vcpus = 0;
        int cpus = 0;
        quint64 memory = 0;
        quint64 memoryCapacity = 0;
        quint64 storageUsed = 0;
        quint64 storageCapacity = 0;

        Counts &operator+=(const Counts &other);
        bool operator==(const Counts &) const = default;
    };

    explicit FleetSummary(Fleet *fleet, QObject *parent = nullptr);

    [[nodiscard]] int nodeCount() const { return m_total.nodes; }
    [[nodiscard]] int nodesUp() const { return m_total.up; }
    [[nodiscard]] int nodesDegraded() const { return m_total.degraded; }
    [[nodiscard]] int nodesReconnecting() const { return m_total.reconnecting; }
    [[nodiscard]] int nodesDisconnected() const { return m_total.disconnected; }
    [[nodiscard]] int nodesNotAnswering() const { return m_total.notAnswering; }
    [[nodiscard]] int nodesDown() const { return m_total.reconnecting + m_total.disconnected; }
    [[nodiscard]] int machineCount() const { return m_total.machines; }
    [[nodiscard]] int machinesRunning() const { return m_total.running; }
    [[nodiscard]] int machinesPaused() const { return m_total.paused; }
    [[nodiscard]] int machinesOff() const { return m_total.off; }
    [[nodiscard]] int vcpusAllocated() const { return m_total.vcpus; }
    [[nodiscard]] int cpuCapacity() const { return m_total.cpus; }
    [[nodiscard]] double memoryAllocatedBytes() const { return double(m_total.memory); }
    [[nodiscard]] double memoryCapacityBytes() const { return double(m_total.memoryCapacity); }
    [[nodiscard]] int vcpuPercent() const { return percentOf(m_total.vcpus, m_total.cpus); }
    [[nodiscard]] Allocation vcpuAllocation() const { return allocationOf(vcpuPercent(), vcpuFarPercent); }
    [[nodiscard]] int memoryPercent() const
    {
        return percentOf(double(m_total.memory), double(m_total.memoryCapacity));
    }
    [[nodiscard]] Allocation memoryAllocation() const { return allocationOf(memoryPercent(), memoryFarPercent); }
    [[nodiscard]] double storageUsedBytes() const { return double(m_total.storageUsed); }
    [[nodiscard]] double storageCapacityBytes() const { return double(m_total.storageCapacity); }

    [[nodiscard]] static int percentOf(double used, double capacity);
    [[nodiscard]] static Allocation allocationOf(int percent, int farPercent);

    /// "1.5 GiB": a figure of bytes for a person.
    Q_INVOKABLE [[nodiscard]] static QString formatBytes(double bytes);

Q_SIGNALS:
    void changed();

private:
    void noteChange(qsizetype node);
    void recount();

    Fleet *m_fleet;
    QList<Counts> m_nodes; ///< each node's share, in the fleet's order
    Counts m_total;
    /// Nodes changed since the last count. A busy node changes dozens of
    /// times a second, and counting 5,000 machines at each change was a
    /// tenth of the work of such a fleet: the totals follow a tenth of a
    /// second later instead.
    QSet<qsizetype> m_changed;
    QTimer m_recount;
};

} // namespace Flotilla
