// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloadlistmodel.h"

#include "demo/demoactivity.h"
#include "fleet/fleet.h"
#include "fleet/machinelistmodel.h"
#include "provisioning/imagelibrary.h"
#include "workloads/fleetworkloads.h"

#include <KLocalizedString>

namespace Flotilla
{

namespace
{
QString spreadName(Placement::Policy::Spread spread)
{
    switch (spread) {
    case Placement::Policy::Spread::Nodes:
        return QStringLiteral("nodes");
    case Placement::Policy::Spread::Countries:
        return QStringLiteral("countries");
    case Placement::Policy::Spread::Pack:
        break;
    }
    return QStringLiteral("pack");
}

QString policyText(const WorkloadPolicy &policy)
{
    QStringList parts;
    switch (policy.placement.spread) {
    case Placement::Policy::Spread::Nodes:
        parts.append(i18nc("@info policy", "Spread over nodes"));
        break;
    case Placement::Policy::Spread::Countries:
        parts.append(i18nc("@info policy", "Spread over countries"));
        break;
    case Placement::Policy::Spread::Pack:
        parts.append(i18nc("@info policy", "Packed onto few nodes"));
        break;
    }
    if (!policy.placement.countries.isEmpty()) {
        parts.append(i18nc("@info policy", "only in %1", policy.placement.countries.join(QStringLiteral(", "))));
    }
    if (!policy.placement.tags.isEmpty()) {
        parts.append(i18nc("@info policy", "only nodes tagged %1", policy.placement.tags.join(QStringLiteral(", "))));
    }
    if (policy.placement.maxPerNode > 0) {
        parts.append(
            i18ncp("@info policy", "at most %1 on a node", "at most %1 on a node", policy.placement.maxPerNode));
    }
    parts.append(policy.onFailure == WorkloadPolicy::OnFailure::AllOrNothing ? i18nc("@info policy", "all or nothing")
                                                                             : i18nc("@info policy", "best effort"));
    return parts.join(QStringLiteral("; "));
}

} // namespace

WorkloadListModel::WorkloadListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_gathering.setSingleShot(true);
    m_gathering.setInterval(100);
    connect(&m_gathering, &QTimer::timeout, this, &WorkloadListModel::gather);
}

WorkloadListModel::~WorkloadListModel() = default;

void WorkloadListModel::setView(FleetView *view)
{
    if (m_view == view) {
        return;
    }
    if (m_view) {
        disconnect(m_view->fleet(), nullptr, this, nullptr);
    }
    m_view = view;
    m_autoscaler.reset();
    if (m_view) {
        Fleet *fleet = m_view->fleet();
        m_autoscaler = std::make_unique<FleetAutoscaler>(fleet);
        if (m_view->isDemo()) { // to be watched: decisions every 3 s, short windows
            m_autoscaler->setPace({.interval = std::chrono::seconds(3),
                .booting = std::chrono::seconds(20),
                .downWindow = std::chrono::seconds(30)});
        }
        connect(m_autoscaler.get(), &FleetAutoscaler::changed, this, [this](const QString &workloadId) {
            changedRow(workloadId);
            m_gathering.start();
        });
        m_autoscaler->start();
        connect(fleet, &Fleet::machinesChanged, this, [this] { m_gathering.start(); });
        // Placement needs the nodes' libraries: a node is read once it connects.
        connect(fleet, &Fleet::nodeChanged, this, [this, fleet](qsizetype index) {
            fleet->readStockOnce(fleet->nodes().at(index).entry.id);
            m_gathering.start();
        });
        for (const Fleet::Node &node : fleet->nodes()) {
            fleet->readStockOnce(node.entry.id);
        }
        connect(fleet, &Fleet::nodeRemoved, this, [this] { m_gathering.start(); });
        connect(fleet, &Fleet::requestFinished, this, [this](const QString &, const MachineRequestResult &result) {
            if (const QString workload = m_restartRequests.take(result.requestId); !workload.isEmpty()) {
                restartNext(workload);
            }
        });
    }
    gather();
    Q_EMIT fleetChanged();
}

void WorkloadListModel::gather()
{
    QList<Workload> found = m_view ? FleetWorkloads::gather(*m_view->fleet()) : QList<Workload>{};
    const auto ids = [](const QList<Workload> &list) {
        QStringList result;
        for (const Workload &workload : list) {
            result.append(workload.id);
        }
        return result;
    };
    if (ids(found) == ids(m_workloads)) {
        m_workloads = std::move(found);
        if (!m_workloads.isEmpty()) {
            Q_EMIT dataChanged(index(0), index(int(m_workloads.size()) - 1));
        }
        return;
    }
    beginResetModel();
    m_workloads = std::move(found);
    endResetModel();
    Q_EMIT countChanged();
}

int WorkloadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_workloads.size());
}

QString WorkloadListModel::nodeName(const QString &nodeId) const
{
    const qsizetype index = m_view ? m_view->fleet()->indexOf(nodeId) : -1;
    return index < 0 ? nodeId : m_view->fleet()->nodes().at(index).entry.name;
}

QVariantList WorkloadListModel::replicasOf(const Workload &workload) const
{
    QVariantList replicas;
    for (const Replica &replica : workload.replicas) {
        replicas.append(QVariantMap{{QStringLiteral("name"), replica.name}, {QStringLiteral("nodeId"), replica.nodeId},
            {QStringLiteral("nodeName"), nodeName(replica.nodeId)}, {QStringLiteral("uuid"), replica.uuid},
            {QStringLiteral("state"),
                replica.unfinished ? i18nc("@info machine state", "Being made")
                                   : MachineListModel::stateText(replica.state)},
            {QStringLiteral("running"),
                replica.state == MachineState::Running || replica.state == MachineState::Blocked},
            {QStringLiteral("addresses"), replica.addresses.join(QStringLiteral(", "))},
            {QStringLiteral("dataDisk"), Workloads::dataDiskOf(replica)},
            {QStringLiteral("outdated"), replica.templateHash != workload.templateHash}});
    }
    return replicas;
}

QVariantList WorkloadListModel::stepsOf(const QString &workloadId) const
{
    QVariantList steps;
    const auto change = m_changes.find(workloadId);
    if (change == m_changes.end()) {
        return steps;
    }
    for (const WorkloadChange::Step &step : change->second->steps()) {
        steps.append(QVariantMap{{QStringLiteral("name"), step.name},
            {QStringLiteral("nodeName"), nodeName(step.nodeId)},
            {QStringLiteral("kind"),
                step.kind == WorkloadChange::Step::Kind::Make ? QStringLiteral("make") : QStringLiteral("remove")},
            {QStringLiteral("state"), WorkloadChange::stateName(step.state)}, {QStringLiteral("error"), step.error}});
    }
    return steps;
}

QVariant WorkloadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Workload &workload = m_workloads.at(index.row());
    QStringList nodeIds;
    QStringList countries;
    for (const Replica &replica : workload.replicas) {
        if (!nodeIds.contains(replica.nodeId)) {
            nodeIds.append(replica.nodeId);
            const qsizetype node = m_view ? m_view->fleet()->indexOf(replica.nodeId) : -1;
            const QString country = node < 0 ? QString() : m_view->fleet()->nodes().at(node).entry.location.countryCode;
            if (!country.isEmpty() && !countries.contains(country)) {
                countries.append(country);
            }
        }
    }
    const auto change = m_changes.find(workload.id);
    const MachineTemplate &made = workload.machineTemplate;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return workload.name;
    case WorkloadIdRole:
        return workload.id;
    case DesiredRole:
        return workload.policy.replicas;
    case ReplicaCountRole:
        return int(workload.replicas.size());
    case RunningRole:
        return workload.running();
    case NodeIdsRole:
        return nodeIds;
    case NodeNamesRole: {
        QStringList names;
        for (const QString &id : std::as_const(nodeIds)) {
            names.append(nodeName(id));
        }
        return names.join(QStringLiteral(", "));
    }
    case CountriesRole:
        return countries;
    case ImageRole:
        return made.image;
    case SizeTextRole:
        return i18ncp("@info vCPUs, memory, root disk", "%1 vCPU, %2 MiB, %3 GiB", "%1 vCPUs, %2 MiB, %3 GiB",
            made.vcpus, made.memoryMiB, made.rootGiB);
    case PolicyTextRole:
        return policyText(workload.policy);
    case SpreadRole:
        return spreadName(workload.policy.placement.spread);
    case DisagreementsRole:
        return workload.disagreements;
    case ReplicasRole:
        return replicasOf(workload);
    case TemplateJsonRole:
        return QString::fromUtf8(MachineTemplates::toJson(made));
    case ChangingRole:
        return (change != m_changes.end() && !change->second->isFinished())
            || (m_autoscaler && m_autoscaler->isChanging(workload.id));
    case ChangeSummaryRole:
        return change != m_changes.end() ? change->second->summary() : QString();
    case ChangeStepsRole:
        return stepsOf(workload.id);
    case AutoscaleRole:
        return workload.policy.autoscale;
    case AutoscalingRole: {
        const Autoscaling::Policy &scaling = workload.policy.autoscaling;
        return QVariantMap{
            {QStringLiteral("metric"),
                scaling.metric == Autoscaling::Policy::Metric::Cpu ? QStringLiteral("cpu") : QStringLiteral("memory")},
            {QStringLiteral("target"), int(scaling.target)}, {QStringLiteral("minimum"), scaling.minimum},
            {QStringLiteral("maximum"), scaling.maximum}, {QStringLiteral("dryRun"), workload.policy.dryRun}};
    }
    case ScaledByRole:
        if (!workload.lease.isHeld(QDateTime::currentDateTimeUtc())) {
            return QString();
        }
        return m_autoscaler && workload.lease.holder == m_autoscaler->holder()
            ? QStringLiteral("self")
            : FleetAutoscaler::personOf(workload.lease.holder);
    case EventsRole: {
        QVariantList events;
        for (const FleetAutoscaler::Event &event :
            m_autoscaler ? m_autoscaler->events(workload.id) : QList<FleetAutoscaler::Event>{}) {
            events.prepend(
                QVariantMap{{QStringLiteral("at"), event.at.toLocalTime()}, {QStringLiteral("text"), event.text}});
        }
        return events;
    }
    case SimulatedLoadRole: {
        const double load = DemoActivity::workloadLoad(workload.id);
        return load < 0 ? -1 : int(std::lround(load * 100));
    }
    case ClusterRole:
        return made.cluster.name;
    }
    return {};
}

QHash<int, QByteArray> WorkloadListModel::roleNames() const
{
    return {{WorkloadIdRole, "workloadId"}, {NameRole, "name"}, {DesiredRole, "desired"},
        {ReplicaCountRole, "replicaCount"}, {RunningRole, "running"}, {NodeNamesRole, "nodeNames"},
        {NodeIdsRole, "nodeIds"}, {CountriesRole, "countries"}, {ImageRole, "image"}, {SizeTextRole, "sizeText"},
        {PolicyTextRole, "policyText"}, {SpreadRole, "spread"}, {DisagreementsRole, "disagreements"},
        {ReplicasRole, "replicas"}, {TemplateJsonRole, "templateJson"}, {ChangingRole, "changing"},
        {ChangeSummaryRole, "changeSummary"}, {ChangeStepsRole, "changeSteps"}, {AutoscaleRole, "autoscale"},
        {AutoscalingRole, "autoscaling"}, {ScaledByRole, "scaledBy"}, {EventsRole, "events"},
        {SimulatedLoadRole, "simulatedLoad"}, {ClusterRole, "cluster"}};
}

int WorkloadListModel::rowOf(const QString &workloadId) const
{
    for (qsizetype i = 0; i < m_workloads.size(); ++i) {
        if (m_workloads.at(i).id == workloadId) {
            return int(i);
        }
    }
    return -1;
}

QVariantMap WorkloadListModel::get(const QString &workloadId) const
{
    QVariantMap values;
    const int row = rowOf(workloadId);
    if (row < 0) {
        return values;
    }
    const QHash<int, QByteArray> roles = roleNames();
    for (auto role = roles.cbegin(); role != roles.cend(); ++role) {
        values.insert(QString::fromLatin1(role.value()), data(index(row), role.key()));
    }
    return values;
}

const Workload *WorkloadListModel::find(const QString &workloadId) const
{
    const int row = rowOf(workloadId);
    return row < 0 ? nullptr : &m_workloads.at(row);
}

QString WorkloadListModel::scaleProblem(const QString &workloadId, int replicas) const
{
    const Workload *workload = find(workloadId);
    if (!workload || !m_view) {
        return i18nc("@info", "This workload is no longer in the fleet.");
    }
    if (replicas < 0 || replicas > 1000) {
        return i18nc("@info", "A workload has from 0 to 1000 replicas.");
    }
    const auto change = m_changes.find(workloadId);
    if ((change != m_changes.end() && !change->second->isFinished())
        || (m_autoscaler && m_autoscaler->isChanging(workloadId))) {
        return i18nc("@info", "A change to this workload is still under way.");
    }
    const int more = replicas - int(workload->replicas.size());
    if (more > 0) {
        const Placement::Plan plan = FleetWorkloads::place(*m_view->fleet(), *workload, more);
        if (!plan.isComplete()) {
            return plan.shortfall;
        }
    }
    return {};
}

QStringList WorkloadListModel::scalePreview(const QString &workloadId, int replicas) const
{
    const Workload *workload = find(workloadId);
    const int more = workload ? replicas - int(workload->replicas.size()) : 0;
    QStringList lines;
    if (more <= 0 || !m_view) {
        return lines;
    }
    for (const Placement::Verdict &verdict : FleetWorkloads::place(*m_view->fleet(), *workload, more).verdicts) {
        if (verdict.replicas > 0) {
            lines.append(verdict.explanation);
        }
    }
    return lines;
}

QVariantList WorkloadListModel::scaleRemoves(const QString &workloadId, int replicas) const
{
    const Workload *workload = find(workloadId);
    QVariantList removed;
    if (!workload) {
        return removed;
    }
    for (const Replica &replica : Workloads::toRemove(*workload, int(workload->replicas.size()) - replicas)) {
        removed.append(
            QVariantMap{{QStringLiteral("name"), replica.name}, {QStringLiteral("nodeName"), nodeName(replica.nodeId)},
                {QStringLiteral("dataDisk"), Workloads::dataDiskOf(replica)}});
    }
    return removed;
}

void WorkloadListModel::run(const QString &workloadId, std::unique_ptr<WorkloadChange> change)
{
    WorkloadChange *running = change.get();
    connect(running, &WorkloadChange::stepChanged, this, [this, workloadId] { changedRow(workloadId); });
    connect(running, &WorkloadChange::finished, this, [this, workloadId, running] {
        changedRow(workloadId);
        if (!running->succeeded()) {
            Q_EMIT problem(workloadId, running->summary());
        }
        m_gathering.start();
    });
    m_changes[workloadId] = std::move(change);
    running->start();
    changedRow(workloadId);
}

void WorkloadListModel::changedRow(const QString &workloadId)
{
    if (const int row = rowOf(workloadId); row >= 0) {
        Q_EMIT dataChanged(index(row), index(row),
            {ChangingRole, ChangeSummaryRole, ChangeStepsRole, EventsRole, ScaledByRole, SimulatedLoadRole});
    }
}

void WorkloadListModel::scale(const QString &workloadId, int replicas, bool deleteData)
{
    if (const QString why = scaleProblem(workloadId, replicas); !why.isEmpty()) {
        Q_EMIT problem(workloadId, why);
        return;
    }
    auto change = WorkloadChange::scaling(m_view->fleet(), *find(workloadId), replicas, deleteData);
    run(workloadId, std::move(change));
}

void WorkloadListModel::remove(const QString &workloadId, bool deleteData)
{
    const Workload *workload = find(workloadId);
    if (!workload) {
        return;
    }
    auto change = std::make_unique<WorkloadChange>(m_view->fleet(), *workload);
    change->remove(workload->replicas, deleteData);
    run(workloadId, std::move(change));
}

void WorkloadListModel::send(const Workload &workload, MachineRequest::Kind kind, bool runningOnly)
{
    for (const Replica &replica : workload.replicas) {
        const bool running = replica.state == MachineState::Running || replica.state == MachineState::Blocked;
        if (running == runningOnly) {
            if (kind == MachineRequest::Kind::Shutdown) {
                m_view->expectStop(replica.nodeId, replica.uuid);
            }
            m_view->fleet()->request(replica.nodeId, MachineRequest{.kind = kind, .uuid = replica.uuid});
        }
    }
}

void WorkloadListModel::setAutoscale(
    const QString &workloadId, bool on, const QString &metric, int target, int minimum, int maximum, bool dryRun)
{
    const Workload *found = find(workloadId);
    if (!found || !m_view) {
        return;
    }
    if (target < 1 || target > 100 || minimum < 1 || maximum < minimum || maximum > 1000) {
        Q_EMIT problem(workloadId,
            i18nc("@info", "The autoscaler needs a target from 1 to 100 % and a minimum from 1 up to its maximum."));
        return;
    }
    Workload workload = *found;
    WorkloadPolicy &policy = workload.policy;
    policy.autoscale = on;
    policy.dryRun = dryRun;
    policy.autoscaling.metric = metric == QLatin1StringView("memory") ? Autoscaling::Policy::Metric::Memory
                                                                      : Autoscaling::Policy::Metric::Cpu;
    policy.autoscaling.target = target;
    policy.autoscaling.minimum = minimum;
    policy.autoscaling.maximum = maximum;
    policy.changed = QDateTime::currentDateTimeUtc();
    run(workloadId,
        std::make_unique<WorkloadChange>(m_view->fleet(), workload)); // no replica changes: the policy alone
}

void WorkloadListModel::setSimulatedLoad(const QString &workloadId, int percent)
{
    if (m_view && m_view->isDemo()) {
        DemoActivity::setWorkloadLoad(workloadId, percent < 0 ? -1.0 : percent / 100.0);
        changedRow(workloadId);
    }
}

void WorkloadListModel::start(const QString &workloadId)
{
    if (const Workload *workload = find(workloadId)) {
        send(*workload, MachineRequest::Kind::Start, false);
    }
}

void WorkloadListModel::stop(const QString &workloadId)
{
    if (const Workload *workload = find(workloadId)) {
        send(*workload, MachineRequest::Kind::Shutdown, true);
    }
}

void WorkloadListModel::restart(const QString &workloadId)
{
    const Workload *workload = find(workloadId);
    if (!workload || m_restarting.contains(workloadId)) {
        return;
    }
    QStringList uuids;
    for (const Replica &replica : workload->replicas) {
        if (replica.state == MachineState::Running || replica.state == MachineState::Blocked) {
            uuids.append(replica.uuid);
        }
    }
    m_restarting.insert(workloadId, uuids);
    restartNext(workloadId);
}

void WorkloadListModel::restartNext(const QString &workloadId)
{
    QStringList &left = m_restarting[workloadId];
    const Workload *workload = find(workloadId);
    while (!left.isEmpty() && workload) {
        const QString uuid = left.takeFirst();
        const auto replica = std::ranges::find_if(workload->replicas, [&](const Replica &r) { return r.uuid == uuid; });
        if (replica != workload->replicas.end()) {
            m_restartRequests.insert(m_view->fleet()->request(replica->nodeId,
                                         MachineRequest{.kind = MachineRequest::Kind::Reboot, .uuid = uuid}),
                workloadId);
            return;
        }
    }
    m_restarting.remove(workloadId);
}

} // namespace Flotilla
