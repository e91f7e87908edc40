// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// Changing the fleet's node list while it runs: removing and updating nodes, saving the list.
#include "core/logging.h"
#include "fleet/fleetworker.h"

#include <KLocalizedString>

namespace Flotilla
{

void Fleet::retire(std::unique_ptr<Worker> worker)
{
    worker->stop();
    QThread *thread = worker->thread.get();
    // Forgotten once its thread has ended; until then it waits here, so that
    // a node that hangs costs a thread, never the UI's time.
    connect(thread, &QThread::finished, this, [this, thread] {
        std::erase_if(m_retiring, [thread](const auto &retired) { return retired->thread.get() == thread; });
    });
    m_retiring.push_back(std::move(worker));
    if (thread->isFinished()) {
        std::erase_if(m_retiring, [thread](const auto &retired) { return retired->thread.get() == thread; });
    }
}

void Fleet::dropMachines(qsizetype index)
{
    Node &node = m_nodes[index];
    if (node.machines.machines().isEmpty()) {
        return;
    }
    const InventoryChange gone{.removed = node.machines.machines().keys()};
    node.machines.apply(gone);
    node.machineRates.clear();
    Q_EMIT machinesChanged(index, gone);
}

bool Fleet::removeNode(const QString &id)
{
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return false;
    }
    dropMachines(index);
    endRequests(m_nodes.at(index).session, i18nc("@info", "The node was removed before it answered."));
    Q_EMIT nodeAboutToBeRemoved(index);
    retire(std::move(m_workers.at(size_t(index))));
    m_workers.erase(m_workers.begin() + index);
    m_nodes.removeAt(index);
    m_heartbeat.forget(id);
    Q_EMIT nodeRemoved(index);
    return true;
}

bool Fleet::updateNode(const NodeEntry &entry)
{
    const qsizetype index = indexOf(entry.id);
    if (index < 0) {
        return false;
    }
    Node &node = m_nodes[index];
    const bool reconnect = node.entry.uri != entry.uri || node.entry.enabled != entry.enabled;
    node.entry = entry;
    if (reconnect) {
        dropMachines(index);
        endRequests(node.session,
            i18nc("@info",
                "The node's connection was replaced before it answered; the request may have been carried out."));
        retire(std::move(m_workers.at(size_t(index))));
        Node &fresh = m_nodes[index];
        fresh = Node{.entry = entry, .saved = fresh.saved};
        m_workers.at(size_t(index)) = startSession(fresh);
    }
    Q_EMIT nodeChanged(index);
    return true;
}

Result<bool> Fleet::setMaintenance(const QString &id, bool maintenance)
{
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return false;
    }
    if (m_nodes[index].entry.maintenance == maintenance) {
        return true;
    }
    m_nodes[index].entry.maintenance = maintenance;
    qCInfo(FLOTILLA_FLEET) << "node" << id << (maintenance ? "is now in maintenance" : "is no longer in maintenance");
    Q_EMIT nodeChanged(index);
    return save();
}

Result<bool> Fleet::save() const
{
    if (!m_store) {
        return true;
    }
    QList<NodeEntry> entries;
    for (const Node &node : m_nodes) {
        if (node.saved) {
            entries.append(node.entry);
        }
    }
    return m_store->save(entries);
}

} // namespace Flotilla
