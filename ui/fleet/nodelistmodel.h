// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QAbstractListModel>
#include <QTimer>
#include <QtQmlIntegration>

namespace Flotilla
{
class Fleet;

/// The fleet's nodes, one row each, in the order they were added.
class NodeListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Reached through Fleet.nodes")

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        NameRole,
        UriRole,
        StateRole, ///< NodeListModel::State
        StateTextRole,
        ErrorRole, ///< one line; empty when all is well
        ErrorDetailsRole,
        CityRole,
        CountryRole,
        LatitudeRole,
        LongitudeRole,
        HostnameRole,
        HypervisorRole,
        HypervisorVersionRole,
        NetworksTextRole, ///< the node's networks, comma-separated
        LibvirtVersionRole,
        CpuModelRole,
        CpusRole,
        TopologyTextRole, ///< "2 sockets × 8 cores × 2 threads"
        MemoryBytesRole,
        MemoryTextRole,
        MachineCountRole,
        RunningCountRole,
        KvmRole, ///< the node offers KVM
        StorageCapacityBytesRole,
        StorageUsedBytesRole,
        StorageTextRole, ///< "62 GiB of 100 GiB used"
        PoolsRole, ///< QVariantList of maps: name, active, usedFraction, text
        LoadedRole, ///< an inventory has been read
        CpuPercentRole, ///< the node's CPU use at its last tick; NaN when unknown
        MemoryUsedBytesRole,
        UsageTextRole, ///< "CPU 23 % · memory 41 GiB of 64 GiB"
        SimulatedRole, ///< its activity is the demo's simulation
        TagsRole, ///< QStringList: the person's tags for the node
        AnsweringRole, ///< false while the node owes an answer past NodeHeartbeat's limit
        LastHeardTextRole, ///< "Not answering, last heard 7 seconds ago"; empty while it answers
        PartsStaleRole, ///< the last read of pools or networks failed: they may be out of date
        UnverifiedRole, ///< the node's URI turns off the check of its identity (no_verify=1)
        MaintenanceRole, ///< the person marked it in maintenance: nothing new is placed there
    };
    Q_ENUM(Roles)

    /// What the user sees of a node's connection (NodeState).
    enum State {
        Connecting,
        Connected,
        Degraded,
        Disconnected,
        Reconnecting,
    };
    Q_ENUM(State)

    explicit NodeListModel(Fleet *fleet, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    /// While a node is not answering, its "last heard" text counts up each second.
    void updateSilentRows();

    Fleet *m_fleet;
    int m_count = 0; ///< rows announced so far; the fleet grows before it tells
    QTimer m_silenceClock;
};

} // namespace Flotilla
