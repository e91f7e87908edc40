// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodestorage.h"

#include "fleet/fleetsummary.h"
#include "model/storagepool.h"

#include <KLocalizedString>

#include <QLocale>

namespace Flotilla
{

namespace
{
QString typeText(const QString &type)
{
    if (type == QLatin1StringView("dir")) {
        return i18nc("@info storage pool type", "Directory");
    }
    if (type == QLatin1StringView("logical")) {
        return i18nc("@info storage pool type", "LVM volume group");
    }
    if (type == QLatin1StringView("netfs")) {
        return i18nc("@info storage pool type", "NFS export");
    }
    return type;
}

PoolSpec poolSpec(const QVariantMap &map)
{
    const QString type = map.value(QStringLiteral("type")).toString();
    return PoolSpec{.name = map.value(QStringLiteral("name")).toString().trimmed(),
        .type = type == QLatin1StringView("logical") ? PoolSpec::Type::Lvm
            : type == QLatin1StringView("netfs")     ? PoolSpec::Type::Nfs
                                                     : PoolSpec::Type::Directory,
        .path = map.value(QStringLiteral("path")).toString().trimmed(),
        .volumeGroup = map.value(QStringLiteral("volumeGroup")).toString().trimmed(),
        .host = map.value(QStringLiteral("host")).toString().trimmed(),
        .exportPath = map.value(QStringLiteral("exportPath")).toString().trimmed()};
}

QString joined(const QStringList &names)
{
    return QLocale().createSeparatedList(names);
}
} // namespace

NodeStorage::NodeStorage(QObject *parent)
    : NodePartsView(parent)
{
    connect(this, &NodePartsView::nodeIdChanged, this, [this] {
        if (!view() || m_heard == view()->fleet()) {
            return;
        }
        Fleet *fleet = view()->fleet();
        m_heard = fleet;
        connect(fleet, &Fleet::provisioningUpdated, this, [this](const QString &, const ProvisioningUpdate &progress) {
            if (progress.jobId == m_download && progress.totalBytes > 0) {
                m_doneBytes = progress.doneBytes;
                m_totalBytes = progress.totalBytes;
                Q_EMIT downloadChanged();
            }
        });
        connect(fleet, &Fleet::provisioningFinished, this, [this](const QString &, const ProvisioningResult &result) {
            if (result.jobId != m_download) {
                return;
            }
            m_download = 0;
            if (result.outcome.cancelled) {
                refuse(i18nc("@info", "The download was cancelled; no file was left."));
            } else if (!result.outcome.completed) {
                refuse(result.outcome.failure.text());
            } else {
                Q_EMIT downloaded(m_downloadPath);
            }
            Q_EMIT downloadChanged();
        });
    });
}

void NodeStorage::download(const QString &pool, const QString &name, const QUrl &file)
{
    if (!view() || isDownloading() || !file.isLocalFile()) {
        return;
    }
    dismiss();
    m_downloadName = name;
    m_downloadPath = file.toLocalFile();
    m_doneBytes = m_totalBytes = 0;
    m_download = view()->fleet()->provision(nodeId(),
        ProvisioningRequest{
            .kind = ProvisioningRequest::Kind::VolumeToFile, .pool = pool, .name = name, .path = m_downloadPath});
    Q_EMIT downloadChanged();
}

void NodeStorage::cancelDownload()
{
    if (view() && isDownloading()) {
        view()->fleet()->cancelProvisioning(m_download);
    }
}

double NodeStorage::downloadFraction() const
{
    return m_totalBytes > 0 ? double(m_doneBytes) / double(m_totalBytes) : 0.0;
}

QString NodeStorage::downloadText() const
{
    return i18nc("@info:progress name: done of total", "%1: %2 of %3", m_downloadName,
        FleetSummary::formatBytes(double(m_doneBytes)), FleetSummary::formatBytes(double(m_totalBytes)));
}

bool NodeStorage::isStale() const
{
    const Fleet::Node *found = node();
    return found && found->poolsStale;
}

const StoragePool *NodeStorage::pool(const QString &name) const
{
    const Fleet::Node *found = node();
    if (!found) {
        return nullptr;
    }
    const auto it = std::ranges::find_if(found->pools, [&](const StoragePool &each) { return each.name == name; });
    return it == found->pools.end() ? nullptr : &*it;
}

const NodeVolume *NodeStorage::volume(const QString &pool, const QString &name) const
{
    const Fleet::Node *found = node();
    if (!found) {
        return nullptr;
    }
    const QList<NodeVolume> &volumes = found->stock.volumes;
    const auto it
        = std::ranges::find_if(volumes, [&](const NodeVolume &each) { return each.pool == pool && each.name == name; });
    return it == volumes.end() ? nullptr : &*it;
}

QStringList NodeStorage::users(const NodeVolume &volume, bool runningOnly) const
{
    QStringList names;
    const QString byName = volume.pool + QLatin1Char('/') + volume.name;
    for (const Machine &machine : node()->machines.machines()) {
        const bool uses = std::ranges::any_of(machine.disks, [&](const Disk &disk) {
            return disk.source == volume.path || disk.source == byName || disk.backingFiles.contains(volume.path);
        });
        if (uses && (!runningOnly || machine.isActive())) {
            names.append(machine.name);
        }
    }
    names.sort();
    return names;
}

QStringList NodeStorage::volumeNames(const QString &pool) const
{
    QStringList names;
    if (const Fleet::Node *found = node()) {
        for (const NodeVolume &volume : found->stock.volumes) {
            if (volume.pool == pool) {
                names.append(volume.name);
            }
        }
    }
    return names;
}

QVariantList NodeStorage::pools() const
{
    QVariantList rows;
    const Fleet::Node *found = node();
    if (!found) {
        return rows;
    }
    for (const StoragePool &pool : found->pools) {
        QStringList machines;
        int volumes = 0;
        for (const NodeVolume &volume : found->stock.volumes) {
            if (volume.pool == pool.name) {
                ++volumes;
                for (const QString &user : users(volume, false)) {
                    if (!machines.contains(user)) {
                        machines.append(user);
                    }
                }
            }
        }
        machines.sort();
        rows.append(QVariantMap{{QStringLiteral("name"), pool.name}, {QStringLiteral("typeText"), typeText(pool.type)},
            {QStringLiteral("path"), pool.path}, {QStringLiteral("source"), pool.source},
            {QStringLiteral("active"), pool.active}, {QStringLiteral("autostart"), pool.autostart},
            {QStringLiteral("persistent"), pool.persistent},
            {QStringLiteral("usedFraction"),
                pool.capacityBytes > 0 ? double(pool.allocationBytes) / double(pool.capacityBytes) : 0.0},
            {QStringLiteral("sizeText"),
                pool.active ? i18nc("@info free of total", "%1 free of %2",
                                  FleetSummary::formatBytes(double(pool.availableBytes)),
                                  FleetSummary::formatBytes(double(pool.capacityBytes)))
                            : i18nc("@info a pool that is stopped", "stopped")},
            {QStringLiteral("volumes"), found->hasStock && pool.active ? volumes : -1},
            {QStringLiteral("users"), joined(machines)}});
    }
    return rows;
}

QVariantList NodeStorage::poolTypes() const
{
    const Fleet::Node *found = node();
    QVariantList types;
    for (const char *type : {"dir", "logical", "netfs"}) {
        const QString name = QString::fromLatin1(type);
        // A node that does not say what it supports is offered all three; it refuses what it cannot.
        if (!found || found->facts.poolTypes.isEmpty() || found->facts.poolTypes.contains(name)) {
            types.append(QVariantMap{{QStringLiteral("type"), name}, {QStringLiteral("text"), typeText(name)}});
        }
    }
    return types;
}

QVariantList NodeStorage::volumes(const QString &pool) const
{
    QVariantList rows;
    const Fleet::Node *found = node();
    if (!found) {
        return rows;
    }
    QList<NodeVolume> inPool;
    std::ranges::copy_if(found->stock.volumes, std::back_inserter(inPool),
        [&](const NodeVolume &volume) { return volume.pool == pool; });
    std::ranges::sort(inPool, {}, &NodeVolume::name);
    for (const NodeVolume &volume : std::as_const(inPool)) {
        const QStringList machines = users(volume, false);
        rows.append(QVariantMap{{QStringLiteral("name"), volume.name}, {QStringLiteral("path"), volume.path},
            {QStringLiteral("format"), volume.format},
            {QStringLiteral("capacityText"), FleetSummary::formatBytes(double(volume.capacityBytes))},
            {QStringLiteral("allocationText"), FleetSummary::formatBytes(double(volume.allocationBytes))},
            {QStringLiteral("capacityBytes"), double(volume.capacityBytes)},
            {QStringLiteral("users"), joined(machines)}, {QStringLiteral("used"), !machines.isEmpty()}});
    }
    return rows;
}

QString NodeStorage::poolProblem(const QVariantMap &spec) const
{
    const Fleet::Node *found = node();
    return StoragePools::problem(poolSpec(spec), found ? found->pools : QList<StoragePool>{});
}

void NodeStorage::createPool(const QVariantMap &spec)
{
    if (const QString wrong = poolProblem(spec); !wrong.isEmpty()) {
        refuse(wrong);
        return;
    }
    send(NodeRequest{.kind = NodeRequest::Kind::CreatePool, .poolSpec = poolSpec(spec)});
}

void NodeStorage::startPool(const QString &pool)
{
    send(NodeRequest{.kind = NodeRequest::Kind::StartPool, .pool = pool});
}

void NodeStorage::stopPool(const QString &pool)
{
    QStringList running;
    for (const QString &name : volumeNames(pool)) {
        for (const QString &user : users(*volume(pool, name), true)) {
            if (!running.contains(user)) {
                running.append(user);
            }
        }
    }
    if (!running.isEmpty()) {
        refuse(i18ncp("@info %2 names machines", "Could not stop the pool: %2 runs on its volumes. Stop it first.",
            "Could not stop the pool: %2 run on its volumes. Stop them first.", running.size(), joined(running)));
        return;
    }
    send(NodeRequest{.kind = NodeRequest::Kind::StopPool, .pool = pool});
}

void NodeStorage::refreshPool(const QString &pool)
{
    send(NodeRequest{.kind = NodeRequest::Kind::RefreshPool, .pool = pool});
}

void NodeStorage::deletePool(const QString &pool)
{
    send(NodeRequest{.kind = NodeRequest::Kind::DeletePool, .pool = pool});
}

void NodeStorage::setAutostart(const QString &pool, bool autostart)
{
    send(NodeRequest{.kind = NodeRequest::Kind::SetPoolAutostart, .pool = pool, .autostart = autostart});
}

QString NodeStorage::volumeProblem(const QString &pool, const QString &name, double bytes, const QString &format) const
{
    return StoragePools::volumeProblem(
        VolumeSpec{.name = name.trimmed(), .capacityBytes = bytes > 0 ? quint64(bytes) : 0, .format = format},
        volumeNames(pool));
}

void NodeStorage::createVolume(const QString &pool, const QString &name, double bytes, const QString &format)
{
    if (const QString wrong = volumeProblem(pool, name, bytes, format); !wrong.isEmpty()) {
        refuse(wrong);
        return;
    }
    send(NodeRequest{.kind = NodeRequest::Kind::CreateVolume,
        .pool = pool,
        .volumeSpec = VolumeSpec{.name = name.trimmed(), .capacityBytes = quint64(bytes), .format = format}});
}

QString NodeStorage::resizeProblem(const QString &pool, const QString &name, double bytes) const
{
    const NodeVolume *found = volume(pool, name);
    if (!found) {
        return i18nc("@info", "The volume is gone.");
    }
    if (const QStringList running = users(*found, true); !running.isEmpty()) {
        return i18ncp("@info %2 names machines", "%2 runs on it. Stop it first.", "%2 run on it. Stop them first.",
            running.size(), joined(running));
    }
    return StoragePools::resizeProblem(found->capacityBytes, bytes > 0 ? quint64(bytes) : 0);
}

void NodeStorage::resizeVolume(const QString &pool, const QString &name, double bytes)
{
    if (const QString wrong = resizeProblem(pool, name, bytes); !wrong.isEmpty()) {
        refuse(wrong);
        return;
    }
    send(NodeRequest{.kind = NodeRequest::Kind::ResizeVolume, .pool = pool, .volume = name, .bytes = quint64(bytes)});
}

void NodeStorage::deleteVolume(const QString &pool, const QString &name)
{
    if (const NodeVolume *found = volume(pool, name)) {
        if (const QStringList machines = users(*found, false); !machines.isEmpty()) {
            refuse(i18ncp("@info %2 names machines", "Could not delete the volume: %2 uses it.",
                "Could not delete the volume: %2 use it.", machines.size(), joined(machines)));
            return;
        }
    }
    send(NodeRequest{.kind = NodeRequest::Kind::DeleteVolume, .pool = pool, .volume = name});
}

QString NodeStorage::suggestedVolumeName(const QString &pool, const QString &format) const
{
    const QStringList taken = volumeNames(pool);
    for (int n = 1;; ++n) {
        const QString name = QStringLiteral("disk-%1.%2")
                                 .arg(n)
                                 .arg(format == QLatin1StringView("raw") ? QStringLiteral("img") : format);
        if (!taken.contains(name)) {
            return name;
        }
    }
}

} // namespace Flotilla
