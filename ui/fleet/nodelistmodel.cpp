// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/nodelistmodel.h"

#include "core/displayname.h"
#include "fleet/fleet.h"
#include "nodes/uriparameters.h"

#include <KFormat>
#include <KLocalizedString>

#include <QLocale>

#include <algorithm>

namespace Flotilla
{

// QML's names for the connection states mirror the backend's.
static_assert(int(NodeListModel::Connected) == int(NodeState::Connected));
static_assert(int(NodeListModel::Degraded) == int(NodeState::Degraded));
static_assert(int(NodeListModel::Reconnecting) == int(NodeState::Reconnecting));

namespace
{

QString stateText(const NodeStatus &status)
{
    switch (status.state) {
    case NodeState::Connecting:
        return i18nc("@info:status node connection", "Connecting");
    case NodeState::Connected:
        return i18nc("@info:status node connection", "Connected");
    case NodeState::Degraded:
        return i18nc("@info:status node connection", "Slow to answer");
    case NodeState::Disconnected:
        return i18nc("@info:status node connection", "Disconnected");
    case NodeState::Reconnecting:
        if (status.nextAttempt.isValid()) {
            const qint64 seconds = std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(status.nextAttempt));
            return i18ncp(
                "@info:status node connection", "Reconnecting in %1 second", "Reconnecting in %1 seconds", seconds);
        }
        return i18nc("@info:status node connection", "Reconnecting");
    }
    return {};
}

QString lastHeardText(const Fleet &fleet, const QString &id)
{
    if (fleet.heartbeat().isAnswering(id)) {
        return {};
    }
    const qint64 seconds = fleet.heartbeat().silence(id).value_or(std::chrono::milliseconds(0)).count() / 1000;
    if (seconds < 120) {
        return i18ncp("@info:status node stopped answering", "Not answering, last heard %1 second ago",
            "Not answering, last heard %1 seconds ago", seconds);
    }
    return i18ncp("@info:status node stopped answering", "Not answering, last heard %1 minute ago",
        "Not answering, last heard %1 minutes ago", seconds / 60);
}

QString topologyText(const NodeFacts &facts)
{
    return i18ncp("@info CPU topology", "%1 socket", "%1 sockets", facts.sockets) + QStringLiteral(" × ")
        + i18ncp("@info CPU topology", "%1 core", "%1 cores", facts.cores) + QStringLiteral(" × ")
        + i18ncp("@info CPU topology", "%1 thread", "%1 threads", facts.threads);
}

quint64 storageCapacity(const QList<StoragePool> &pools)
{
    quint64 total = 0;
    for (const StoragePool &pool : pools) {
        total += pool.capacityBytes;
    }
    return total;
}

quint64 storageUsed(const QList<StoragePool> &pools)
{
    quint64 total = 0;
    for (const StoragePool &pool : pools) {
        total += pool.allocationBytes;
    }
    return total;
}

QString networksText(const QList<VirtualNetwork> &networks)
{
    QStringList names;
    for (const VirtualNetwork &network : networks) {
        names.append(network.name);
    }
    return QLocale().createSeparatedList(names);
}

QString usageText(const Fleet::Node &node)
{
    const double cpu = at(node.rates, Channel::CpuPercent);
    const double memory = at(node.rates, Channel::MemoryUsedBytes);
    if (std::isnan(cpu) || std::isnan(memory)) {
        return {};
    }
    return i18nc("@info node load", "CPU %1 % · memory %2 of %3", qRound(cpu), KFormat().formatByteSize(memory, 0),
        KFormat().formatByteSize(double(node.facts.memoryBytes), 0));
}

} // namespace

NodeListModel::NodeListModel(Fleet *fleet, QObject *parent)
    : QAbstractListModel(parent)
    , m_fleet(fleet)
    , m_count(int(fleet->nodes().size()))
    , m_silenceClock(this)
{
    connect(fleet, &Fleet::nodeAdded, this, [this](qsizetype row) {
        beginInsertRows({}, int(row), int(row));
        ++m_count;
        endInsertRows();
    });
    connect(fleet, &Fleet::nodeAboutToBeRemoved, this, [this](qsizetype row) {
        beginRemoveRows({}, int(row), int(row));
        --m_count;
    });
    connect(fleet, &Fleet::nodeRemoved, this, [this] { endRemoveRows(); });
    connect(fleet, &Fleet::nodeChanged, this, [this](qsizetype row) {
        Q_EMIT dataChanged(index(int(row)), index(int(row)));
        if (!m_fleet->heartbeat().isAnswering(m_fleet->nodes().at(row).entry.id)) {
            m_silenceClock.start();
        }
    });
    m_silenceClock.setInterval(1000);
    connect(&m_silenceClock, &QTimer::timeout, this, &NodeListModel::updateSilentRows);
    connect(fleet, &Fleet::ticked, this, [this](qsizetype row) {
        Q_EMIT dataChanged(
            index(int(row)), index(int(row)), {CpuPercentRole, MemoryUsedBytesRole, UsageTextRole, SimulatedRole});
    });
}

void NodeListModel::updateSilentRows()
{
    bool silent = false;
    for (int row = 0; row < m_count; ++row) {
        if (!m_fleet->heartbeat().isAnswering(m_fleet->nodes().at(row).entry.id)) {
            silent = true;
            Q_EMIT dataChanged(index(row), index(row), {LastHeardTextRole});
        }
    }
    if (!silent) {
        m_silenceClock.stop();
    }
}

int NodeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

QVariant NodeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Fleet::Node &node = m_fleet->nodes().at(index.row());
    const NodeFacts &facts = node.facts;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return displayName(node.entry.name);
    case IdRole:
        return node.entry.id;
    case UriRole:
        return node.entry.uri;
    case StateRole:
        return int(node.status.state);
    case StateTextRole:
        return stateText(node.status);
    case ErrorRole:
        return node.status.error.message;
    case ErrorDetailsRole:
        return node.status.error.details;
    case CityRole:
        return node.entry.location.city;
    case CountryRole:
        return node.entry.location.country;
    case LatitudeRole:
        return node.entry.location.latitude;
    case LongitudeRole:
        return node.entry.location.longitude;
    case HostnameRole:
        return facts.hostname;
    case HypervisorRole:
        return facts.hypervisor;
    case HypervisorVersionRole:
        return facts.hypervisorVersion;
    case NetworksTextRole:
        return networksText(node.networks);
    case LibvirtVersionRole:
        return facts.libvirtVersion;
    case CpuModelRole:
        return facts.cpuModel;
    case CpusRole:
        return facts.cpus;
    case TopologyTextRole:
        return node.hasInventory ? topologyText(facts) : QString();
    case MemoryBytesRole:
        return double(facts.memoryBytes);
    case MemoryTextRole:
        return node.hasInventory ? KFormat().formatByteSize(double(facts.memoryBytes), 0) : QString();
    case MachineCountRole:
        return int(node.machines.machines().size());
    case RunningCountRole:
        return node.machines.runningCount();
    case KvmRole:
        return facts.kvm;
    case StorageCapacityBytesRole:
        return double(storageCapacity(node.pools));
    case StorageUsedBytesRole:
        return double(storageUsed(node.pools));
    case StorageTextRole:
        return node.pools.isEmpty()
            ? QString()
            : i18nc("@info storage use", "%1 of %2 used", KFormat().formatByteSize(double(storageUsed(node.pools)), 0),
                  KFormat().formatByteSize(double(storageCapacity(node.pools)), 0));
    case PoolsRole: {
        QVariantList pools;
        for (const StoragePool &pool : node.pools) {
            pools.append(QVariantMap{{QStringLiteral("name"), pool.name}, {QStringLiteral("active"), pool.active},
                {QStringLiteral("usedFraction"),
                    pool.capacityBytes > 0 ? double(pool.allocationBytes) / double(pool.capacityBytes) : 0.0},
                {QStringLiteral("text"),
                    i18nc("@info storage use", "%1 of %2 used",
                        KFormat().formatByteSize(double(pool.allocationBytes), 0),
                        KFormat().formatByteSize(double(pool.capacityBytes), 0))}});
        }
        return pools;
    }
    case LoadedRole:
        return node.hasInventory;
    case CpuPercentRole:
        return at(node.rates, Channel::CpuPercent);
    case MemoryUsedBytesRole:
        return at(node.rates, Channel::MemoryUsedBytes);
    case UsageTextRole:
        return usageText(node);
    case SimulatedRole:
        return node.simulatedActivity;
    case TagsRole:
        return node.entry.tags;
    case AnsweringRole:
        return m_fleet->heartbeat().isAnswering(node.entry.id);
    case LastHeardTextRole:
        return lastHeardText(*m_fleet, node.entry.id);
    case PartsStaleRole:
        return node.poolsStale || node.networksStale;
    case UnverifiedRole:
        return NodeUri::skipsVerification(node.entry.uri);
    case MaintenanceRole:
        return node.entry.maintenance;
    }
    return {};
}

QHash<int, QByteArray> NodeListModel::roleNames() const
{
    return {
        {IdRole, "nodeId"},
        {NameRole, "name"},
        {UriRole, "uri"},
        {StateRole, "connectionState"},
        {StateTextRole, "stateText"},
        {ErrorRole, "error"},
        {ErrorDetailsRole, "errorDetails"},
        {CityRole, "city"},
        {CountryRole, "country"},
        {LatitudeRole, "latitude"},
        {LongitudeRole, "longitude"},
        {HostnameRole, "hostname"},
        {HypervisorRole, "hypervisor"},
        {HypervisorVersionRole, "hypervisorVersion"},
        {NetworksTextRole, "networksText"},
        {LibvirtVersionRole, "libvirtVersion"},
        {CpuModelRole, "cpuModel"},
        {CpusRole, "cpus"},
        {TopologyTextRole, "topologyText"},
        {MemoryBytesRole, "memoryBytes"},
        {MemoryTextRole, "memoryText"},
        {MachineCountRole, "machineCount"},
        {RunningCountRole, "runningCount"},
        {KvmRole, "kvm"},
        {StorageCapacityBytesRole, "storageCapacityBytes"},
        {StorageUsedBytesRole, "storageUsedBytes"},
        {StorageTextRole, "storageText"},
        {PoolsRole, "pools"},
        {LoadedRole, "loaded"},
        {CpuPercentRole, "cpuPercent"},
        {MemoryUsedBytesRole, "memoryUsedBytes"},
        {UsageTextRole, "usageText"},
        {SimulatedRole, "simulated"},
        {TagsRole, "tags"},
        {AnsweringRole, "answering"},
        {LastHeardTextRole, "lastHeardText"},
        {PartsStaleRole, "partsStale"},
        {UnverifiedRole, "unverified"},
        {MaintenanceRole, "maintenance"},
    };
}

} // namespace Flotilla
