// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machines/machinefiltermodel.h"

#include "fleet/machinelistmodel.h"

#include <cmath>

namespace Flotilla
{
namespace
{
int roleOf(MachineFilterModel::SortKey key)
{
    switch (key) {
    case MachineFilterModel::ByName:
        return MachineListModel::NameRole;
    case MachineFilterModel::ByNode:
        return MachineListModel::NodeNameRole;
    case MachineFilterModel::ByState:
        return MachineListModel::StateTextRole;
    case MachineFilterModel::ByVcpus:
        return MachineListModel::VcpusRole;
    case MachineFilterModel::ByMemory:
        return MachineListModel::MemoryBytesRole;
    case MachineFilterModel::ByCpu:
        return MachineListModel::CpuPercentRole;
    case MachineFilterModel::ByMemoryUse:
        return MachineListModel::MemoryPercentRole;
    case MachineFilterModel::ByDisk:
        return MachineListModel::DiskBytesPerSecondRole;
    case MachineFilterModel::ByNetwork:
        return MachineListModel::NetBytesPerSecondRole;
    case MachineFilterModel::ByAddress:
        return MachineListModel::AddressesTextRole;
    }
    return MachineListModel::NameRole;
}

bool isLive(int role)
{
    return role == MachineListModel::CpuPercentRole || role == MachineListModel::MemoryPercentRole
        || role == MachineListModel::DiskBytesPerSecondRole || role == MachineListModel::NetBytesPerSecondRole;
}

bool isText(int role)
{
    return role == MachineListModel::NodeNameRole || role == MachineListModel::StateTextRole
        || role == MachineListModel::AddressesTextRole;
}
} // namespace

MachineFilterModel::MachineFilterModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
}

void MachineFilterModel::setNodeId(const QString &nodeId)
{
    if (nodeId == m_nodeId) {
        return;
    }
    m_nodeId = nodeId;
    refilter();
    Q_EMIT nodeIdChanged();
}

void MachineFilterModel::setSearchText(const QString &text)
{
    if (text == m_searchText) {
        return;
    }
    m_searchText = text;
    m_query = MachineQuery::parse(text);
    refilter();
    Q_EMIT searchTextChanged();
}

void MachineFilterModel::setSortKey(SortKey key)
{
    if (key == m_sortKey) {
        return;
    }
    m_sortKey = key;
    m_textKeys.clear();
    resort();
    Q_EMIT sortChanged();
}

void MachineFilterModel::setDescending(bool descending)
{
    if (descending == m_descending) {
        return;
    }
    m_descending = descending;
    resort();
    Q_EMIT sortChanged();
}

QStringList MachineFilterModel::uuids() const
{
    return uuidsBetween(0, int(m_order.size()) - 1);
}

QStringList MachineFilterModel::uuidsBetween(int first, int last) const
{
    // Shift+Down through a long list asks for one row at a time: not all of them.
    QStringList result;
    const int from = std::max(std::min(first, last), 0);
    const int to = std::min(std::max(first, last), int(m_order.size()) - 1);
    for (int row = from; m_machines && row <= to; ++row) {
        result.append(m_machines->index(m_order.at(row), 0).data(MachineListModel::UuidRole).toString());
    }
    return result;
}

int MachineFilterModel::rowOf(const QString &uuid) const
{
    return m_machines ? rowOfSource(m_machines->rowOf(uuid)) : -1;
}

void MachineFilterModel::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections)) {
        disconnect(connection);
    }
    m_sourceConnections.clear();
    m_machines = qobject_cast<const MachineListModel *>(model);
    if (model && !m_machines) {
        qWarning("MachineFilterModel: the source must be a MachineListModel");
        model = nullptr;
    }
    QAbstractProxyModel::setSourceModel(model);
    followSource();
    fill();
    endResetModel();
}

void MachineFilterModel::fill()
{
    m_order.clear();
    m_rowOfSource.clear();
    m_textKeys.clear();
    for (int row = 0; m_machines && row < m_machines->rowCount(); ++row) {
        if (accepts(row)) {
            m_order.append(row);
        }
    }
    m_order = sorted(std::move(m_order));
}

QModelIndex MachineFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    return hasIndex(row, column, parent) ? createIndex(row, column) : QModelIndex();
}

QModelIndex MachineFilterModel::parent(const QModelIndex &) const
{
    return {};
}

int MachineFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int MachineFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_machines ? 0 : 1;
}

QModelIndex MachineFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_machines || proxyIndex.row() >= m_order.size()) {
        return {};
    }
    return m_machines->index(m_order.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex MachineFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_machines) {
        return {};
    }
    const int row = rowOfSource(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

int MachineFilterModel::rowOfSource(int sourceRow) const
{
    if (m_rowOfSource.isEmpty() && m_machines) {
        m_rowOfSource.fill(-1, m_machines->rowCount());
        for (int row = 0; row < m_order.size(); ++row) {
            m_rowOfSource[m_order.at(row)] = row;
        }
    }
    return sourceRow >= 0 && sourceRow < m_rowOfSource.size() ? m_rowOfSource.at(sourceRow) : -1;
}

bool MachineFilterModel::accepts(int sourceRow) const
{
    const QModelIndex index = m_machines->index(sourceRow, 0);
    if (!m_nodeId.isEmpty() && index.data(MachineListModel::NodeIdRole).toString() != m_nodeId) {
        return false;
    }
    if (m_query.isEmpty()) {
        return true;
    }
    return m_query.matches(MachineQuery::Subject{.name = index.data(MachineListModel::NameRole).toString(),
        .nodeName = index.data(MachineListModel::NodeNameRole).toString(),
        .city = index.data(MachineListModel::NodeCityRole).toString(),
        .country = index.data(MachineListModel::NodeCountryRole).toString(),
        .countryCode = index.data(MachineListModel::NodeCountryCodeRole).toString(),
        .state = MachineState(index.data(MachineListModel::StateRole).toInt()),
        .tags = index.data(MachineListModel::TagsRole).toStringList(),
        .addresses = index.data(MachineListModel::AddressesRole).toStringList()});
}

int MachineFilterModel::sortRole() const
{
    return roleOf(m_sortKey);
}

MachineFilterModel::SortEntry MachineFilterModel::entryOf(int sourceRow) const
{
    const int role = sortRole();
    double key = 0; // sorting by name: the names decide
    if (isLive(role)) {
        key = m_machines->liveFigure(sourceRow, role);
        if (std::isnan(key)) {
            key = m_descending ? -INFINITY : INFINITY; // the unknown last, either way
        }
    } else if (role != MachineListModel::NameRole && !isText(role)) {
        key = m_machines->index(sourceRow, 0).data(role).toDouble();
    }
    return SortEntry{.key = key, .nameRank = m_machines->nameRank(sourceRow), .sourceRow = sourceRow};
}

bool MachineFilterModel::before(const SortEntry &entry, const SortEntry &other) const
{
    if (isText(sortRole())) {
        if (const int order = compareText(entry.sourceRow, other.sourceRow); order != 0) {
            return m_descending ? order > 0 : order < 0;
        }
    } else if (entry.key != other.key) {
        return m_descending ? entry.key > other.key : entry.key < other.key;
    }
    // Equal keys: by name, then by UUID (the rank), so the order is total.
    const bool namesReversed = sortRole() == MachineListModel::NameRole && m_descending;
    return namesReversed ? entry.nameRank > other.nameRank : entry.nameRank < other.nameRank;
}

int MachineFilterModel::compareText(int sourceRow, int otherSourceRow) const
{
    m_textKeys.resize(m_machines->rowCount());
    for (const int row : {sourceRow, otherSourceRow}) {
        if (!m_textKeys.at(row)) {
            m_textKeys[row]
                = MachineListModel::collator().sortKey(m_machines->index(row, 0).data(sortRole()).toString());
        }
    }
    return m_textKeys.at(sourceRow)->compare(*m_textKeys.at(otherSourceRow));
}

QList<int> MachineFilterModel::sorted(QList<int> sourceRows) const
{
    // Keys gathered once, not per comparison: a live column re-sorts every
    // second, and this keeps it to a millisecond or two.
    QList<SortEntry> entries;
    entries.reserve(sourceRows.size());
    for (const int sourceRow : std::as_const(sourceRows)) {
        entries.append(entryOf(sourceRow));
    }
    std::ranges::sort(entries, [this](const SortEntry &a, const SortEntry &b) { return before(a, b); });
    for (qsizetype i = 0; i < entries.size(); ++i) {
        sourceRows[i] = entries.at(i).sourceRow;
    }
    return sourceRows;
}

int MachineFilterModel::insertionPoint(int sourceRow, int skipRow) const
{
    // A binary search over the rows shown, leaving out skipRow.
    const SortEntry entry = entryOf(sourceRow);
    int low = 0;
    int high = int(m_order.size()) - (skipRow >= 0 ? 1 : 0);
    while (low < high) {
        const int middle = (low + high) / 2;
        const int other = m_order.at(skipRow >= 0 && middle >= skipRow ? middle + 1 : middle);
        if (before(entryOf(other), entry)) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

void MachineFilterModel::refilter()
{
    // As rows hidden and shown, a run of neighbours at a time, not as a
    // reset: views keep their delegates, and the runs are few, since the
    // rows that stay split them.
    QList<int> gone;
    for (int row = 0; row < m_order.size(); ++row) {
        if (!accepts(m_order.at(row))) {
            gone.append(row);
        }
    }
    hideRows(gone);
    QList<int> fresh;
    for (int sourceRow = 0; m_machines && sourceRow < m_machines->rowCount(); ++sourceRow) {
        if (rowOfSource(sourceRow) < 0 && accepts(sourceRow)) {
            fresh.append(sourceRow);
        }
    }
    fresh = sorted(std::move(fresh));
    QList<int> places;
    places.reserve(fresh.size());
    for (const int sourceRow : std::as_const(fresh)) {
        places.append(insertionPoint(sourceRow));
    }
    // From the bottom up, so the places above stay right.
    for (qsizetype end = fresh.size(); end > 0;) {
        qsizetype start = end - 1;
        while (start > 0 && places.at(start - 1) == places.at(end - 1)) {
            --start;
        }
        const int place = places.at(end - 1);
        beginInsertRows({}, place, place + int(end - start) - 1);
        m_order.insert(place, end - start, 0);
        std::copy(fresh.cbegin() + start, fresh.cbegin() + end, m_order.begin() + place);
        m_rowOfSource.clear();
        endInsertRows();
        end = start;
    }
}

void MachineFilterModel::resort()
{
    if (m_order.size() < 2) {
        return;
    }
    QList<int> order = sorted(m_order);

    if (order == m_order) {
        return;
    }
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList kept = persistentIndexList();
    QList<int> keptSourceRows;
    keptSourceRows.reserve(kept.size());
    for (const QModelIndex &index : kept) {
        keptSourceRows.append(m_order.at(index.row()));
    }
    m_order = std::move(order);
    m_rowOfSource.clear();
    QModelIndexList moved;
    moved.reserve(kept.size());
    for (qsizetype i = 0; i < kept.size(); ++i) {
        moved.append(createIndex(rowOfSource(keptSourceRows.at(i)), kept.at(i).column()));
    }
    changePersistentIndexList(kept, moved);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace Flotilla
