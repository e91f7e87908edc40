// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/nodedrain.h"

#include "core/logging.h"
#include "workloads/fleetworkloads.h"
#include "workloads/workloadchange.h"

#include <KLocalizedString>

namespace Flotilla
{

NodeDrain::NodeDrain(Fleet *fleet, QString nodeId, QList<Departure> departures, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_nodeId(std::move(nodeId))
    , m_departures(std::move(departures))
{
    connect(fleet, &Fleet::provisioningUpdated, this, &NodeDrain::onUpdated);
    connect(fleet, &Fleet::provisioningFinished, this, &NodeDrain::onFinished);
}

NodeDrain::~NodeDrain() = default;

QString NodeDrain::stateName(Departure::State state)
{
    switch (state) {
    case Departure::State::Waiting:
        return QStringLiteral("waiting");
    case Departure::State::Running:
        return QStringLiteral("running");
    case Departure::State::Done:
        return QStringLiteral("done");
    case Departure::State::Failed:
        return QStringLiteral("failed");
    case Departure::State::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString NodeDrain::kindName(Departure::Kind kind)
{
    switch (kind) {
    case Departure::Kind::LiveMove:
        return QStringLiteral("live");
    case Departure::Kind::Move:
        return QStringLiteral("cold");
    case Departure::Kind::Recreate:
        return QStringLiteral("recreate");
    case Departure::Kind::Stay:
        return QStringLiteral("stay");
    }
    return {};
}

void NodeDrain::start()
{
    if (m_started || !m_fleet) {
        return;
    }
    m_started = true;
    // From its start the node takes nothing new, the autoscaler's replicas
    // included, and it stays so after the drain, for its maintenance, until
    // the person ends the mark.
    if (const Result<bool> marked = m_fleet->setMaintenance(m_nodeId, true); !marked) {
        qCWarning(FLOTILLA_FLEET) << "drain: the maintenance mark is not saved:" << marked.error().text();
    }
    next();
}

void NodeDrain::cancel()
{
    if (!isRunning() || m_cancelled) {
        return;
    }
    m_cancelled = true;
    if (m_job != 0) {
        m_fleet->cancelProvisioning(m_job); // its result ends it, and next() ends the drain
    } else if (m_change) {
        m_change->cancel();
    } else {
        next();
    }
}

void NodeDrain::next()
{
    while (++m_current < m_departures.size()) {
        Departure &departure = m_departures[m_current];
        if (departure.kind == Departure::Kind::Stay || m_cancelled || !m_fleet) {
            departure.state = Departure::State::Skipped;
            departure.error = departure.kind == Departure::Kind::Stay
                ? QString()
                : i18nc("@info", "Not begun: the drain was cancelled.");
            Q_EMIT departureChanged(m_current);
            continue;
        }
        departure.state = Departure::State::Running;
        Q_EMIT departureChanged(m_current);
        departure.kind == Departure::Kind::Recreate ? startRecreate(departure) : startMove(departure);
        return;
    }
    m_finished = true;
    Q_EMIT finished();
}

void NodeDrain::startMove(Departure &departure)
{
    m_job = m_fleet->provision(m_nodeId,
        ProvisioningRequest{.kind = ProvisioningRequest::Kind::Transfer,
            .transfer
            = TransferOrder{.kind = departure.kind == Departure::Kind::LiveMove ? TransferOrder::Kind::LiveMove
                                                                                : TransferOrder::Kind::Move,
                .machine = departure.uuid,
                .name = departure.name,
                .uuid = departure.uuid,
                .pool = departure.pool},
            .targetNode = departure.targetId});
}

void NodeDrain::startRecreate(Departure &departure)
{
    // The workload as it stands now: its replicas may have changed since the plan.
    const QList<Workload> workloads = FleetWorkloads::gather(*m_fleet);
    const auto workload = std::ranges::find(workloads, departure.workloadId, &Workload::id);
    const Replica *replica = nullptr;
    if (workload != workloads.end()) {
        const auto found = std::ranges::find(workload->replicas, departure.uuid, &Replica::uuid);
        replica = found != workload->replicas.end() ? &*found : nullptr;
    }
    if (!replica) {
        end(Departure::State::Failed, i18nc("@info", "This replica is no longer on the node."));
        return;
    }
    m_change = std::make_unique<WorkloadChange>(m_fleet, *workload);
    m_change->moveOff({*replica}, {departure.targetId}, {departure.pool});
    connect(m_change.get(), &WorkloadChange::finished, this, [this] {
        const bool made = m_change->succeeded();
        QString summary = m_change->summary();
        for (const WorkloadChange::Step &step : m_change->steps()) {
            if (step.state == WorkloadChange::Step::State::Failed && step.kind == WorkloadChange::Step::Kind::Make) {
                summary += QLatin1Char(' ') + step.error;
            }
        }
        m_change.release()->deleteLater();
        end(made ? Departure::State::Done : Departure::State::Failed, made ? QString() : summary);
    });
    connect(m_change.get(), &WorkloadChange::stepChanged, this, [this](qsizetype index) {
        const WorkloadChange::Step &step = m_change->steps().at(index);
        if (step.state == WorkloadChange::Step::State::Running) {
            m_departures[m_current].activity = step.kind == WorkloadChange::Step::Kind::Make
                ? i18nc("@info %1 a machine", "Making %1", step.name)
                : i18nc("@info %1 a machine", "Removing %1", step.name);
            Q_EMIT departureChanged(m_current);
        }
    });
    m_change->start();
}

void NodeDrain::onUpdated(const QString & /*nodeId*/, const ProvisioningUpdate &update)
{
    if (update.jobId != m_job || m_job == 0 || update.step < 0) {
        return;
    }
    Departure &departure = m_departures[m_current];
    if (update.state == ProvisioningPlan::StepState::Running && update.step < update.steps.size()) {
        departure.activity = update.steps.at(update.step);
    }
    departure.doneBytes = update.doneBytes;
    departure.totalBytes = update.totalBytes;
    Q_EMIT departureChanged(m_current);
}

void NodeDrain::onFinished(const QString & /*nodeId*/, const ProvisioningResult &result)
{
    if (result.jobId != m_job || m_job == 0) {
        return;
    }
    m_job = 0;
    const ProvisioningPlan::Outcome &outcome = result.outcome;
    if (outcome.completed) {
        end(Departure::State::Done);
        return;
    }
    QString why = outcome.cancelled
        ? i18nc("@info", "Cancelled; it is where it was.")
        : i18nc("@info %1 is why", "Not moved: %1. It is where it was.", outcome.failure.text());
    for (const Error &left : outcome.leftovers) {
        why += QLatin1Char('\n') + i18nc("@info %1 is what", "Not undone: %1", left.text());
    }
    end(Departure::State::Failed, why);
}

void NodeDrain::end(Departure::State state, const QString &error)
{
    Departure &departure = m_departures[m_current];
    departure.state = state;
    departure.error = error;
    departure.activity.clear();
    Q_EMIT departureChanged(m_current);
    next();
}

QString NodeDrain::summary() const
{
    qsizetype left = 0;
    qsizetype failed = 0;
    qsizetype stayed = 0;
    for (const Departure &departure : m_departures) {
        left += departure.state == Departure::State::Done ? 1 : 0;
        failed += departure.state == Departure::State::Failed ? 1 : 0;
        stayed += departure.kind == Departure::Kind::Stay || departure.state == Departure::State::Skipped ? 1 : 0;
    }
    const Fleet::Node *node = m_fleet ? m_fleet->node(m_nodeId) : nullptr;
    const QString name = node ? node->entry.name : m_nodeId;
    if (failed == 0 && stayed == 0) {
        return i18ncp(
            "@info %2 a node", "%2 is drained: its machine left.", "%2 is drained: all %1 machines left.", left, name);
    }
    return i18nc("@info %1 a node; then counts", "%1 is not drained: %2, %3, %4.", name,
        i18ncp("@info", "%1 machine left", "%1 machines left", left),
        i18ncp("@info", "%1 failed and stays", "%1 failed and stay", failed),
        i18ncp("@info", "%1 did not go", "%1 did not go", stayed));
}

} // namespace Flotilla
