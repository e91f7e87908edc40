// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "clusterdeployer.h"

#include "deployfields.h"

#include "fleet/fleet.h"
#include "workloads/fleetworkloads.h"

#include <KLocalizedString>

namespace Flotilla
{

using namespace DeployFields;

ClusterDeployer::ClusterDeployer(QObject *parent)
    : QObject(parent)
{
}

ClusterDeployer::~ClusterDeployer() = default;

void ClusterDeployer::setView(FleetView *view)
{
    if (m_view == view) {
        return;
    }
    if (m_view) {
        disconnect(m_view->fleet(), nullptr, this, nullptr);
    }
    m_view = view;
    if (m_view) {
        const auto pickImage = [this] {
            if (m_image.isEmpty()) {
                m_image = FleetWorkloads::widestImage(*m_view->fleet());
                Q_EMIT changed();
            }
            Q_EMIT choicesChanged();
        };
        readStock(m_view->fleet(), this, pickImage);
        pickImage();
    }
    Q_EMIT fleetChanged();
    Q_EMIT changed();
}

QVariantList ClusterDeployer::images() const
{
    return m_view ? imageChoices(*m_view->fleet()) : QVariantList{};
}

K3s::ClusterOrder ClusterDeployer::order() const
{
    const QString key = m_sshKey.trimmed();
    return K3s::ClusterOrder{.name = m_name.trimmed(),
        .image = m_image,
        .servers = m_servers,
        .agents = m_agents,
        .serverSize = {.vcpus = m_serverVcpus, .memoryMiB = m_serverMemoryMiB, .rootGiB = m_rootGiB},
        .agentSize = {.vcpus = m_agentVcpus, .memoryMiB = m_agentMemoryMiB, .rootGiB = m_rootGiB},
        .userName = m_userName.trimmed(),
        .sshKeys = key.isEmpty() ? QStringList{} : QStringList{key},
        .tokenName = {}};
}

WorkloadPolicy ClusterDeployer::agentsPolicy() const
{
    return WorkloadPolicy{.replicas = m_agents,
        .placement = {.spread = spreadOf(m_spread), .countries = words(m_countries.toUpper())},
        .onFailure = m_bestEffort ? WorkloadPolicy::OnFailure::BestEffort : WorkloadPolicy::OnFailure::AllOrNothing};
}

QVariantMap ClusterDeployer::problems() const
{
    QVariantMap found;
    const K3s::ClusterOrder asked = order();
    for (const MachineTemplate &made :
        {K3s::serverTemplate(asked), K3s::agentTemplate(asked, QStringLiteral("0.0.0.0"))}) {
        const Result<MachineTemplate> checked = MachineTemplates::fromJson(MachineTemplates::toJson(made));
        if (!checked && !found.contains(QStringLiteral("name"))) {
            const QString text = checked.error().text();
            const QString field = text.contains(QStringLiteral("“name”")) ? QStringLiteral("name")
                : text.contains(QStringLiteral("userName"))               ? QStringLiteral("user")
                : text.contains(QStringLiteral("sshKeys"))                ? QStringLiteral("sshKey")
                                                                          : QStringLiteral("size");
            found.insert(field, text);
        }
    }
    if (m_view && !found.contains(QStringLiteral("name"))) {
        for (const QString &taken : {asked.name, K3s::serverWorkloadName(asked.name)}) {
            if (FleetWorkloads::nameTaken(*m_view->fleet(), taken)) {
                found.insert(QStringLiteral("name"),
                    i18nc("@info", "A workload named %1 exists already: their replicas' names would clash.", taken));
            }
        }
    }
    if (m_image.isEmpty()) {
        found.insert(QStringLiteral("image"), i18nc("@info", "Pick the image the cluster is made from."));
    }
    if (m_servers < 1 || m_servers > 7 || m_servers % 2 == 0) {
        // etcd needs a majority of the servers: an even count is no safer than one fewer.
        found.insert(QStringLiteral("servers"), i18nc("@info", "1, 3, 5 or 7 servers."));
    }
    if (m_agents < 0 || m_agents > 1000) {
        found.insert(QStringLiteral("agents"), i18nc("@info", "From 0 to 1000 agents."));
    }
    if (const QString wrong = countryProblem(m_countries); !wrong.isEmpty()) {
        found.insert(QStringLiteral("countries"), wrong);
    }
    return found;
}

bool ClusterDeployer::stepIsValid(int step) const
{
    const QVariantMap found = problems();
    const QStringList fields = step == 0
        ? QStringList{QStringLiteral("name"), QStringLiteral("image"), QStringLiteral("size"), QStringLiteral("user"),
              QStringLiteral("sshKey"), QStringLiteral("servers"), QStringLiteral("agents")}
        : QStringList{QStringLiteral("countries")};
    return std::ranges::none_of(fields, [&](const QString &field) { return found.contains(field); });
}

void ClusterDeployer::makePlan()
{
    if (!m_view || m_started) {
        return;
    }
    m_deployment = std::make_unique<ClusterDeployment>(m_view->fleet(), order(), agentsPolicy());
    Q_EMIT planChanged();
}

QVariantList ClusterDeployer::plan() const
{
    QVariantList rows;
    if (!m_deployment) {
        return rows;
    }
    const Placement::Plan &servers = m_deployment->serverPlan();
    const Placement::Plan &agents = m_deployment->agentPlan();
    for (const Placement::Verdict &verdict : agents.verdicts) {
        const int serverCount = int(servers.nodeIds.count(verdict.nodeId));
        const auto serverVerdict = std::ranges::find_if(
            servers.verdicts, [&](const Placement::Verdict &each) { return each.nodeId == verdict.nodeId; });
        const bool serverHere = serverCount > 0 && serverVerdict != servers.verdicts.end();
        const qsizetype index = m_view->fleet()->indexOf(verdict.nodeId);
        rows.append(QVariantMap{{QStringLiteral("nodeId"), verdict.nodeId},
            {QStringLiteral("name"), nodeNameOf(m_view, verdict.nodeId)},
            {QStringLiteral("country"),
                index < 0 ? QString() : m_view->fleet()->nodes().at(index).entry.location.countryCode},
            {QStringLiteral("servers"), serverCount}, {QStringLiteral("agents"), verdict.replicas},
            {QStringLiteral("explanation"),
                serverHere
                    ? QStringList{i18nc("@info placement of a k3s server", "Server: %1", serverVerdict->explanation),
                          verdict.replicas > 0
                              ? i18nc("@info placement of k3s agents", "Agents: %1", verdict.explanation)
                              : QString()}
                          .join(QLatin1Char('\n'))
                          .trimmed()
                    : verdict.explanation},
            {QStringLiteral("ruledOut"), serverCount + verdict.replicas > 0 ? QString() : verdict.ruledOut}});
    }
    return rows;
}

QVariantMap ClusterDeployer::planCounts() const
{
    QVariantMap counts;
    if (m_deployment) {
        for (const QString &id : m_deployment->serverPlan().nodeIds + m_deployment->agentPlan().nodeIds) {
            counts[id] = counts.value(id).toInt() + 1;
        }
    }
    return counts;
}

QString ClusterDeployer::planProblem() const
{
    if (!m_deployment) {
        return {};
    }
    return m_deployment->serverPlan().isComplete() ? m_deployment->agentPlan().shortfall
                                                   : m_deployment->serverPlan().shortfall;
}

QStringList ClusterDeployer::serverCommands() const
{
    return m_deployment ? m_deployment->servers().machineTemplate.setup.commands : QStringList{};
}

void ClusterDeployer::deploy()
{
    if (!m_deployment || m_started || !problems().isEmpty() || !planProblem().isEmpty()) {
        return;
    }
    m_started = true;
    connect(m_deployment.get(), &ClusterDeployment::changed, this, &ClusterDeployer::progressChanged);
    m_deployment->start();
    Q_EMIT progressChanged();
}

void ClusterDeployer::cancel()
{
    if (isRunning()) {
        m_deployment->cancel();
    }
}

QVariantList ClusterDeployer::progress() const
{
    QVariantList rows;
    if (m_started) {
        for (const WorkloadChange *change : m_deployment->changes()) {
            rows += progressRows(m_view, *change);
        }
    }
    return rows;
}

QString ClusterDeployer::stage() const
{
    using Stage = ClusterDeployment::Stage;
    const std::pair<Stage, const char *> names[] = {{Stage::Planned, "planned"}, {Stage::KeepingToken, "token"},
        {Stage::MakingFirstServer, "server"}, {Stage::WaitingForAddress, "address"}, {Stage::MakingTheRest, "rest"},
        {Stage::Undoing, "undoing"}, {Stage::Done, "done"}, {Stage::Failed, "failed"}};
    const Stage now = m_deployment ? m_deployment->stage() : Stage::Planned;
    for (const auto &[stage, name] : names) {
        if (stage == now) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

} // namespace Flotilla
