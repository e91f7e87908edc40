// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The fleet's part in making things on nodes: jobs handed to sessions, and
// what each node offers and holds for the wizard.
#include "fleet/fleet.h"

#include "fleet/fleetworker.h"

#include <KLocalizedString>

#include <QUrl>

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
        const auto job = m_jobs.constFind(result.jobId);
        if (job == m_jobs.cend()) {
            return;
        }
        if (!job->targetId.isEmpty()) { // its target does not hear of the plan on its own
            if (const qsizetype target = indexOf(job->targetId); target >= 0) {
                NodeSession *session = m_workers.at(size_t(target))->session;
                QMetaObject::invokeMethod(
                    session, [session, uuid = result.uuid] { session->readAfterTransfer(uuid); }, Qt::QueuedConnection);
            }
        }
        m_jobs.erase(job);
        Q_EMIT provisioningFinished(id, result);
    });
    connect(session, &NodeSession::connectionLent, this, &Fleet::onConnectionLent);
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
    Job job{
        .nodeId = nodeId, .session = m_nodes.at(index).session, .cancel = std::make_shared<std::atomic_bool>(false)};
    if (request.kind != ProvisioningRequest::Kind::Transfer) {
        m_jobs.insert(id, job);
        startJob(id, request);
        return id;
    }
    // A transfer runs on the source's session, through a connection the
    // target's session lends it: each session alone touches its own.
    const qsizetype target = indexOf(request.targetNode);
    if (target < 0 || target == index) {
        failJob(nodeId, id,
            target < 0 ? i18nc("@info", "There is no node “%1”.", request.targetNode)
                       : i18nc("@info", "The machine is on that node already."));
        return id;
    }
    if (request.transfer.isMove()) { // shut down there, and stopped here again if it fails: asked for, not unexpected
        m_events.expectStop(nodeId, request.transfer.machine);
        m_events.expectStop(request.targetNode, request.transfer.machine);
    }
    job.targetId = request.targetNode;
    job.targetSession = m_nodes.at(target).session;
    job.waiting = request;
    job.waiting->sourceName = m_nodes.at(index).entry.name;
    job.waiting->target.name = m_nodes.at(target).entry.name;
    job.waiting->target.host = QUrl(m_nodes.at(target).entry.uri).host();
    m_jobs.insert(id, job);
    NodeSession *lender = m_workers.at(size_t(target))->session;
    QMetaObject::invokeMethod(lender, [lender, id] { lender->lendConnection(id); }, Qt::QueuedConnection);
    return id;
}

void Fleet::startJob(quint64 jobId, const ProvisioningRequest &request)
{
    const Job job = m_jobs.value(jobId);
    const qsizetype index = indexOf(job.nodeId);
    if (index < 0) {
        return; // removed meanwhile, which ended the job
    }
    NodeSession *session = m_workers.at(size_t(index))->session;
    QMetaObject::invokeMethod(
        session, [session, jobId, request, cancel = job.cancel] { session->provision(jobId, request, cancel); },
        Qt::QueuedConnection);
}

void Fleet::onConnectionLent(quint64 jobId, const TransferTarget &target)
{
    const auto job = m_jobs.find(jobId);
    if (job == m_jobs.end() || !job->waiting) {
        return; // ended meanwhile: its node removed
    }
    ProvisioningRequest request = *std::exchange(job->waiting, std::nullopt);
    if (!target.connection) {
        const QString why = i18nc("@info %1 is a node", "%1 is not connected.", request.target.name);
        failJob(job->nodeId, jobId, why);
        m_jobs.erase(job);
        return;
    }
    request.target.connection = target.connection;
    request.target.simulated = target.simulated;
    startJob(jobId, request);
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
