// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "inventory.h"
#include "nodeentry.h"
#include "nodesession.h"

#include <QObject>

#include <memory>
#include <vector>

class QThread;

namespace Flotilla
{

/// All the nodes Flotilla watches: their entries, and the latest of what
/// each node's session reported. Lives on the UI thread; owns one worker
/// thread and one NodeSession per node, and hears from them through queued
/// signals only.
class Fleet : public QObject
{
    Q_OBJECT

public:
    struct Node {
        NodeEntry entry;
        NodeSession::State state = NodeSession::State::Connecting;
        Error error; ///< the last problem; empty when there is none
        NodeInventory inventory;
        bool hasInventory = false;
    };

    explicit Fleet(QObject *parent = nullptr);
    ~Fleet() override;

    /// Adds a node and starts its session. Ids must be unique.
    void addNode(const NodeEntry &entry);

    [[nodiscard]] const QList<Node> &nodes() const { return m_nodes; }
    [[nodiscard]] qsizetype indexOf(const QString &id) const;

Q_SIGNALS:
    void nodeAdded(qsizetype index);
    void nodeChanged(qsizetype index);

private:
    struct Worker;

    void onStateChanged(const QString &id, NodeSession::State state, const Error &error);
    void onInventoryRead(const QString &id, const NodeInventory &inventory);

    QList<Node> m_nodes;
    std::vector<std::unique_ptr<Worker>> m_workers;
};

} // namespace Flotilla
