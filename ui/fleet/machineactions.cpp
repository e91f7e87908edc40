// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/machineactions.h"

#include "core/displayname.h"
#include "fleet/fleet.h"
#include "fleet/fleetevents.h"
#include "fleet/machinelistmodel.h"
#include "provisioning/imagelibrary.h"

#include <KFormat>
#include <KLocalizedString>

#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Flotilla
{
namespace
{
MachineRequest::Kind kindOf(MachineActions::Action action)
{
    using Kind = MachineRequest::Kind;
    static constexpr Kind kinds[]
        = {Kind::Start, Kind::Shutdown, Kind::Reboot, Kind::ForceOff, Kind::Pause, Kind::Resume, Kind::Delete};
    return kinds[action];
}

bool allows(const Machine &machine, MachineActions::Action action)
{
    switch (action) {
    case MachineActions::Start:
        return !machine.isActive();
    case MachineActions::Shutdown:
    case MachineActions::Reboot:
    case MachineActions::Pause:
        return machine.isRunning();
    case MachineActions::ForceOff:
        return machine.isActive();
    case MachineActions::Resume:
        return machine.state == MachineState::Paused;
    case MachineActions::Delete:
        return true;
    }
    return false;
}

QString doneMessage(MachineActions::Action action, int count)
{
    switch (action) {
    case MachineActions::Start:
        return i18ncp("@info", "Started %1 machine", "Started %1 machines", count);
    case MachineActions::Shutdown:
        return i18ncp("@info", "Asked %1 machine to shut down", "Asked %1 machines to shut down", count);
    case MachineActions::Reboot:
        return i18ncp("@info", "Asked %1 machine to reboot", "Asked %1 machines to reboot", count);
    case MachineActions::ForceOff:
        return i18ncp("@info", "Forced %1 machine off", "Forced %1 machines off", count);
    case MachineActions::Pause:
        return i18ncp("@info", "Paused %1 machine", "Paused %1 machines", count);
    case MachineActions::Resume:
        return i18ncp("@info", "Resumed %1 machine", "Resumed %1 machines", count);
    case MachineActions::Delete:
        return i18ncp("@info", "Deleted %1 machine", "Deleted %1 machines", count);
    }
    return {};
}
} // namespace

MachineActions::MachineActions(Fleet *fleet, MachineListModel *machines, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_machines(machines)
{
    connect(fleet, &Fleet::requestFinished, this,
        [this](const QString &, const MachineRequestResult &result) { onFinished(result); });
    connect(fleet, &Fleet::machinesChanged, this, [this] {
        ++m_revision;
        Q_EMIT revisionChanged();
    });
}

QStringList MachineActions::applicable(const QStringList &uuids, Action action) const
{
    QStringList result;
    for (const QString &uuid : uuids) {
        if (const Machine *machine = m_machines->machine(uuid); machine && allows(*machine, action)) {
            result.append(uuid);
        }
    }
    return result;
}

void MachineActions::perform(const QStringList &uuids, Action action, const QVariantList &disks)
{
    const QStringList targets = applicable(uuids, action);
    if (targets.isEmpty()) {
        return;
    }
    QHash<QString, QStringList> volumes; // uuid → the disks confirmed for deletion
    for (const QVariant &disk : disks) {
        const QVariantMap map = disk.toMap();
        if (action == Delete && map.value(QStringLiteral("sharedWith")).toString().isEmpty()) {
            volumes[map.value(QStringLiteral("uuid")).toString()].append(map.value(QStringLiteral("path")).toString());
        }
    }
    const quint64 batch = ++m_lastBatch;
    m_batches.insert(batch, Batch{.action = action, .count = int(targets.size())});
    const bool stops = action == Shutdown || action == ForceOff || action == Delete;
    for (const QString &uuid : targets) {
        const QString node = m_machines->nodeIdOf(uuid);
        if (stops) {
            m_fleet->events()->expectStop(node, uuid); // asked for: no "stopped unexpectedly" notice
        }
        const quint64 id = m_fleet->request(
            node, MachineRequest{.kind = kindOf(action), .uuid = uuid, .volumes = volumes.value(uuid)});
        m_batchOfRequest.insert(id, batch);
    }
    Q_EMIT pendingChanged();
}

QStringList MachineActions::silentNodesOf(const QStringList &uuids) const
{
    QStringList names;
    QSet<QString> seen;
    for (const QString &uuid : uuids) {
        const QString node = m_machines->nodeIdOf(uuid);
        if (node.isEmpty() || m_fleet->heartbeat().isAnswering(node) || seen.contains(node)) {
            continue;
        }
        seen.insert(node);
        names.append(m_fleet->nodes().at(m_fleet->indexOf(node)).entry.name);
    }
    return names;
}

quint64 MachineActions::send(const QString &uuid, const MachineRequest &request)
{
    const quint64 id = m_fleet->request(m_machines->nodeIdOf(uuid), request);
    if (id > 0) {
        m_batchOfRequest.insert(id, 0);
        Q_EMIT pendingChanged();
    }
    return id;
}

void MachineActions::onFinished(const MachineRequestResult &result)
{
    const auto found = m_batchOfRequest.constFind(result.requestId);
    if (found == m_batchOfRequest.cend()) {
        return; // someone else's request
    }
    const quint64 batchId = *found;
    m_batchOfRequest.erase(found);
    Q_EMIT pendingChanged();
    if (batchId == 0) {
        Q_EMIT requestFinished(result.requestId, result.uuid, result.error.message, result.error.details);
        return;
    }
    Batch &batch = m_batches[batchId];
    const Machine *machine = m_machines->machine(result.uuid);
    const QString name = machine ? displayName(machine->name) : result.uuid;
    if (!result.error.isEmpty()) {
        batch.failures.append(i18nc("@info machine: what went wrong", "%1: %2", name, result.error.text()));
    }
    for (const QString &warning : result.warnings) {
        batch.warnings.append(i18nc("@info machine: what went wrong", "%1: %2", name, warning));
    }
    if (++batch.done == batch.count) {
        conclude(m_batches.take(batchId));
    }
}

void MachineActions::conclude(const Batch &batch)
{
    const int failed = int(batch.failures.size());
    const QString details = (batch.failures + batch.warnings).join(QLatin1Char('\n'));
    if (failed == 0) {
        Q_EMIT finished(doneMessage(batch.action, batch.count), details, false);
        return;
    }
    const QString message = failed == batch.count
        ? i18ncp("@info", "The machine refused", "All %1 machines refused", batch.count)
        : i18nc("@info", "%1 of %2 machines refused", failed, batch.count);
    Q_EMIT finished(message, details, true);
}

QStringList MachineActions::usersOf(const QString &path, const QString &nodeId, const QStringList &except) const
{
    QStringList names;
    for (const Fleet::Node &node : m_fleet->nodes()) {
        if (node.entry.id != nodeId) {
            continue;
        }
        for (const Machine &other : node.machines.machines()) {
            const bool uses = std::ranges::any_of(
                other.disks, [&](const Disk &disk) { return disk.source == path || disk.backingFiles.contains(path); });
            if (uses && !except.contains(other.uuid)) {
                names.append(displayName(other.name));
            }
        }
    }
    names.sort();
    return names;
}

QVariantList MachineActions::disksOf(const QStringList &uuids) const
{
    QVariantList disks;
    for (const QString &uuid : uuids) {
        const Machine *machine = m_machines->machine(uuid);
        if (!machine) {
            continue;
        }
        for (const Disk &disk : machine->disks) {
            // Its disks, and the seed Flotilla made for it; never an installer or another CD-ROM.
            if (disk.device != QLatin1StringView("disk")
                && !ImageLibrary::isMachineVolume(QFileInfo(disk.source).fileName())) {
                continue;
            }
            disks.append(QVariantMap{{QStringLiteral("uuid"), uuid},
                {QStringLiteral("machine"), displayName(machine->name)}, {QStringLiteral("path"), disk.source},
                {QStringLiteral("size"),
                    disk.capacityBytes > 0 ? KFormat().formatByteSize(double(disk.capacityBytes), 0) : QString()},
                {QStringLiteral("sharedWith"),
                    usersOf(disk.source, m_machines->nodeIdOf(uuid), uuids).join(QStringLiteral(", "))},
                {QStringLiteral("data"), ImageLibrary::isDataVolume(QFileInfo(disk.source).fileName())}});
        }
    }
    return disks;
}

QStringList MachineActions::namesOf(const QStringList &uuids) const
{
    QStringList names;
    for (const QString &uuid : uuids) {
        if (const Machine *machine = m_machines->machine(uuid)) {
            names.append(displayName(machine->name));
        }
    }
    return names;
}

} // namespace Flotilla
