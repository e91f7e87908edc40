// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/workload.h"

#include "provisioning/imagelibrary.h"

#include <KLocalizedString>

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace Flotilla
{

namespace
{

constexpr int mostReplicas = 1000;

const std::pair<Placement::Policy::Spread, const char *> spreadNames[] = {
    {Placement::Policy::Spread::Nodes, "nodes"},
    {Placement::Policy::Spread::Countries, "countries"},
    {Placement::Policy::Spread::Pack, "pack"},
};

QJsonArray texts(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

Error wrong(const QString &field, const QString &what)
{
    return Error{.message = i18nc("@info", "The workload's policy cannot be read"),
        .details = i18nc("@info policy: field, what is wrong", "“%1”: %2", field, what)};
}

/// A whole number from @p least to @p most in @p object's @p field, or @p fallback when it has none.
std::optional<int> number(const QJsonObject &object, const QString &field, int least, int most, int fallback)
{
    if (!object.contains(field)) {
        return fallback;
    }
    const double value = object.value(field).toDouble(NAN);
    if (std::isnan(value) || value != std::floor(value) || value < least || value > most) {
        return std::nullopt;
    }
    return int(value);
}

std::optional<QStringList> textList(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined()) {
        return QStringList{};
    }
    QStringList list;
    for (const QJsonValue &entry : value.toArray()) {
        if (!entry.isString() || entry.toString().size() > 64) {
            return std::nullopt;
        }
        list.append(entry.toString());
    }
    if (!value.isArray() || list.size() > 100) {
        return std::nullopt;
    }
    return list;
}

Result<bool> readAutoscaling(const QJsonObject &object, WorkloadPolicy &policy)
{
    Autoscaling::Policy &scaling = policy.autoscaling;
    const QString metric = object.value(QStringLiteral("metric")).toString(QStringLiteral("cpu"));
    if (metric != QLatin1StringView("cpu") && metric != QLatin1StringView("memory")) {
        return wrong(QStringLiteral("autoscale.metric"), i18nc("@info policy", "“cpu” or “memory”"));
    }
    scaling.metric
        = metric == QLatin1StringView("cpu") ? Autoscaling::Policy::Metric::Cpu : Autoscaling::Policy::Metric::Memory;
    const std::optional<int> target = number(object, QStringLiteral("target"), 1, 100, int(scaling.target));
    const std::optional<int> minimum = number(object, QStringLiteral("minimum"), 1, mostReplicas, scaling.minimum);
    const std::optional<int> maximum = number(object, QStringLiteral("maximum"), 1, mostReplicas, scaling.maximum);
    if (!target || !minimum || !maximum || *minimum > *maximum) {
        return wrong(QStringLiteral("autoscale"),
            i18nc("@info policy", "a target from 1 to 100 %, and a minimum no larger than the maximum"));
    }
    scaling.target = *target;
    scaling.minimum = *minimum;
    scaling.maximum = *maximum;
    policy.autoscale = object.value(QStringLiteral("on")).toBool(true);
    policy.dryRun = object.value(QStringLiteral("dryRun")).toBool(false);
    return true;
}

/// The newest of @p replicas first: by when they were made, then by name.
bool newerThan(const Replica &a, const Replica &b)
{
    return a.created != b.created ? a.created > b.created : a.name > b.name;
}

Replica replicaOf(const QString &nodeId, const Machine &machine)
{
    Replica replica{.nodeId = nodeId,
        .uuid = machine.uuid,
        .name = machine.name,
        .index = machine.metadata.replica,
        .state = machine.state,
        .templateHash = machine.metadata.templateHash,
        .created = QDateTime::fromString(machine.metadata.created, Qt::ISODate),
        .unfinished = !machine.metadata.unfinished.isEmpty(),
        .vcpus = machine.vcpus,
        .memoryBytes = machine.memoryBytes,
        .disks = machine.disks};
    for (const NetworkInterface &interface : machine.interfaces) {
        replica.addresses.append(interface.addresses);
    }
    return replica;
}

/// The template, policy, lease and name of @p workload from its replicas'
/// metadata (@p metadata, in the order of its replicas), saying where they disagree.
void settle(Workload &workload, const QList<const MachineMetadata *> &metadata)
{
    // The newest replica whose template can be read gives the template and the name.
    qsizetype newest = -1;
    for (qsizetype i = 0; i < metadata.size() && newest < 0; ++i) {
        if (const Result<MachineTemplate> made = MachineTemplates::fromJson(metadata.at(i)->templateFile.toUtf8())) {
            workload.machineTemplate = made.value();
            workload.templateHash = metadata.at(i)->templateHash;
            newest = i;
        }
    }
    workload.name = metadata.first()->workload;
    if (newest < 0) {
        workload.disagreements.append(i18nc("@info", "No replica holds a template that can be read."));
    }
    const auto otherTemplate = std::ranges::count_if(
        metadata, [&](const MachineMetadata *held) { return held->templateHash != workload.templateHash; });
    if (otherTemplate > 0) {
        workload.disagreements.append(
            i18ncp("@info", "%1 replica was made from another template; the newest replica's is shown.",
                "%1 replicas were made from another template; the newest replica's is shown.", otherTemplate));
    }
    QList<WorkloadPolicy> policies;
    for (const MachineMetadata *held : metadata) {
        if (const Result<WorkloadPolicy> policy = Workloads::policyFromJson(held->policy.toUtf8())) {
            policies.append(policy.value());
        }
        const Lease lease = Lease::parse(held->lease);
        if (lease.until > workload.lease.until) {
            workload.lease = lease;
        }
        if (held->workload != workload.name && !held->workload.isEmpty()) {
            workload.disagreements.append(
                i18nc("@info", "A replica calls the workload “%1”; the newest one's name is shown.", held->workload));
        }
    }
    if (policies.isEmpty()) {
        workload.policy.replicas = int(metadata.size());
        workload.disagreements.append(i18nc("@info", "No replica holds a policy that can be read."));
        return;
    }
    workload.policy = *std::ranges::max_element(
        policies, [](const WorkloadPolicy &a, const WorkloadPolicy &b) { return a.changed < b.changed; });
    if (std::ranges::any_of(policies, [&](const WorkloadPolicy &policy) { return !(policy == workload.policy); })) {
        workload.disagreements.append(
            i18nc("@info", "Its replicas hold different policies; the one set last, at %1, holds.",
                QLocale().toString(workload.policy.changed.toLocalTime(), QLocale::ShortFormat)));
    }
}

} // namespace

Lease Lease::parse(const QString &text)
{
    const qsizetype space = text.lastIndexOf(QLatin1Char(' '));
    if (space <= 0) {
        return {};
    }
    const QDateTime until = QDateTime::fromString(text.mid(space + 1), Qt::ISODate);
    return until.isValid() ? Lease{.holder = text.left(space), .until = until} : Lease{};
}

QString Lease::text() const
{
    return holder.isEmpty() ? QString() : holder + QLatin1Char(' ') + until.toUTC().toString(Qt::ISODate);
}

int Workload::running() const
{
    return int(std::ranges::count_if(replicas, [](const Replica &replica) {
        return replica.state == MachineState::Running || replica.state == MachineState::Blocked;
    }));
}

QList<int> Workload::indices() const
{
    QList<int> used;
    for (const Replica &replica : replicas) {
        used.append(replica.index);
    }
    return used;
}

namespace Workloads
{

QString newId()
{
    return QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, QLatin1Char('0'));
}

QString replicaName(const QString &workload, int index)
{
    return workload + QLatin1Char('-') + QString::number(index).rightJustified(2, QLatin1Char('0'));
}

QByteArray policyJson(const WorkloadPolicy &policy)
{
    QJsonObject object{{QStringLiteral("replicas"), policy.replicas},
        {QStringLiteral("onFailure"),
            policy.onFailure == WorkloadPolicy::OnFailure::AllOrNothing ? QStringLiteral("all-or-nothing")
                                                                        : QStringLiteral("best-effort")},
        {QStringLiteral("changed"), policy.changed.toUTC().toString(Qt::ISODateWithMs)}};
    for (const auto &[spread, name] : spreadNames) {
        if (spread == policy.placement.spread) {
            object.insert(QStringLiteral("spread"), QString::fromLatin1(name));
        }
    }
    if (!policy.placement.tags.isEmpty()) {
        object.insert(QStringLiteral("tags"), texts(policy.placement.tags));
    }
    if (!policy.placement.countries.isEmpty()) {
        object.insert(QStringLiteral("countries"), texts(policy.placement.countries));
    }
    if (policy.placement.maxPerNode > 0) {
        object.insert(QStringLiteral("maxPerNode"), policy.placement.maxPerNode);
    }
    const Autoscaling::Policy &scaling = policy.autoscaling;
    object.insert(QStringLiteral("autoscale"),
        QJsonObject{{QStringLiteral("on"), policy.autoscale}, {QStringLiteral("dryRun"), policy.dryRun},
            {QStringLiteral("metric"),
                scaling.metric == Autoscaling::Policy::Metric::Cpu ? QStringLiteral("cpu") : QStringLiteral("memory")},
            {QStringLiteral("target"), int(scaling.target)}, {QStringLiteral("minimum"), scaling.minimum},
            {QStringLiteral("maximum"), scaling.maximum}});
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<WorkloadPolicy> policyFromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (json.size() > 64 * 1024 || !document.isObject()) {
        return Error{.message = i18nc("@info", "The workload's policy cannot be read"), .details = error.errorString()};
    }
    const QJsonObject object = document.object();
    WorkloadPolicy policy;
    const std::optional<int> replicas = number(object, QStringLiteral("replicas"), 0, mostReplicas, -1);
    if (!replicas || *replicas < 0) {
        return wrong(QStringLiteral("replicas"), i18nc("@info policy", "a whole number from 0 to %1", mostReplicas));
    }
    policy.replicas = *replicas;
    const QString spread = object.value(QStringLiteral("spread")).toString(QStringLiteral("nodes"));
    const auto known = std::ranges::find_if(
        spreadNames, [&](const auto &entry) { return spread == QLatin1StringView(entry.second); });
    if (known == std::end(spreadNames)) {
        return wrong(QStringLiteral("spread"), i18nc("@info policy", "“nodes”, “countries” or “pack”"));
    }
    policy.placement.spread = known->first;
    const std::optional<QStringList> tags = textList(object, QStringLiteral("tags"));
    const std::optional<QStringList> countries = textList(object, QStringLiteral("countries"));
    const std::optional<int> perNode = number(object, QStringLiteral("maxPerNode"), 0, mostReplicas, 0);
    if (!tags || !countries || !perNode) {
        return wrong(QStringLiteral("tags, countries, maxPerNode"),
            i18nc("@info policy", "lists of short texts, and a whole number"));
    }
    policy.placement.tags = *tags;
    policy.placement.countries = *countries;
    policy.placement.maxPerNode = *perNode;
    policy.onFailure = object.value(QStringLiteral("onFailure")).toString() == QLatin1StringView("best-effort")
        ? WorkloadPolicy::OnFailure::BestEffort
        : WorkloadPolicy::OnFailure::AllOrNothing;
    policy.changed = QDateTime::fromString(object.value(QStringLiteral("changed")).toString(), Qt::ISODateWithMs);
    if (const QJsonValue scaling = object.value(QStringLiteral("autoscale")); scaling.isObject()) {
        if (Result<bool> read = readAutoscaling(scaling.toObject(), policy); !read) {
            return read.error();
        }
    }
    return policy;
}

MachineMetadata replicaMetadata(const Workload &workload, int index)
{
    return MachineMetadata{.workload = workload.name,
        .templateName = workload.machineTemplate.name,
        .replica = index,
        .workloadId = workload.id,
        .templateFile = QString::fromUtf8(MachineTemplates::toJson(workload.machineTemplate)),
        .templateHash = MachineTemplates::hash(workload.machineTemplate),
        .policy = QString::fromUtf8(policyJson(workload.policy)),
        .lease = workload.lease.text(),
        .image = workload.machineTemplate.image};
}

QList<Workload> gather(const QList<Seen> &machines)
{
    QHash<QString, QList<std::pair<Replica, const MachineMetadata *>>> found;
    for (const Seen &seen : machines) {
        const MachineMetadata &metadata = seen.machine->metadata;
        if (metadata.workloadId.isEmpty() || metadata.replica < 0) {
            continue; // not a replica Flotilla made
        }
        found[metadata.workloadId].append({replicaOf(seen.nodeId, *seen.machine), &metadata});
    }
    QList<Workload> workloads;
    for (auto group = found.begin(); group != found.end(); ++group) {
        auto &members = group.value();
        std::ranges::sort(members, [](const auto &a, const auto &b) { return newerThan(a.first, b.first); });
        Workload workload{.id = group.key()};
        QList<const MachineMetadata *> metadata;
        for (const auto &[replica, held] : members) {
            workload.replicas.prepend(replica); // oldest first
            metadata.append(held);
        }
        settle(workload, metadata);
        workloads.append(workload);
    }
    std::ranges::sort(workloads, [](const Workload &a, const Workload &b) {
        return a.name != b.name ? a.name.localeAwareCompare(b.name) < 0 : a.id < b.id;
    });
    return workloads;
}

QString dataDiskOf(const Replica &replica)
{
    for (const Disk &disk : replica.disks) {
        if (ImageLibrary::isDataVolume(QFileInfo(disk.source).fileName())) {
            return disk.source;
        }
    }
    return {};
}

QList<Replica> toRemove(const Workload &workload, int count)
{
    QList<Replica> left = workload.replicas;
    std::ranges::sort(left, newerThan);
    QList<Replica> chosen;
    const bool spread = workload.policy.placement.spread != Placement::Policy::Spread::Pack;
    while (chosen.size() < count && !left.isEmpty()) {
        qsizetype pick = 0; // the newest
        if (spread) {
            // The newest replica of the most crowded node.
            QHash<QString, int> perNode;
            for (const Replica &replica : left) {
                ++perNode[replica.nodeId];
            }
            for (qsizetype i = 1; i < left.size(); ++i) {
                if (perNode.value(left.at(i).nodeId) > perNode.value(left.at(pick).nodeId)) {
                    pick = i;
                }
            }
        }
        chosen.append(left.takeAt(pick));
    }
    return chosen;
}

} // namespace Workloads

} // namespace Flotilla
