// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloaddeployer.h"

#include "deployfields.h"

#include "fleet/fleet.h"
#include "workloads/fleetworkloads.h"

#include <KLocalizedString>

#include <QDir>

namespace Flotilla
{

using namespace DeployFields;

WorkloadDeployer::WorkloadDeployer(QObject *parent)
    : QObject(parent)
{
}

WorkloadDeployer::~WorkloadDeployer() = default;

void WorkloadDeployer::setView(FleetView *view)
{
    if (m_view == view) {
        return;
    }
    if (m_view) {
        disconnect(m_view->fleet(), nullptr, this, nullptr);
    }
    m_view = view;
    if (m_view) {
        readStock(m_view->fleet(), this, [this] {
            pickFirstImage();
            Q_EMIT choicesChanged();
        });
        pickFirstImage();
    }
    Q_EMIT fleetChanged();
    Q_EMIT choicesChanged();
    Q_EMIT changed();
}

void WorkloadDeployer::pickFirstImage()
{
    if (m_image.isEmpty() && m_view) {
        m_image = FleetWorkloads::widestImage(*m_view->fleet());
        Q_EMIT changed();
    }
}

QVariantList WorkloadDeployer::images() const
{
    return m_view ? imageChoices(*m_view->fleet()) : QVariantList{};
}

QStringList WorkloadDeployer::templates() const
{
    QStringList names;
    for (const MachineTemplate &builtIn : MachineTemplates::builtIns()) {
        names.append(builtIn.name);
    }
    for (const QFileInfo &file :
        QDir(MachineTemplates::folder()).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        names.append(file.completeBaseName());
    }
    return names;
}

MachineTemplate WorkloadDeployer::machineTemplate() const
{
    MachineTemplate made{.name = m_name.trimmed(),
        .image = m_image,
        .vcpus = m_vcpus,
        .maxVcpus = std::max(m_vcpus * 2, 2),
        .memoryMiB = m_memoryMiB,
        .maxMemoryMiB = m_memoryMiB * 2,
        .rootGiB = m_rootGiB,
        .dataGiB = m_dataGiB};
    made.setup = m_setup;
    made.setup.packages = words(m_packages);
    made.setup.sshKeys = m_sshKey.trimmed().isEmpty() ? QStringList{} : QStringList{m_sshKey.trimmed()};
    return made;
}

Workload WorkloadDeployer::workload() const
{
    WorkloadPolicy policy{.replicas = m_replicas,
        .placement = {.spread = spreadOf(m_spread),
            .tags = words(m_tags),
            .countries = words(m_countries.toUpper()),
            .maxPerNode = std::max(0, m_maxPerNode)},
        .onFailure = m_bestEffort ? WorkloadPolicy::OnFailure::BestEffort : WorkloadPolicy::OnFailure::AllOrNothing,
        .changed = QDateTime::currentDateTimeUtc()};
    return Workload{.id = m_id, .name = m_name.trimmed(), .machineTemplate = machineTemplate(), .policy = policy};
}

QVariantMap WorkloadDeployer::problems() const
{
    QVariantMap found;
    const MachineTemplate made = machineTemplate();
    if (const Result<MachineTemplate> checked = MachineTemplates::fromJson(MachineTemplates::toJson(made)); !checked) {
        // The file's own checks name the field as the file does; the wizard shows it by the template's part.
        const QString text = checked.error().text();
        const QString field = text.contains(QStringLiteral("“name”")) ? QStringLiteral("name")
            : text.contains(QStringLiteral("setup"))                  ? QStringLiteral("packages")
                                                                      : QStringLiteral("size");
        found.insert(field, text);
    }
    if (m_view && !found.contains(QStringLiteral("name")) && FleetWorkloads::nameTaken(*m_view->fleet(), made.name)) {
        found.insert(QStringLiteral("name"),
            i18nc("@info", "A workload named %1 exists already: their replicas' names would clash.", made.name));
    }
    if (m_image.isEmpty()) {
        found.insert(QStringLiteral("image"), i18nc("@info", "Pick the image the replicas are made from."));
    }
    if (m_replicas < 1 || m_replicas > 1000) {
        found.insert(QStringLiteral("replicas"), i18nc("@info", "From 1 to 1000 replicas."));
    }
    if (const QString wrong = countryProblem(m_countries); !wrong.isEmpty()) {
        found.insert(QStringLiteral("countries"), wrong);
    }
    return found;
}

bool WorkloadDeployer::stepIsValid(int step) const
{
    const QVariantMap found = problems();
    const QStringList fields = step == 0 ? QStringList{QStringLiteral("name"), QStringLiteral("image"),
                                               QStringLiteral("size"), QStringLiteral("packages")}
                                         : QStringList{QStringLiteral("replicas"), QStringLiteral("countries")};
    return std::ranges::none_of(fields, [&](const QString &field) { return found.contains(field); });
}

QString WorkloadDeployer::loadTemplate(const QString &name)
{
    const QList<MachineTemplate> builtIns = MachineTemplates::builtIns();
    const auto builtIn
        = std::ranges::find_if(builtIns, [&](const MachineTemplate &candidate) { return candidate.name == name; });
    const Result<MachineTemplate> read = builtIn != builtIns.end()
        ? Result<MachineTemplate>(*builtIn)
        : MachineTemplates::read(QDir(MachineTemplates::folder()).filePath(name + QStringLiteral(".json")));
    if (!read) {
        return read.error().text();
    }
    const MachineTemplate &made = read.value();
    m_name = made.name;
    if (!made.image.isEmpty()) { // a built-in one leaves the image to the person
        m_image = made.image;
    }
    m_setup = made.setup; // what the wizard does not show (commands, own cloud-config) is kept
    m_vcpus = made.vcpus;
    m_memoryMiB = made.memoryMiB;
    m_rootGiB = made.rootGiB;
    m_dataGiB = made.dataGiB;
    m_packages = made.setup.packages.join(QLatin1Char(' '));
    m_sshKey = made.setup.sshKeys.value(0);
    Q_EMIT changed();
    return {};
}

QString WorkloadDeployer::saveTemplate()
{
    const Result<QString> written = MachineTemplates::write(machineTemplate());
    Q_EMIT choicesChanged();
    return written ? QString() : written.error().text();
}

void WorkloadDeployer::makePlan()
{
    m_plan = m_view ? FleetWorkloads::place(*m_view->fleet(), workload(), m_replicas) : Placement::Plan{};
    m_nodeIds = m_plan.nodeIds;
    m_pools = m_plan.pools;
    m_planProblem = m_plan.shortfall;
    m_movedByHand = false;
    Q_EMIT planChanged();
}

QString WorkloadDeployer::moveReplica(const QString &fromNodeId, const QString &toNodeId)
{
    const qsizetype at = m_nodeIds.lastIndexOf(fromNodeId);
    if (at < 0 || !m_view || fromNodeId == toNodeId) {
        return {};
    }
    QStringList moved = m_nodeIds;
    moved[at] = toNodeId;
    const Workload planned = workload();
    QStringList pools;
    const QString refusal = Placement::check(FleetWorkloads::needOf(planned.machineTemplate), planned.policy.placement,
        FleetWorkloads::nodesFor(*m_view->fleet(), planned), moved, &pools);
    if (!refusal.isEmpty()) {
        return refusal;
    }
    m_nodeIds = moved;
    m_pools = pools;
    m_movedByHand = true;
    Q_EMIT planChanged();
    return {};
}

QString WorkloadDeployer::nodeName(const QString &nodeId) const
{
    return nodeNameOf(m_view, nodeId);
}

QVariantList WorkloadDeployer::plan() const
{
    QVariantList rows;
    for (const Placement::Verdict &verdict : m_plan.verdicts) {
        const int count = int(m_nodeIds.count(verdict.nodeId));
        const qsizetype index = m_view ? m_view->fleet()->indexOf(verdict.nodeId) : -1;
        // A node whose count was changed by hand has no placement's reason for it.
        const bool asPlanned = count == verdict.replicas;
        rows.append(
            QVariantMap{{QStringLiteral("nodeId"), verdict.nodeId}, {QStringLiteral("name"), nodeName(verdict.nodeId)},
                {QStringLiteral("country"),
                    index < 0 ? QString() : m_view->fleet()->nodes().at(index).entry.location.countryCode},
                {QStringLiteral("count"), count},
                {QStringLiteral("explanation"),
                    asPlanned ? verdict.explanation
                              : i18ncp("@info", "%2: %1 replica, moved here by hand",
                                    "%2: %1 replicas, moved here by hand", count, nodeName(verdict.nodeId))},
                {QStringLiteral("ruledOut"), count > 0 ? QString() : verdict.ruledOut}});
    }
    return rows;
}

QVariantMap WorkloadDeployer::planCounts() const
{
    QVariantMap counts;
    for (const QString &id : m_nodeIds) {
        counts[id] = counts.value(id).toInt() + 1;
    }
    return counts;
}

void WorkloadDeployer::deploy()
{
    if (!m_view || isRunning() || !problems().isEmpty() || m_nodeIds.isEmpty()) {
        return;
    }
    m_change = std::make_unique<WorkloadChange>(m_view->fleet(), workload());
    m_change->make(m_nodeIds, m_pools);
    connect(m_change.get(), &WorkloadChange::stepChanged, this, &WorkloadDeployer::progressChanged);
    connect(m_change.get(), &WorkloadChange::finished, this, &WorkloadDeployer::progressChanged);
    m_change->start();
    m_id = Workloads::newId(); // a second deployment is another workload
    Q_EMIT progressChanged();
}

void WorkloadDeployer::cancel()
{
    if (m_change) {
        m_change->cancel();
    }
}

QVariantList WorkloadDeployer::progress() const
{
    return m_change ? progressRows(m_view, *m_change) : QVariantList{};
}

} // namespace Flotilla
