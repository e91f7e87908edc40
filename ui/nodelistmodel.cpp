// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodelistmodel.h"

#include "fleet.h"

#include <KFormat>
#include <KLocalizedString>

#include <QLocale>

#include <algorithm>

namespace Flotilla
{

namespace
{

QString stateText(NodeSession::State state)
{
    switch (state) {
    case NodeSession::State::Connecting:
        return i18nc("@info:status node connection", "Connecting");
    case NodeSession::State::Connected:
        return i18nc("@info:status node connection", "Connected");
    case NodeSession::State::Disconnected:
        return i18nc("@info:status node connection", "Disconnected");
    }
    return {};
}

QString topologyText(const NodeFacts &facts)
{
    return i18ncp("@info CPU topology", "%1 socket", "%1 sockets", facts.sockets) + QStringLiteral(" × ")
        + i18ncp("@info CPU topology", "%1 core", "%1 cores", facts.cores) + QStringLiteral(" × ")
        + i18ncp("@info CPU topology", "%1 thread", "%1 threads", facts.threads);
}

quint64 storageCapacity(const NodeInventory &inventory)
{
    quint64 total = 0;
    for (const StoragePool &pool : inventory.pools) {
        total += pool.capacityBytes;
    }
    return total;
}

quint64 storageUsed(const NodeInventory &inventory)
{
    quint64 total = 0;
    for (const StoragePool &pool : inventory.pools) {
        total += pool.allocationBytes;
    }
    return total;
}

} // namespace

NodeListModel::NodeListModel(Fleet *fleet, QObject *parent)
    : QAbstractListModel(parent)
    , m_fleet(fleet)
    , m_count(int(fleet->nodes().size()))
{
    connect(fleet, &Fleet::nodeAdded, this, [this](qsizetype row) {
        beginInsertRows({}, int(row), int(row));
        ++m_count;
        endInsertRows();
    });
    connect(fleet, &Fleet::nodeChanged, this,
        [this](qsizetype row) { Q_EMIT dataChanged(index(int(row)), index(int(row))); });
}

int NodeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

QVariant NodeListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Fleet::Node &node = m_fleet->nodes().at(index.row());
    const NodeFacts &facts = node.inventory.facts;
    const QList<Machine> &machines = node.inventory.machines;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return node.entry.name;
    case IdRole:
        return node.entry.id;
    case UriRole:
        return node.entry.uri;
    case StateRole:
        return int(node.state);
    case StateTextRole:
        return stateText(node.state);
    case ErrorRole:
        return node.error.message;
    case ErrorDetailsRole:
        return node.error.details;
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
        return QLocale().createSeparatedList(node.inventory.networks);
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
        return int(machines.size());
    case RunningCountRole:
        return int(std::ranges::count_if(machines, [](const Machine &machine) { return machine.isRunning(); }));
    case StorageCapacityBytesRole:
        return double(storageCapacity(node.inventory));
    case StorageUsedBytesRole:
        return double(storageUsed(node.inventory));
    case StorageTextRole:
        return node.inventory.pools.isEmpty()
            ? QString()
            : i18nc("@info storage use", "%1 of %2 used",
                  KFormat().formatByteSize(double(storageUsed(node.inventory)), 0),
                  KFormat().formatByteSize(double(storageCapacity(node.inventory)), 0));
    case LoadedRole:
        return node.hasInventory;
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
        {StorageCapacityBytesRole, "storageCapacityBytes"},
        {StorageUsedBytesRole, "storageUsedBytes"},
        {StorageTextRole, "storageText"},
        {LoadedRole, "loaded"},
    };
}

} // namespace Flotilla
