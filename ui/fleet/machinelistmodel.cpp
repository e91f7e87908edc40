// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/machinelistmodel.h"

#include "core/displayname.h"
#include "fleet/fleet.h"

#include <KFormat>
#include <KLocalizedString>

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace Flotilla
{

// QML's names for the states mirror libvirt's order in the backend.
static_assert(int(MachineListModel::Running) == int(MachineState::Running));
static_assert(int(MachineListModel::Off) == int(MachineState::Off));
static_assert(int(MachineListModel::Suspended) == int(MachineState::Suspended));

namespace
{
/// The live columns the list sorts by, in the order of SortFigures::live.
constexpr std::array<int, 4> sortedLiveRoles = {MachineListModel::CpuPercentRole, MachineListModel::MemoryPercentRole,
    MachineListModel::DiskBytesPerSecondRole, MachineListModel::NetBytesPerSecondRole};
} // namespace

MachineListModel::MachineListModel(Fleet *fleet, QObject *parent)
    : QAbstractListModel(parent)
    , m_fleet(fleet)
{
    connect(fleet, &Fleet::machinesChanged, this, &MachineListModel::applyChange);
    connect(fleet, &Fleet::nodeChanged, this, [this](qsizetype node) {
        // The node's name, place, or silence may show on its machines' rows.
        const auto first = std::ranges::lower_bound(m_rows, node, {}, &Row::node);
        const auto last = std::ranges::upper_bound(m_rows, node, {}, &Row::node);
        if (first != last) {
            Q_EMIT dataChanged(index(int(first - m_rows.begin())), index(int(last - m_rows.begin()) - 1),
                {NodeNameRole, NodeCityRole, NodeCountryRole, NodeCountryCodeRole, NodeAnsweringRole});
        }
    });
    // Each tick changes the live columns of that node's rows, and nothing else.
    connect(fleet, &Fleet::ticked, this, &MachineListModel::takeTick);
    m_liveRefresh.setSingleShot(true);
    m_liveRefresh.setInterval(refreshIntervalMs);
    connect(&m_liveRefresh, &QTimer::timeout, this, &MachineListModel::publishLiveFigures);
    // A removed node's machines have gone already; the nodes after it move up.
    connect(fleet, &Fleet::nodeRemoved, this, [this](qsizetype node) {
        for (Row &row : m_rows) {
            row.node -= row.node > node ? 1 : 0;
        }
    });
    for (qsizetype node = 0; node < fleet->nodes().size(); ++node) {
        const QList<Machine> machines = fleet->nodes().at(node).machines.machines().values();
        applyChange(node, InventoryChange{.complete = true, .added = machines});
    }
}

void MachineListModel::takeTick(qsizetype node)
{
    const auto first = std::ranges::lower_bound(m_rows, node, {}, &Row::node);
    const auto last = std::ranges::upper_bound(m_rows, node, {}, &Row::node);
    if (first == last) {
        return;
    }
    const auto &rates = m_fleet->nodes().at(node).machineRates;
    for (auto row = first; row != last; ++row) {
        const auto found = rates.constFind(row->machine.uuid);
        row->ticked = found == rates.cend() ? unknownRates() : found->rates;
    }
    const int firstRow = int(first - m_rows.begin());
    const int lastRow = int(last - m_rows.begin()) - 1;
    m_firstLiveRow = m_firstLiveRow < 0 ? firstRow : std::min(m_firstLiveRow, firstRow);
    m_lastLiveRow = std::max(m_lastLiveRow, lastRow);
    if (!m_liveRefresh.isActive()) {
        m_liveRefresh.start();
    }
}

void MachineListModel::publishLiveFigures()
{
    if (m_firstLiveRow < 0 || m_lastLiveRow >= int(m_rows.size())) {
        m_firstLiveRow = m_lastLiveRow = -1;
        return;
    }
    const int first = std::exchange(m_firstLiveRow, -1);
    const int last = std::exchange(m_lastLiveRow, -1);
    for (int row = first; row <= last; ++row) {
        if (std::optional<Rates> ticked = std::exchange(m_rows[row].ticked, std::nullopt)) {
            m_rows[row].live = *ticked;
        }
    }
    m_liveFiguresStale = true;
    Q_EMIT dataChanged(index(first), index(last),
        {CpuPercentRole, CpuTextRole, MemoryUsedBytesRole, MemoryPercentRole, MemoryPercentTextRole,
            DiskBytesPerSecondRole, DiskTextRole, NetBytesPerSecondRole, NetTextRole});
}

double MachineListModel::figureOf(const Row &entry, int role)
{
    const Rates &live = entry.live;
    switch (role) {
    case CpuPercentRole:
        return at(live, Channel::CpuPercent);
    case MemoryPercentRole:
        return entry.machine.memoryBytes > 0
            ? at(live, Channel::MemoryUsedBytes) * 100.0 / double(entry.machine.memoryBytes)
            : NAN;
    case DiskBytesPerSecondRole:
        return at(live, Channel::DiskReadBytesPerSecond) + at(live, Channel::DiskWriteBytesPerSecond);
    case NetBytesPerSecondRole:
        return at(live, Channel::NetReceiveBytesPerSecond) + at(live, Channel::NetSendBytesPerSecond);
    }
    return NAN;
}

double MachineListModel::liveFigure(int row, int role) const
{
    const auto slot = std::ranges::find(sortedLiveRoles, role);
    return slot == sortedLiveRoles.end() ? NAN : sortFigures(row).live.at(slot - sortedLiveRoles.begin());
}

const MachineListModel::SortFigures &MachineListModel::sortFigures(int row) const
{
    if (m_sortFigures.size() != m_rows.size()) {
        m_sortFigures.resize(m_rows.size());
        m_liveFiguresStale = m_nameRanksStale = true;
    }
    if (m_liveFiguresStale) {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            for (std::size_t slot = 0; slot < sortedLiveRoles.size(); ++slot) {
                m_sortFigures[i].live.at(slot) = figureOf(m_rows.at(i), sortedLiveRoles.at(slot));
            }
        }
        m_liveFiguresStale = false;
    }
    if (m_nameRanksStale) {
        rankNames();
    }
    return m_sortFigures.at(row);
}

void MachineListModel::rankNames() const
{
    QList<int> byName(m_rows.size());
    std::iota(byName.begin(), byName.end(), 0);
    std::ranges::sort(byName, [this](int a, int b) {
        const Row &x = m_rows.at(a);
        const Row &y = m_rows.at(b);
        const int order = x.nameKey->compare(*y.nameKey);
        return order != 0 ? order < 0 : x.machine.uuid < y.machine.uuid;
    });
    for (int rank = 0; rank < byName.size(); ++rank) {
        m_sortFigures[byName.at(rank)].nameRank = rank;
    }
    m_nameRanksStale = false;
}

MachineListModel::Row MachineListModel::makeRow(qsizetype node, const Machine &machine, const Rates &live)
{
    return Row{.node = node, .machine = machine, .live = live, .nameKey = collator().sortKey(machine.name)};
}

const QCollator &MachineListModel::collator()
{
    static const QCollator collator = [] {
        QCollator c;
        c.setCaseSensitivity(Qt::CaseInsensitive);
        c.setNumericMode(true); // "web-2" before "web-10"
        return c;
    }();
    return collator;
}

int MachineListModel::nameRank(int row) const
{
    return sortFigures(row).nameRank;
}

void MachineListModel::indexRows() const
{
    if (m_indexStale) {
        m_rowsOfUuid.clear();
        m_rowsOfUuid.reserve(m_rows.size());
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) { // value() gives the one inserted last: the first row
            m_rowsOfUuid.insert(m_rows.at(row).machine.uuid, row);
        }
        m_indexStale = false;
    }
}

int MachineListModel::rowOf(const QString &uuid) const
{
    indexRows();
    return m_rowsOfUuid.value(uuid, -1);
}

int MachineListModel::rowOf(qsizetype node, const QString &uuid) const
{
    indexRows();
    for (auto [it, end] = m_rowsOfUuid.equal_range(uuid); it != end; ++it) {
        if (m_rows.at(*it).node == node) {
            return *it;
        }
    }
    return -1;
}

void MachineListModel::removeRows(const QList<int> &rows)
{
    // From the bottom up, a run of neighbouring rows at a time.
    QList<int> sorted = rows;
    std::ranges::sort(sorted, std::greater<>());
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j + 1 < sorted.size() && sorted.at(j + 1) == sorted.at(j) - 1) {
            ++j;
        }
        beginRemoveRows({}, sorted.at(j), sorted.at(i));
        m_rows.remove(sorted.at(j), sorted.at(i) - sorted.at(j) + 1);
        m_sortFigures.clear(); // before the proxies hear of it
        endRemoveRows();
        i = j + 1;
    }
    m_indexStale = true;
}

void MachineListModel::applyChange(qsizetype node, const InventoryChange &change)
{
    QList<int> gone;
    for (const QString &uuid : change.removed) {
        if (const int row = rowOf(node, uuid); row >= 0) {
            gone.append(row);
        }
    }
    if (!gone.isEmpty()) {
        removeRows(gone);
    }
    for (const Machine &machine : change.changed) {
        const int row = rowOf(node, machine.uuid);
        if (row >= 0) {
            m_nameRanksStale = m_nameRanksStale || machine.name != m_rows.at(row).machine.name;
            std::optional<Rates> ticked = m_rows.at(row).ticked;
            m_rows[row] = makeRow(m_rows.at(row).node, machine, m_rows.at(row).live);
            m_rows[row].ticked = std::move(ticked);
            if (row < m_sortFigures.size()) { // memory % follows the machine's memory
                for (std::size_t slot = 0; slot < sortedLiveRoles.size(); ++slot) {
                    m_sortFigures[row].live.at(slot) = figureOf(m_rows.at(row), sortedLiveRoles.at(slot));
                }
            }
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    if (!change.added.isEmpty()) {
        const int first = int(std::ranges::upper_bound(m_rows, node, {}, &Row::node) - m_rows.begin());
        beginInsertRows({}, first, first + int(change.added.size()) - 1);
        QList<Row> added;
        added.reserve(change.added.size());
        for (const Machine &machine : change.added) {
            added.append(makeRow(node, machine, unknownRates()));
        }
        m_rows.insert(first, added.size(), Row{});
        std::ranges::move(added, m_rows.begin() + first);
        m_sortFigures.clear();
        endInsertRows();
        m_indexStale = true;
    }
    if (m_firstLiveRow >= 0 && (!gone.isEmpty() || !change.added.isEmpty())) {
        m_firstLiveRow = 0; // rows moved: the pending refresh covers them all
        m_lastLiveRow = int(m_rows.size()) - 1;
    }
}

int MachineListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString MachineListModel::stateText(MachineState state)
{
    switch (state) {
    case MachineState::Running:
        return i18nc("@info:status machine", "Running");
    case MachineState::Blocked:
        return i18nc("@info:status machine", "Blocked");
    case MachineState::Paused:
        return i18nc("@info:status machine", "Paused");
    case MachineState::ShuttingDown:
        return i18nc("@info:status machine", "Shutting down");
    case MachineState::Off:
        return i18nc("@info:status machine", "Off");
    case MachineState::Crashed:
        return i18nc("@info:status machine", "Crashed");
    case MachineState::Suspended:
        return i18nc("@info:status machine", "Suspended");
    case MachineState::Unknown:
        break;
    }
    return i18nc("@info:status machine", "Unknown");
}

QVariant MachineListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const Machine &machine = row.machine;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return displayName(machine.name);
    case UuidRole:
        return machine.uuid;
    case NodeIdRole:
        return m_fleet->nodes().at(row.node).entry.id;
    case NodeNameRole:
        return displayName(m_fleet->nodes().at(row.node).entry.name);
    case NodeCityRole:
        return m_fleet->nodes().at(row.node).entry.location.city;
    case NodeCountryRole:
        return m_fleet->nodes().at(row.node).entry.location.country;
    case NodeCountryCodeRole:
        return m_fleet->nodes().at(row.node).entry.location.countryCode;
    case StateRole:
        return int(machine.state);
    case StateTextRole:
        return stateText(machine.state);
    case NodeAnsweringRole:
        return m_fleet->heartbeat().isAnswering(m_fleet->nodes().at(row.node).entry.id);
    case ActiveRole:
        return machine.isActive();
    case VcpusRole:
        return machine.vcpus;
    case MemoryBytesRole:
        return double(machine.memoryBytes);
    case MemoryTextRole:
        return KFormat().formatByteSize(double(machine.memoryBytes), 0);
    case PersistentRole:
        return machine.persistent;
    case AddressesRole:
    case AddressesTextRole: {
        QStringList addresses;
        for (const NetworkInterface &interface : machine.interfaces) {
            addresses += interface.addresses;
        }
        return role == AddressesRole ? QVariant(addresses) : QVariant(addresses.join(QStringLiteral(", ")));
    }
    case TagsRole:
        return machine.metadata.tags;
    case MaxVcpusRole:
        return machine.maxVcpus;
    case MaxMemoryBytesRole:
        return double(machine.maxMemoryBytes);
    default:
        return liveData(row, role);
    }
}

QVariant MachineListModel::liveData(const Row &row, int role) const
{
    const Rates &live = row.live;
    const auto percentText = [](double percent) {
        return std::isnan(percent)
            ? QString()
            : i18nc("@info percentage", "%1 %", QLocale().toString(percent, 'f', percent < 10 ? 1 : 0));
    };
    const auto rateText = [](double bytesPerSecond) {
        return std::isnan(bytesPerSecond)
            ? QString()
            : i18nc("@info bytes per second", "%1/s", KFormat().formatByteSize(bytesPerSecond, 1));
    };
    const double memoryPercent = row.machine.memoryBytes > 0
        ? at(live, Channel::MemoryUsedBytes) * 100.0 / double(row.machine.memoryBytes)
        : NAN;
    const double disk = at(live, Channel::DiskReadBytesPerSecond) + at(live, Channel::DiskWriteBytesPerSecond);
    const double net = at(live, Channel::NetReceiveBytesPerSecond) + at(live, Channel::NetSendBytesPerSecond);
    switch (role) {
    case CpuPercentRole:
        return at(live, Channel::CpuPercent);
    case CpuTextRole:
        return percentText(at(live, Channel::CpuPercent));
    case MemoryUsedBytesRole:
        return at(live, Channel::MemoryUsedBytes);
    case MemoryPercentRole:
        return memoryPercent;
    case MemoryPercentTextRole:
        return percentText(memoryPercent);
    case DiskBytesPerSecondRole:
        return disk;
    case DiskTextRole:
        return rateText(disk);
    case NetBytesPerSecondRole:
        return net;
    case NetTextRole:
        return rateText(net);
    }
    return {};
}

QString MachineListModel::nodeIdOf(const QString &uuid) const
{
    const int row = rowOf(uuid);
    return row < 0 ? QString() : m_fleet->nodes().at(m_rows.at(row).node).entry.id;
}

const Machine *MachineListModel::machine(const QString &uuid) const
{
    const int row = rowOf(uuid);
    return row < 0 ? nullptr : &m_rows.at(row).machine;
}

QHash<int, QByteArray> MachineListModel::roleNames() const
{
    return {
        {UuidRole, "uuid"},
        {NameRole, "name"},
        {NodeIdRole, "nodeId"},
        {NodeNameRole, "nodeName"},
        {StateRole, "machineState"},
        {StateTextRole, "stateText"},
        {NodeAnsweringRole, "nodeAnswering"},
        {ActiveRole, "active"},
        {VcpusRole, "vcpus"},
        {MemoryBytesRole, "memoryBytes"},
        {MemoryTextRole, "memoryText"},
        {PersistentRole, "persistent"},
        {CpuPercentRole, "cpuPercent"},
        {CpuTextRole, "cpuText"},
        {MemoryUsedBytesRole, "memoryUsedBytes"},
        {MemoryPercentRole, "memoryPercent"},
        {MemoryPercentTextRole, "memoryPercentText"},
        {DiskBytesPerSecondRole, "diskBytesPerSecond"},
        {DiskTextRole, "diskText"},
        {NetBytesPerSecondRole, "netBytesPerSecond"},
        {NetTextRole, "netText"},
        {AddressesRole, "addresses"},
        {AddressesTextRole, "addressesText"},
        {TagsRole, "tags"},
        {MaxVcpusRole, "maxVcpus"},
        {MaxMemoryBytesRole, "maxMemoryBytes"},
        {NodeCityRole, "nodeCity"},
        {NodeCountryRole, "nodeCountry"},
        {NodeCountryCodeRole, "nodeCountryCode"},
    };
}

} // namespace Flotilla
