// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "inventory.h"
#include "machinediff.h"
#include "nodeentry.h"
#include "nodestatus.h"

#include <QObject>

#include <memory>
#include <vector>

namespace Flotilla
{

/// All the nodes Flotilla watches: their entries, and the latest of what
/// each node's session reported. Lives on the UI thread; owns one worker
/// thread and one NodeSession per node, and hears from them through queued
/// signals only. It keeps the last known picture of a node that is lost.
class Fleet : public QObject
{
    Q_OBJECT

public:
    struct Node {
        NodeEntry entry;
        NodeStatus status;
        NodeFacts facts;
        QList<StoragePool> pools;
        QList<VirtualNetwork> networks;
        MachineSet machines;
        bool hasInventory = false; ///< a full reading has arrived at least once
    };

    explicit Fleet(QObject *parent = nullptr);
    ~Fleet() override;

    /// How often sessions added from now on re-read their node whole.
    void setResyncInterval(std::chrono::milliseconds interval) { m_resyncInterval = interval; }

    /// Adds a node and starts its session. Ids must be unique.
    void addNode(const NodeEntry &entry);
    void reconnectNow(const QString &id);
    void disconnectNode(const QString &id);

    [[nodiscard]] const QList<Node> &nodes() const { return m_nodes; }
    [[nodiscard]] qsizetype indexOf(const QString &id) const;
    /// True once every node has been read fully or given up.
    [[nodiscard]] bool isSettled() const;

Q_SIGNALS:
    void nodeAdded(qsizetype index);
    /// Status, facts, pools or networks of a node changed.
    void nodeChanged(qsizetype index);
    /// Machines of a node were added, changed or removed (already applied).
    void machinesChanged(qsizetype index, const Flotilla::InventoryChange &change);

private:
    struct Worker;

    void onStatusChanged(const QString &id, const NodeStatus &status);
    void onInventoryChanged(const QString &id, const InventoryChange &change);
    template<typename Method>
    void tellSession(const QString &id, Method method);

    QList<Node> m_nodes;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::chrono::milliseconds m_resyncInterval = std::chrono::minutes(1);
};

} // namespace Flotilla
