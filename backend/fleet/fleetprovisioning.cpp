// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The fleet's part in making things on nodes: jobs handed to sessions, and
// what each node offers and holds for the wizard.
#include "fleet/fleet.h"

#include "fleet/fleetworker.h"

#include <KLocalizedString>

namespace Flotilla
{

void Fleet::connectProvisioning(NodeSession *session, const QString &id, quint64 sessionNumber)
{
    connect(session, &NodeSession::provisioningUpdated, this, [this, id](const ProvisioningUpdate &update) {
        if (m_jobs.contains(update.jobId)) {
            Q_EMIT provisioningUpdated(id, update);
        }
    });
    // A job ends once, whichever session answers; one ended already (its
    // node removed) stays ended.
    connect(session, &NodeSession::provisioningFinished, this, [this, id](const ProvisioningResult &result) {
        if (m_jobs.remove(result.jobId) > 0) {
            Q_EMIT provisioningFinished(id, result);
        }
    });
    connect(session, &NodeSession::stockRead, this, [this, id, sessionNumber](const NodeStock &stock) {
        const qsizetype index = indexOf(id);
        if (index >= 0 && m_nodes.at(index).session == sessionNumber) {
            m_nodes[index].stock = stock;
            m_nodes[index].hasStock = true;
            Q_EMIT nodeChanged(index);
        }
    });
}

quint64 Fleet::provision(const QString &nodeId, const ProvisioningRequest &request)
{
    const quint64 id = ++m_lastRequestId;
    const qsizetype index = indexOf(nodeId);
    if (index < 0) {
        failJob(nodeId, id, i18nc("@info", "There is no node “%1”.", nodeId));
        return id;
    }
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_jobs.insert(id, Job{.nodeId = nodeId, .session = m_nodes.at(index).session, .cancel = cancel});
    NodeSession *session = m_workers.at(size_t(index))->session;
    QMetaObject::invokeMethod(
        session, [session, id, request, cancel] { session->provision(id, request, cancel); }, Qt::QueuedConnection);
    return id;
}

void Fleet::cancelProvisioning(quint64 jobId)
{
    if (const auto job = m_jobs.constFind(jobId); job != m_jobs.cend()) {
        job->cancel->store(true);
    }
}

void Fleet::readStock(const QString &nodeId)
{
    tellSession(nodeId, &NodeSession::readStock);
}

void Fleet::readStockOnce(const QString &nodeId)
{
    const qsizetype index = indexOf(nodeId);
    if (index < 0) {
        return;
    }
    Node &node = m_nodes[index];
    if (isUp(node.status.state) && !node.hasStock && node.stockAskedOf != node.session) {
        node.stockAskedOf = node.session;
        readStock(nodeId);
    }
}

void Fleet::failJob(const QString &nodeId, quint64 jobId, const QString &why)
{
    ProvisioningResult result{.jobId = jobId};
    result.outcome.failure = Error{.message = why};
    QMetaObject::invokeMethod(
        this, [this, nodeId, result] { Q_EMIT provisioningFinished(nodeId, result); }, Qt::QueuedConnection);
}

} // namespace Flotilla
