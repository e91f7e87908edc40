// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/workloadchange.h"

#include "provisioning/imagelibrary.h"
#include "workloads/fleetworkloads.h"
#include "workloads/workloadsecrets.h"

#include <KLocalizedString>

#include <QFileInfo>
#include <QtConcurrentRun>

#include <QUuid>
#include <limits>

namespace Flotilla
{

namespace
{
constexpr quint64 MiB = 1ULL << 20;
constexpr quint64 GiB = 1ULL << 30;

bool hasEnded(WorkloadChange::Step::State state)
{
    using State = WorkloadChange::Step::State;
    return state == State::Done || state == State::Failed || state == State::Undone;
}

const Fleet::Node *nodeOf(const Fleet &fleet, const QString &id)
{
    const qsizetype index = fleet.indexOf(id);
    return index < 0 ? nullptr : &fleet.nodes().at(index);
}

/// The volumes deleting @p replica deletes: its own root and seed, its data disk only when @p deleteData.
QStringList volumesOf(const Replica &replica, bool deleteData)
{
    QStringList volumes;
    for (const Disk &disk : replica.disks) {
        const QString name = QFileInfo(disk.source).fileName();
        if (ImageLibrary::isMachineVolume(name) && (deleteData || !ImageLibrary::isDataVolume(name))) {
            volumes.append(disk.source);
        }
    }
    return volumes;
}

} // namespace

QString WorkloadChange::stateName(Step::State state)
{
    const std::pair<Step::State, const char *> names[]
        = {{Step::State::Waiting, "waiting"}, {Step::State::Running, "running"}, {Step::State::Done, "done"},
            {Step::State::Failed, "failed"}, {Step::State::Undoing, "undoing"}, {Step::State::Undone, "undone"}};
    for (const auto &[known, name] : names) {
        if (known == state) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

WorkloadChange::WorkloadChange(Fleet *fleet, Workload workload, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_workload(std::move(workload))
    , m_replicaMetadata(Workloads::replicaMetadata(m_workload, 0)) // the template's JSON and hash, made once
{
    connect(fleet, &Fleet::provisioningFinished, this, &WorkloadChange::onProvisioned);
    connect(fleet, &Fleet::requestFinished, this, &WorkloadChange::onRequestFinished);
}

std::unique_ptr<WorkloadChange> WorkloadChange::scaling(Fleet *fleet, Workload workload, int replicas, bool deleteData)
{
    const int more = replicas - int(workload.replicas.size());
    workload.policy.replicas = replicas;
    workload.policy.changed = QDateTime::currentDateTimeUtc();
    auto change = std::make_unique<WorkloadChange>(fleet, workload);
    if (more > 0) {
        const Placement::Plan plan = FleetWorkloads::place(*fleet, workload, more);
        change->make(plan.nodeIds, plan.pools);
    } else if (more < 0) {
        change->remove(Workloads::toRemove(workload, -more), deleteData);
    }
    return change;
}

void WorkloadChange::make(const QStringList &nodeIds, const QStringList &pools)
{
    QList<int> used = m_workload.indices();
    for (const Step &step : std::as_const(m_steps)) {
        used.append(step.index);
    }
    int index = 1;
    for (qsizetype i = 0; i < nodeIds.size(); ++i) {
        while (used.contains(index)) {
            ++index;
        }
        used.append(index);
        m_steps.append(Step{.index = index,
            .name = Workloads::replicaName(m_workload.name, index),
            .nodeId = nodeIds.at(i),
            .pool = pools.value(i)});
    }
}

void WorkloadChange::remove(const QList<Replica> &replicas, bool deleteData)
{
    for (const Replica &replica : replicas) {
        m_steps.append(Step{.kind = Step::Kind::Remove,
            .index = replica.index,
            .name = replica.name,
            .nodeId = replica.nodeId,
            .uuid = replica.uuid,
            .volumes = volumesOf(replica, deleteData)});
    }
}

void WorkloadChange::replace(const QList<Replica> &replicas, int atATime)
{
    int count = 0;
    for (const Replica &replica : replicas) {
        const int wave = count++ / std::max(1, atATime);
        const QString data = m_workload.machineTemplate.dataGiB > 0 ? Workloads::dataDiskOf(replica) : QString();
        const QString pool
            = replica.disks.isEmpty() ? QString() : replica.disks.first().source.section(QLatin1Char('/'), 0, 0);
        Step removal{.kind = Step::Kind::Remove,
            .index = replica.index,
            .name = replica.name,
            .nodeId = replica.nodeId,
            .uuid = replica.uuid,
            .volumes = volumesOf(replica, data.isEmpty()),
            .wave = wave};
        if (!data.isEmpty()) {
            // Its data disk can be on one machine only: the old one goes
            // first, and its successor takes its place, its name and the disk.
            m_steps.append(removal);
            m_steps.append(Step{.index = replica.index,
                .name = replica.name,
                .nodeId = replica.nodeId,
                .pool = pool,
                .after = m_steps.size() - 1,
                .wave = wave,
                .dataVolume = data});
            continue;
        }
        // The successor first, on the same node under a new name; the old one goes once it is made.
        make({replica.nodeId}, {pool});
        m_steps.last().wave = wave;
        removal.after = m_steps.size() - 1;
        m_steps.append(removal);
    }
}

void WorkloadChange::moveOff(const QList<Replica> &replicas, const QStringList &nodeIds, const QStringList &pools)
{
    for (qsizetype i = 0; i < replicas.size(); ++i) {
        const Replica &replica = replicas.at(i);
        make({nodeIds.value(i)}, {pools.value(i)});
        m_steps.append(Step{.kind = Step::Kind::Remove,
            .index = replica.index,
            .name = replica.name,
            .nodeId = replica.nodeId,
            .uuid = replica.uuid,
            .volumes = volumesOf(replica, true),
            .after = m_steps.size() - 1});
    }
}

void WorkloadChange::start()
{
    if (m_started || !m_fleet) {
        return;
    }
    m_started = true;
    const QStringList secrets = WorkloadSecrets::namesIn(m_workload.machineTemplate.setup);
    const bool makes = std::ranges::any_of(m_steps, [](const Step &step) { return step.kind == Step::Kind::Make; });
    if (secrets.isEmpty() || !makes) {
        launch();
        return;
    }
    auto *keeper = new SecretKeeper(this);
    keeper->find(secrets, [this, keeper](const Result<QHash<QString, QString>> &found) {
        keeper->deleteLater();
        if (found) {
            m_secrets = found.value();
        } else {
            failWaiting(found.error().text());
        }
        launch();
    });
}

void WorkloadChange::failWaiting(const QString &why)
{
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).state == Step::State::Waiting) {
            setState(i, Step::State::Failed, why);
        }
    }
}

void WorkloadChange::cancel()
{
    if (m_finished || m_cancelled) {
        return;
    }
    m_cancelled = true;
    for (auto job = m_jobs.cbegin(); job != m_jobs.cend(); ++job) {
        m_fleet->cancelProvisioning(job.key());
    }
    failWaiting(i18nc("@info", "Cancelled before it began."));
    launch();
}

bool WorkloadChange::mayStart(qsizetype index, const QHash<QString, int> &running, int openWave) const
{
    const Step &step = m_steps.at(index);
    if (step.after >= 0 && m_steps.at(step.after).state != Step::State::Done) {
        return false;
    }
    return step.wave <= openWave && (step.kind == Step::Kind::Remove || running.value(step.nodeId) < plansPerNode);
}

void WorkloadChange::launch()
{
    if (!m_fleet || m_undoing || m_finished) {
        return;
    }
    // Counted once a round, not once a step: a deployment has hundreds.
    QHash<QString, int> running; // Make steps under way, by node
    int openWave = std::numeric_limits<int>::max(); // the first wave not through
    for (const Step &step : std::as_const(m_steps)) {
        running[step.nodeId] += step.kind == Step::Kind::Make && step.state == Step::State::Running ? 1 : 0;
        openWave = hasEnded(step.state) ? openWave : std::min(openWave, step.wave);
    }
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        const Step &step = m_steps.at(i);
        if (step.state != Step::State::Waiting) {
            continue;
        }
        if (step.after >= 0 && (m_steps.at(step.after).state == Step::State::Failed || m_cancelled)) {
            setState(i, Step::State::Failed,
                step.kind == Step::Kind::Make ? i18nc("@info", "Not made: the replica it replaces is still there.")
                                              : i18nc("@info", "Kept: its successor could not be made."));
        } else if (!m_cancelled && mayStart(i, running, openWave)) {
            running[step.nodeId] += step.kind == Step::Kind::Make ? 1 : 0;
            step.kind == Step::Kind::Make ? startMake(i) : startRemove(i);
        }
    }
    const bool ended = std::ranges::all_of(m_steps, [](const Step &step) { return hasEnded(step.state); });
    if (!ended) {
        return;
    }
    const bool makeFailed = std::ranges::any_of(
        m_steps, [](const Step &step) { return step.kind == Step::Kind::Make && step.state == Step::State::Failed; });
    const bool removedAny = std::ranges::any_of(
        m_steps, [](const Step &step) { return step.kind == Step::Kind::Remove && step.state == Step::State::Done; });
    // A rolling replace cannot bring back what it removed: a failed successor keeps its old replica instead.
    if ((makeFailed || m_cancelled) && !removedAny
        && m_workload.policy.onFailure == WorkloadPolicy::OnFailure::AllOrNothing) {
        undo();
    } else {
        writePolicy();
    }
}

MachineOrder WorkloadChange::orderFor(const Step &step) const
{
    const MachineTemplate &made = m_workload.machineTemplate;
    MachineMetadata metadata = m_replicaMetadata;
    metadata.replica = step.index;
    metadata.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    metadata.creator = MachineProvisioning::creatorHere();
    MachineOrder order{.machine = {.name = step.name,
                           .uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
                           .vcpus = made.vcpus,
                           .maxVcpus = made.maxVcpus,
                           .memoryBytes = quint64(made.memoryMiB) * MiB,
                           .maxMemoryBytes = quint64(made.maxMemoryMiB) * MiB,
                           .mac = MachineDefinition::randomMac(),
                           .metadata = metadata},
        .pool = step.pool,
        .image = made.image,
        .imageFormat = QStringLiteral("qcow2"),
        .linkedClone = made.linkedClone,
        .rootBytes = quint64(made.rootGiB) * GiB,
        .dataBytes = step.dataVolume.isEmpty() ? quint64(made.dataGiB) * GiB : 0,
        .dataVolume = step.dataVolume.section(QLatin1Char('/'), -1),
        .dataPool = step.dataVolume.isEmpty() ? QString() : step.dataVolume.section(QLatin1Char('/'), 0, 0)};
    if (const Fleet::Node *node = nodeOf(*m_fleet, step.nodeId)) {
        for (const NodeVolume &volume : node->stock.volumes) {
            if (volume.pool == step.pool && volume.name == made.image) {
                order.imageFormat = volume.format;
            }
        }
        // libvirt's "default" network where the node has it running, else its first running one,
        // else QEMU's own user-mode network: a replica on a libvirt network has a lease, so an address.
        for (const VirtualNetwork &network : node->networks) {
            const bool isDefault = network.name == QLatin1StringView("default");
            if (network.active && (order.machine.network.isEmpty() || isDefault)) {
                order.machine.network = network.name;
            }
        }
    }
    return order;
}

void WorkloadChange::startMake(qsizetype index)
{
    const MachineOrder order = orderFor(m_steps.at(index));
    MachineSetup setup = WorkloadSecrets::filledIn(m_workload.machineTemplate.setup, m_secrets);
    setup.hostname = order.machine.name;
    Step &step = m_steps[index];
    step.uuid = order.machine.uuid;
    step.volumes.clear();
    for (const auto kind : {NewDisk::Kind::Root, NewDisk::Kind::Seed}) {
        step.volumes.append(order.pool + QLatin1Char('/') + MachineProvisioning::volumeName(order, kind));
    }
    if (order.dataBytes > 0) {
        step.volumes.append(
            order.dataPoolOrPool() + QLatin1Char('/') + MachineProvisioning::volumeName(order, NewDisk::Kind::Data));
    }
    setState(index, Step::State::Running);
    // The seed (cloud-init's documents in an ISO) is made on a worker: on a
    // busy computer it takes the UI thread up to 20 ms, and a deployment
    // makes dozens at once. Dropped with this change if it goes first.
    QtConcurrent::run([setup, uuid = order.machine.uuid, mac = order.machine.mac] {
        return CloudInit::seed(setup, QStringLiteral("iid-") + uuid, mac);
    }).then(this, [this, index, order](const Result<CloudInit::Seed> &seed) { sendOrder(index, order, seed); });
}

void WorkloadChange::sendOrder(qsizetype index, MachineOrder order, const Result<CloudInit::Seed> &seed)
{
    if (!seed || m_cancelled || !m_fleet) {
        setState(index, Step::State::Failed, seed ? i18nc("@info", "Cancelled before it began.") : seed.error().text());
        launch();
        return;
    }
    order.seed = seed.value();
    m_jobs.insert(m_fleet->provision(m_steps.at(index).nodeId, ProvisioningRequest{.order = order}), index);
}

void WorkloadChange::startRemove(qsizetype index)
{
    const Step &step = m_steps.at(index);
    m_requests.insert(
        m_fleet->request(step.nodeId,
            MachineRequest{.kind = MachineRequest::Kind::Delete, .uuid = step.uuid, .volumes = step.volumes}),
        index);
    setState(index, Step::State::Running);
}

void WorkloadChange::onProvisioned(const QString &, const ProvisioningResult &result)
{
    const auto job = m_jobs.constFind(result.jobId);
    if (job == m_jobs.cend()) {
        return;
    }
    const qsizetype index = *job;
    m_jobs.erase(job);
    if (result.outcome.completed) {
        setState(index, Step::State::Done);
    } else if (result.outcome.cancelled) {
        setState(index, Step::State::Failed, i18nc("@info", "Cancelled, and undone."));
    } else {
        const QString why = result.outcome.failure.text();
        const bool again = m_workload.policy.onFailure == WorkloadPolicy::OnFailure::BestEffort
            && !m_steps.at(index).retried && m_steps.at(index).after < 0 && !m_cancelled;
        if (!again || !moveElsewhere(index)) {
            setState(index, Step::State::Failed, why);
        }
    }
    launch();
}

bool WorkloadChange::moveElsewhere(qsizetype index)
{
    // The next best node: placed again with this one ruled out, and with
    // the replicas this change is making counted where they go.
    Workload placing = m_workload;
    QList<Placement::Node> nodes = FleetWorkloads::nodesFor(*m_fleet, placing);
    for (Placement::Node &node : nodes) {
        node.up = node.up && node.id != m_steps.at(index).nodeId;
        node.replicas += int(std::ranges::count_if(m_steps, [&](const Step &step) {
            return step.kind == Step::Kind::Make && step.nodeId == node.id && !hasEnded(step.state);
        }));
    }
    const Placement::Plan plan
        = Placement::place(FleetWorkloads::needOf(m_workload.machineTemplate), 1, m_workload.policy.placement, nodes);
    if (plan.nodeIds.isEmpty()) {
        return false;
    }
    Step &step = m_steps[index];
    step.error = i18nc("@info: a node, then why", "Failed on %1 (%2); tried again elsewhere.",
        nodeOf(*m_fleet, step.nodeId) ? nodeOf(*m_fleet, step.nodeId)->entry.name : step.nodeId, step.error);
    step.retried = true;
    step.nodeId = plan.nodeIds.first();
    step.pool = plan.pools.first();
    setState(index, Step::State::Waiting, step.error);
    return true;
}

void WorkloadChange::onRequestFinished(const QString &, const MachineRequestResult &result)
{
    const auto request = m_requests.constFind(result.requestId);
    if (request == m_requests.cend()) {
        return;
    }
    const qsizetype index = *request;
    m_requests.erase(request);
    if (index < 0) { // a policy written to a replica
        if (!result.error.isEmpty()) {
            m_policyErrors.append(result.error.text());
        }
        if (--m_policyWrites == 0) {
            finish();
        }
        return;
    }
    const bool undoing = m_steps.at(index).state == Step::State::Undoing;
    if (!result.error.isEmpty()) {
        setState(index, Step::State::Failed,
            undoing ? i18nc("@info", "Could not be undone: %1", result.error.text()) : result.error.text());
    } else {
        setState(index, undoing ? Step::State::Undone : Step::State::Done);
    }
    if (m_undoing) {
        if (m_requests.isEmpty()) {
            finish();
        }
        return;
    }
    launch();
}

void WorkloadChange::undo()
{
    m_undoing = true;
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        const Step &step = m_steps.at(i);
        if (step.kind == Step::Kind::Make && step.state == Step::State::Done) {
            m_requests.insert(
                m_fleet->request(step.nodeId,
                    MachineRequest{.kind = MachineRequest::Kind::Delete, .uuid = step.uuid, .volumes = step.volumes}),
                i);
            setState(i, Step::State::Undoing);
        }
    }
    if (m_requests.isEmpty()) {
        finish();
    }
}

void WorkloadChange::writePolicy()
{
    QSet<QString> removed;
    for (const Step &step : std::as_const(m_steps)) {
        if (step.kind == Step::Kind::Remove && step.state == Step::State::Done) {
            removed.insert(step.uuid);
        }
    }
    const QString policy = QString::fromUtf8(Workloads::policyJson(m_workload.policy));
    for (const Fleet::Node &node : m_fleet->nodes()) {
        for (const Machine &machine : node.machines.machines()) {
            const bool templateKept
                = !m_recordTemplate || machine.metadata.templateHash == m_replicaMetadata.templateHash;
            if (machine.metadata.workloadId != m_workload.id || removed.contains(machine.uuid)
                || (machine.metadata.policy == policy && machine.metadata.lease == m_workload.lease.text()
                    && templateKept)) {
                continue;
            }
            MachineMetadata metadata = machine.metadata;
            metadata.policy = policy;
            metadata.lease = m_workload.lease.text();
            if (!templateKept) {
                metadata.templateFile = m_replicaMetadata.templateFile;
                metadata.templateHash = m_replicaMetadata.templateHash;
            }
            ++m_policyWrites;
            m_requests.insert(
                m_fleet->request(node.entry.id,
                    MachineRequest{
                        .kind = MachineRequest::Kind::SetMetadata, .uuid = machine.uuid, .metadata = metadata}),
                -1);
        }
    }
    if (m_policyWrites == 0) {
        finish();
    }
}

void WorkloadChange::setState(qsizetype index, Step::State state, const QString &error)
{
    Step &step = m_steps[index];
    step.state = state;
    if (!error.isEmpty()) {
        step.error = error;
    }
    Q_EMIT stepChanged(index);
}

void WorkloadChange::finish()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    const auto count = [this](Step::Kind kind, Step::State state) {
        return int(
            std::ranges::count_if(m_steps, [&](const Step &step) { return step.kind == kind && step.state == state; }));
    };
    const int made = count(Step::Kind::Make, Step::State::Done);
    const int removed = count(Step::Kind::Remove, Step::State::Done);
    const int failed = count(Step::Kind::Make, Step::State::Failed) + count(Step::Kind::Remove, Step::State::Failed);
    const int undone = count(Step::Kind::Make, Step::State::Undone);
    m_succeeded = failed == 0 && undone == 0 && !m_cancelled && m_policyErrors.isEmpty();
    QStringList parts;
    if (m_undoing) {
        parts.append(i18ncp("@info", "Nothing was changed: %1 replica failed, and all that was made is undone.",
            "Nothing was changed: %1 replicas failed, and all that was made is undone.", std::max(failed, 1)));
    } else {
        if (made > 0) {
            parts.append(i18ncp("@info", "%1 replica made.", "%1 replicas made.", made));
        }
        if (removed > 0) {
            parts.append(i18ncp("@info", "%1 replica removed.", "%1 replicas removed.", removed));
        }
        if (failed > 0) {
            parts.append(i18ncp("@info", "%1 failed.", "%1 failed.", failed));
        }
    }
    if (!m_policyErrors.isEmpty()) {
        parts.append(
            i18nc("@info", "The new policy could not be written to every replica: %1", m_policyErrors.first()));
    }
    m_summary = parts.join(QLatin1Char(' '));
    Q_EMIT finished();
}

} // namespace Flotilla
