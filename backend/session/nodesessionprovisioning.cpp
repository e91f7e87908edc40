// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// NodeSession's part in making things on its node: plans run aside, the
// node's stock read for the wizard, and the leftovers of lost plans.
#include "session/nodesession.h"

#include "core/logging.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/uploadjournal.h"

#include <KLocalizedString>

namespace Flotilla
{

std::shared_ptr<Libvirt::Connection> NodeSession::heldConnection() const
{
    virConnectRef(m_connection.get());
    return std::make_shared<Libvirt::Connection>(m_connection.get());
}

void NodeSession::provision(
    quint64 jobId, const ProvisioningRequest &request, const std::shared_ptr<std::atomic_bool> &cancel)
{
    if (!m_connection) {
        ProvisioningResult result{.jobId = jobId, .uuid = request.madeUuid()};
        result.outcome.failure = Error{.message = i18nc("@info", "The node is not connected.")};
        Q_EMIT provisioningFinished(result);
        return;
    }
    const bool simulated = m_simulated;
    const bool kvm = m_facts.kvm;
    const AsideCalls::Post post = m_aside.poster();
    m_aside.run<ProvisioningResult>(
        [held = heldConnection(), node = m_uri, jobId, request, cancel, simulated, kvm, post, this,
            underway = std::make_shared<ProvisioningJob::Underway>(request.madeUuid())] {
            // Updates go to the session's thread as they come; `this` is only
            // touched there, and only while the session lives (see AsideCalls).
            const ProvisioningJob::Report report = [post, this, jobId](ProvisioningUpdate update) {
                update.jobId = jobId;
                post([this, update] { Q_EMIT provisioningUpdated(update); });
            };
            ProvisioningResult result{.jobId = jobId, .uuid = request.madeUuid()};
            const NodeStock stock = request.kind == ProvisioningRequest::Kind::Machine
                ? ProvisioningJob::readStock(held->get(), kvm && !request.order.emulated)
                : NodeStock{};
            if (!stock.offerProblem.isEmpty()) {
                result.outcome.failedStep = 0;
                result.outcome.failure = stock.offerProblem;
                return result;
            }
            const ProvisioningPlan plan
                = ProvisioningJob::plan(held->get(), node, stock.offer, request, simulated, report, cancel);
            result.outcome = ProvisioningJob::run(plan, jobId, *cancel, report);
            return result;
        },
        [this, request](const ProvisioningResult &result) { provisioningEnded(request, result); });
}

void NodeSession::provisioningEnded(const ProvisioningRequest &request, const ProvisioningResult &result)
{
    if (m_connection) {
        if (!result.uuid.isEmpty() && request.kind != ProvisioningRequest::Kind::Transfer) {
            machineTouched(result.uuid); // made, or undone: the test driver sends few events
        }
        if (request.kind == ProvisioningRequest::Kind::Clone) {
            machineTouched(request.clone.parent); // a linked clone's parent moved onto new layers
        }
        if (request.kind == ProvisioningRequest::Kind::Transfer) {
            machineTouched(request.transfer.machine); // moved away, or back where it was
        }
        readNodeParts(); // the pools' room changed
        readStock();
    }
    Q_EMIT provisioningFinished(result);
}

void NodeSession::lendConnection(quint64 jobId)
{
    TransferTarget lent{.simulated = m_simulated};
    if (m_connection) {
        lent.connection = heldConnection();
    }
    Q_EMIT connectionLent(jobId, lent);
}

void NodeSession::readAfterTransfer(const QString &uuid)
{
    if (m_connection) {
        machineTouched(uuid);
        readNodeParts();
        readStock();
    }
}

void NodeSession::readStock()
{
    if (!m_connection) {
        return;
    }
    m_aside.run<NodeStock>(
        [held = heldConnection(), kvm = m_facts.kvm] { return ProvisioningJob::readStock(held->get(), kvm); },
        [this](const NodeStock &stock) {
            readNodeParts(); // the pools' room, as fresh as the volumes: a placement plans with both
            Q_EMIT stockRead(stock);
        });
}

namespace
{
/// Deletes what uploads to @p node left half made when the node went away
/// (UploadJournal); returns how many volumes it deleted.
Result<int> removeHalfUploads(virConnectPtr connection, const QString &node)
{
    const UploadJournal journal;
    int removed = 0;
    for (const UploadJournal::Entry &upload : journal.abandoned(node)) {
        const bool there = NodeVolumes::exists(connection, upload.pool, upload.volume);
        if (Result<bool> gone = NodeVolumes::remove(connection, upload.pool, upload.volume); !gone) {
            return gone.error();
        }
        journal.forget(upload);
        removed += there ? 1 : 0;
    }
    return removed;
}
} // namespace

void NodeSession::removeLeftovers()
{
    if (!m_connection) {
        return;
    }
    // The full reading knows every machine's metadata, and an empty journal
    // is no file: a node with nothing half made (nearly always) costs no
    // call to the node and no thread.
    const bool anyMachine = std::ranges::any_of(
        m_machines.machines(), [](const Machine &machine) { return !machine.metadata.unfinished.isEmpty(); });
    if (!anyMachine && UploadJournal().isEmpty()) {
        return;
    }
    const quint64 generation = m_generation;
    m_aside.run<Result<int>>(
        [held = heldConnection(), node = m_uri, anyMachine]() -> Result<int> {
            const Result<int> uploads = removeHalfUploads(held->get(), node);
            if (!uploads || !anyMachine) {
                return uploads;
            }
            const MachineProvisioning::LeftoverRule rule{.inProgress = ProvisioningJob::Underway::isMaking};
            const Result<int> machines = MachineProvisioning::removeLeftovers(held->get(), rule);
            return machines ? Result<int>(uploads.value() + machines.value()) : machines;
        },
        [this, generation](const Result<int> &removed) {
            if (!removed) {
                qCWarning(FLOTILLA_SESSION).noquote()
                    << m_uri << "could not remove what lost plans left:" << removed.error().text();
            } else if (removed.value() > 0 && generation == m_generation && m_connection) {
                qCInfo(FLOTILLA_SESSION).noquote()
                    << m_uri << "removed" << removed.value() << "half-made machines and uploads";
                readEverything(Depth::Refresh);
                readNodeParts();
                readStock();
            }
        });
}

} // namespace Flotilla
