// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "machines/machinequery.h"

#include <QAbstractProxyModel>
#include <QCollatorSortKey>
#include <QtQmlIntegration>

#include <optional>

namespace Flotilla
{
class MachineListModel;

/// Machines of one node or of all, matching a search (see MachineQuery),
/// sorted by any column. Live columns re-sort as their figures change.
///
/// Written by hand rather than on QSortFilterProxyModel: sorted by CPU, the
/// whole list re-sorts every second, and QSortFilterProxyModel spends tens
/// of milliseconds of the UI thread on 10,000 rows (two model indexes and
/// three virtual calls per comparison). Here a re-sort compares figures the
/// machine list keeps packed, in about a millisecond. Its source must be a
/// MachineListModel.
class MachineFilterModel : public QAbstractProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    /// Only this node's machines; empty for all nodes.
    Q_PROPERTY(QString nodeId READ nodeId WRITE setNodeId NOTIFY nodeIdChanged)
    /// Words and qualifiers: `node:`, `state:`, `tag:`, `ip:`, `name:`, negated with `-`.
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    /// What in the search could not be understood; empty when all could.
    Q_PROPERTY(QString searchProblem READ searchProblem NOTIFY searchTextChanged)
    Q_PROPERTY(SortKey sortKey READ sortKey WRITE setSortKey NOTIFY sortChanged)
    Q_PROPERTY(bool descending READ isDescending WRITE setDescending NOTIFY sortChanged)

public:
    enum SortKey { ByName, ByNode, ByState, ByVcpus, ByMemory, ByCpu, ByMemoryUse, ByDisk, ByNetwork, ByAddress };
    Q_ENUM(SortKey)

    explicit MachineFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString nodeId() const { return m_nodeId; }
    void setNodeId(const QString &nodeId);
    [[nodiscard]] QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    [[nodiscard]] QString searchProblem() const { return m_query.problem(); }
    [[nodiscard]] SortKey sortKey() const { return m_sortKey; }
    void setSortKey(SortKey key);
    [[nodiscard]] bool isDescending() const { return m_descending; }
    void setDescending(bool descending);

    /// The UUIDs of the rows shown, in their order.
    Q_INVOKABLE [[nodiscard]] QStringList uuids() const;
    /// The UUIDs of the rows shown from @p first to @p last, either way round.
    Q_INVOKABLE [[nodiscard]] QStringList uuidsBetween(int first, int last) const;
    /// Where the machine @p uuid is shown; -1 when it is not.
    Q_INVOKABLE [[nodiscard]] int rowOf(const QString &uuid) const;

    void setSourceModel(QAbstractItemModel *model) override;
    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    [[nodiscard]] QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

Q_SIGNALS:
    void nodeIdChanged();
    void searchTextChanged();
    void sortChanged();

private:
    // What is shown, and in which order (machinefiltermodel.cpp).
    [[nodiscard]] bool accepts(int sourceRow) const;
    /// What a row is sorted by: one key for every column but the text ones
    /// (compared through collation keys), and its rank by name for ties.
    struct SortEntry {
        double key = 0;
        int nameRank = 0;
        int sourceRow = 0;
    };
    [[nodiscard]] SortEntry entryOf(int sourceRow) const;
    [[nodiscard]] bool before(const SortEntry &entry, const SortEntry &other) const;
    [[nodiscard]] int compareText(int sourceRow, int otherSourceRow) const;
    [[nodiscard]] QList<int> sorted(QList<int> sourceRows) const;
    [[nodiscard]] int sortRole() const;
    [[nodiscard]] int rowOfSource(int sourceRow) const;
    [[nodiscard]] int insertionPoint(int sourceRow, int skipRow = -1) const;
    void fill();
    void refilter();
    void resort();

    // Following the machine list (machinefiltermodelsource.cpp).
    void followSource();
    void rebuildAfterReset();
    void sourceRowsInserted(int first, int last);
    void sourceRowsAboutToBeRemoved(int first, int last);
    void sourceRowsRemoved(int first, int last);
    void sourceDataChanged(int first, int last, const QList<int> &roles);
    void showRow(int sourceRow);
    void hideRows(const QList<int> &rows);
    void placeRow(int row);

    const MachineListModel *m_machines = nullptr;
    QList<QMetaObject::Connection> m_sourceConnections;
    QList<int> m_order; ///< the source row of each row shown, in order
    mutable QList<int> m_rowOfSource; ///< the inverse; -1 for hidden rows; empty when stale
    /// Collation keys of the text column sorted by, per source row, made when first compared.
    mutable QList<std::optional<QCollatorSortKey>> m_textKeys;
    QString m_nodeId;
    QString m_searchText;
    MachineQuery m_query;
    SortKey m_sortKey = ByName;
    bool m_descending = false;
};

} // namespace Flotilla
