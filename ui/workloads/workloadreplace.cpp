// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// A workload's template changed from its page, and its replicas replaced
// with new ones made from it (WorkloadListModel's part for it).
#include "workloadlistmodel.h"

#include "deployfields.h"

#include "fleet/fleet.h"
#include "workloads/fleetworkloads.h"

#include <KLocalizedString>

namespace Flotilla
{

QVariantMap WorkloadListModel::templateFields(const QString &workloadId) const
{
    const Workload *workload = find(workloadId);
    if (!workload) {
        return {};
    }
    const MachineTemplate &made = workload->machineTemplate;
    return {{QStringLiteral("image"), made.image}, {QStringLiteral("vcpus"), made.vcpus},
        {QStringLiteral("memoryMiB"), made.memoryMiB}, {QStringLiteral("rootGiB"), made.rootGiB},
        {QStringLiteral("packages"), made.setup.packages.join(QLatin1Char(' '))}};
}

QStringList WorkloadListModel::imagesFor(const QString &workloadId) const
{
    const Workload *workload = find(workloadId);
    if (!workload || !m_view) {
        return {};
    }
    QSet<QString> nodes;
    for (const Replica &replica : workload->replicas) {
        nodes.insert(replica.nodeId);
    }
    QStringList images;
    for (const QString &image : FleetWorkloads::images(*m_view->fleet()).keys()) {
        const bool everywhere = std::ranges::all_of(nodes, [&](const QString &nodeId) {
            const qsizetype index = m_view->fleet()->indexOf(nodeId);
            return index >= 0
                && std::ranges::any_of(m_view->fleet()->nodes().at(index).stock.volumes,
                    [&](const NodeVolume &volume) { return volume.name == image; });
        });
        if (everywhere) {
            images.append(image);
        }
    }
    return images;
}

Workload WorkloadListModel::withTemplate(const Workload &workload, const QVariantMap &fields) const
{
    Workload changed = workload;
    MachineTemplate &made = changed.machineTemplate;
    made.image = fields.value(QStringLiteral("image"), made.image).toString();
    made.vcpus = fields.value(QStringLiteral("vcpus"), made.vcpus).toInt();
    made.memoryMiB = fields.value(QStringLiteral("memoryMiB"), made.memoryMiB).toInt();
    made.rootGiB = fields.value(QStringLiteral("rootGiB"), made.rootGiB).toInt();
    made.maxVcpus = std::max(made.maxVcpus, made.vcpus);
    made.maxMemoryMiB = std::max(made.maxMemoryMiB, made.memoryMiB);
    made.setup.packages = DeployFields::words(
        fields.value(QStringLiteral("packages"), made.setup.packages.join(QLatin1Char(' '))).toString());
    changed.policy.changed = QDateTime::currentDateTimeUtc();
    return changed;
}

QString WorkloadListModel::replaceProblem(const QString &workloadId, const QVariantMap &fields) const
{
    const Workload *workload = find(workloadId);
    if (!workload || !m_view) {
        return i18nc("@info", "This workload is no longer in the fleet.");
    }
    if (const QString busy = scaleProblem(workloadId, int(workload->replicas.size())); !busy.isEmpty()) {
        return busy;
    }
    const MachineTemplate made = withTemplate(*workload, fields).machineTemplate;
    if (made == workload->machineTemplate) {
        return i18nc("@info", "The template is as it was: change something first.");
    }
    if (const Result<MachineTemplate> checked = MachineTemplates::fromJson(MachineTemplates::toJson(made)); !checked) {
        return checked.error().text();
    }
    if (!imagesFor(workloadId).contains(made.image)) {
        return i18nc("@info",
            "Not every node with a replica holds the image %1: a replica is replaced on its own node.", made.image);
    }
    return {};
}

void WorkloadListModel::replaceTemplate(const QString &workloadId, const QVariantMap &fields, int atATime)
{
    if (const QString why = replaceProblem(workloadId, fields); !why.isEmpty()) {
        Q_EMIT problem(workloadId, why);
        return;
    }
    const Workload *workload = find(workloadId);
    auto change = std::make_unique<WorkloadChange>(m_view->fleet(), withTemplate(*workload, fields));
    change->replace(workload->replicas, std::max(1, atATime));
    run(workloadId, std::move(change));
}

} // namespace Flotilla
