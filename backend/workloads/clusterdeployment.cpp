// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/clusterdeployment.h"

#include "workloads/fleetworkloads.h"
#include "workloads/workloadsecrets.h"

#include <KLocalizedString>

#include <QUuid>

namespace Flotilla
{
namespace
{
/// Why @p change failed: its first failed replica's error, else its summary.
QString whyFailed(const WorkloadChange &change)
{
    for (const WorkloadChange::Step &step : change.steps()) {
        if (step.state == WorkloadChange::Step::State::Failed && !step.error.isEmpty()) {
            return i18nc("@info replica, why", "%1: %2", step.name, step.error);
        }
    }
    return change.summary();
}
} // namespace

ClusterDeployment::ClusterDeployment(
    Fleet *fleet, const K3s::ClusterOrder &order, const WorkloadPolicy &agentsPolicy, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_order(order)
    , m_keeper(new SecretKeeper(this))
{
    if (m_order.tokenName.isEmpty()) {
        m_order.tokenName = QStringLiteral("k3s-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    WorkloadPolicy serversPolicy{.replicas = m_order.servers,
        .placement = {.spread = Placement::Policy::Spread::Nodes,
            .tags = agentsPolicy.placement.tags,
            .countries = agentsPolicy.placement.countries},
        .onFailure = agentsPolicy.onFailure,
        .changed = now};
    m_servers = Workload{.id = Workloads::newId(),
        .name = K3s::serverWorkloadName(m_order.name),
        .machineTemplate = K3s::serverTemplate(m_order),
        .policy = serversPolicy};
    WorkloadPolicy policy = agentsPolicy;
    policy.replicas = m_order.agents;
    policy.changed = now;
    m_agents = Workload{.id = Workloads::newId(),
        .name = m_order.name,
        .machineTemplate = K3s::agentTemplate(m_order, QStringLiteral("0.0.0.0")), // its size, for placing
        .policy = policy};
    m_serverPlan = FleetWorkloads::place(*fleet, m_servers, m_order.servers);
    m_agentPlan = FleetWorkloads::place(*fleet, m_agents, m_order.agents);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(addressWait);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        undo(i18nc("@info", "The first server has no address after %1 minutes: is its network's DHCP working?",
            addressWait.count()));
    });
}

ClusterDeployment::~ClusterDeployment() = default;

QList<const WorkloadChange *> ClusterDeployment::changes() const
{
    QList<const WorkloadChange *> all;
    for (const auto *change : {&m_firstServer, &m_otherServers, &m_agentsChange, &m_removal}) {
        if (*change) {
            all.append(change->get());
        }
    }
    return all;
}

void ClusterDeployment::setStage(Stage stage, const QString &summary)
{
    m_stage = stage;
    m_summary = summary;
    Q_EMIT changed();
    if (isFinished()) {
        Q_EMIT finished();
    }
}

std::unique_ptr<WorkloadChange> ClusterDeployment::making(
    const Workload &workload, const QStringList &nodeIds, const QStringList &pools)
{
    auto change = std::make_unique<WorkloadChange>(m_fleet, workload);
    change->make(nodeIds, pools);
    connect(change.get(), &WorkloadChange::stepChanged, this, &ClusterDeployment::changed);
    return change;
}

void ClusterDeployment::start()
{
    if (m_stage != Stage::Planned || !m_fleet) {
        return;
    }
    if (!m_serverPlan.isComplete() || !m_agentPlan.isComplete()) {
        setStage(Stage::Failed, m_serverPlan.isComplete() ? m_agentPlan.shortfall : m_serverPlan.shortfall);
        return;
    }
    setStage(Stage::KeepingToken, i18nc("@info", "Keeping the cluster's token in the keyring…"));
    m_keeper->keep(m_order.tokenName, WorkloadSecrets::newToken(), [this](const Result<bool> &kept) {
        if (m_stage != Stage::KeepingToken) {
            m_keeper->forget(m_order.tokenName); // cancelled meanwhile
            return;
        }
        if (!kept) {
            setStage(Stage::Failed,
                i18nc("@info", "Nothing was made: the cluster's token must be kept in the keyring. %1",
                    kept.error().text()));
            return;
        }
        m_tokenKept = true;
        makeFirstServer();
    });
}

void ClusterDeployment::makeFirstServer()
{
    m_firstServer = making(m_servers, m_serverPlan.nodeIds.mid(0, 1), m_serverPlan.pools.mid(0, 1));
    // Its policy asks for every server from the start; the others are made once its address is known.
    connect(m_firstServer.get(), &WorkloadChange::finished, this, [this] {
        if (!m_firstServer->succeeded()) {
            undo(whyFailed(*m_firstServer));
            return;
        }
        m_firstServerUuid = m_firstServer->steps().constFirst().uuid;
        setStage(Stage::WaitingForAddress, i18nc("@info", "The first server is up; waiting for its address…"));
        m_deadline.start();
        connect(m_fleet, &Fleet::machinesChanged, this, &ClusterDeployment::checkAddress);
        checkAddress();
    });
    setStage(Stage::MakingFirstServer, i18nc("@info", "Making the first server…"));
    m_firstServer->start();
}

void ClusterDeployment::checkAddress()
{
    if (m_stage != Stage::WaitingForAddress || !m_fleet) {
        return;
    }
    for (const Fleet::Node &node : m_fleet->nodes()) {
        const auto machine = node.machines.machines().constFind(m_firstServerUuid);
        if (machine != node.machines.machines().cend()) {
            m_address = K3s::addressOf(*machine, m_servers.machineTemplate);
        }
    }
    if (!m_address.isEmpty()) {
        m_deadline.stop();
        disconnect(m_fleet, &Fleet::machinesChanged, this, &ClusterDeployment::checkAddress);
        makeTheRest();
    }
}

void ClusterDeployment::makeTheRest()
{
    setStage(Stage::MakingTheRest, i18nc("@info", "The first server is at %1; making the agents…", m_address));
    m_agents.machineTemplate = K3s::agentTemplate(m_order, m_address);
    m_agentsChange = making(m_agents, m_agentPlan.nodeIds, m_agentPlan.pools);
    connect(m_agentsChange.get(), &WorkloadChange::finished, this, &ClusterDeployment::onTheRestFinished);
    if (m_order.servers > 1) {
        m_servers.machineTemplate = K3s::serverTemplate(m_order, m_address);
        m_otherServers = making(m_servers, m_serverPlan.nodeIds.mid(1), m_serverPlan.pools.mid(1));
        m_otherServers->recordTemplate(); // the first server carries the template that names it
        connect(m_otherServers.get(), &WorkloadChange::finished, this, &ClusterDeployment::onTheRestFinished);
        m_otherServers->start();
    }
    m_agentsChange->start();
}

void ClusterDeployment::onTheRestFinished()
{
    const bool serversDone = !m_otherServers || m_otherServers->isFinished();
    if (!serversDone || !m_agentsChange->isFinished()) {
        return;
    }
    const bool succeeded = m_agentsChange->succeeded() && (!m_otherServers || m_otherServers->succeeded());
    if (!succeeded && m_agents.policy.onFailure == WorkloadPolicy::OnFailure::AllOrNothing) {
        undo(whyFailed(m_agentsChange->succeeded() ? *m_otherServers : *m_agentsChange));
        return;
    }
    if (succeeded) {
        setStage(Stage::Done,
            i18ncp("@info",
                "The cluster is made: its first server is at %2, with %1 agent. Each installs k3s on its first boot; "
                "“Copy kubeconfig” on the workload's page then gives kubectl its way in.",
                "The cluster is made: its first server is at %2, with %1 agents. Each installs k3s on its first boot; "
                "“Copy kubeconfig” on the workload's page then gives kubectl its way in.",
                m_order.agents, m_address));
        return;
    }
    QStringList parts{i18nc("@info", "The cluster's first server is at %1.", m_address)};
    if (m_otherServers) {
        parts.append(m_otherServers->summary());
    }
    parts.append(m_agentsChange->summary());
    setStage(Stage::Failed, parts.join(QLatin1Char(' ')));
}

void ClusterDeployment::cancel()
{
    if (isFinished() || m_stage == Stage::Undoing) {
        return;
    }
    if (m_stage != Stage::MakingFirstServer && m_stage != Stage::MakingTheRest) {
        undo(i18nc("@info", "Cancelled."));
        return;
    }
    // Each change undoes its own; its end undoes the rest.
    for (auto *change : {m_firstServer.get(), m_otherServers.get(), m_agentsChange.get()}) {
        if (change && !change->isFinished()) {
            change->cancel();
        }
    }
}

void ClusterDeployment::undo(const QString &why)
{
    m_deadline.stop();
    if (m_fleet) {
        disconnect(m_fleet, &Fleet::machinesChanged, this, &ClusterDeployment::checkAddress);
    }
    if (m_tokenKept) {
        m_keeper->forget(m_order.tokenName);
    }
    const QString summary = i18nc("@info", "Nothing was left behind: %1", why);
    QList<Replica> made;
    for (const Workload &workload : m_fleet ? FleetWorkloads::gather(*m_fleet) : QList<Workload>{}) {
        if (workload.id == m_servers.id || workload.id == m_agents.id) {
            made += workload.replicas;
        }
    }
    if (made.isEmpty()) {
        setStage(Stage::Failed, summary);
        return;
    }
    m_removal = std::make_unique<WorkloadChange>(m_fleet, m_servers);
    m_removal->remove(made, true);
    connect(m_removal.get(), &WorkloadChange::stepChanged, this, &ClusterDeployment::changed);
    connect(m_removal.get(), &WorkloadChange::finished, this, [this, summary] {
        setStage(Stage::Failed,
            m_removal->succeeded()
                ? summary
                : i18nc("@info", "%1 Some replicas could not be removed: %2", summary, m_removal->summary()));
    });
    setStage(Stage::Undoing, i18nc("@info", "Removing what was made…"));
    m_removal->start();
}

} // namespace Flotilla
