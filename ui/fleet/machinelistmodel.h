// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "metrics/metrics.h"
#include "model/inventory.h"

#include <QAbstractListModel>
#include <QCollator>
#include <QTimer>
#include <QtQmlIntegration>

#include <array>
#include <optional>

namespace Flotilla
{
class Fleet;

/// Every machine of every node, one row each, grouped by node. It follows
/// the fleet's diffs: a changed machine changes its row, added and removed
/// machines insert and remove rows; nothing is reset or re-read whole.
class MachineListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Reached through Fleet.machines")

public:
    enum Roles {
        UuidRole = Qt::UserRole + 1,
        NameRole,
        NodeIdRole,
        NodeNameRole,
        StateRole, ///< MachineListModel::State
        StateTextRole,
        ActiveRole, ///< running, paused or otherwise not off
        VcpusRole,
        MemoryBytesRole,
        MemoryTextRole,
        PersistentRole,
        CpuPercentRole, ///< of its vCPUs, at the last tick; NaN when not running or unknown
        CpuTextRole, ///< "12 %", or empty
        MemoryUsedBytesRole, ///< at the last tick; NaN when unknown
        MemoryPercentRole, ///< used of its memory, at the last tick; NaN when unknown
        MemoryPercentTextRole,
        DiskBytesPerSecondRole, ///< read and written, at the last tick; NaN when unknown
        DiskTextRole, ///< "1.2 MiB/s", or empty
        NetBytesPerSecondRole, ///< received and sent, at the last tick; NaN when unknown
        NetTextRole,
        AddressesRole, ///< QStringList: the interfaces' IP addresses
        AddressesTextRole,
        TagsRole, ///< QStringList: from Flotilla's metadata
        MaxVcpusRole,
        MaxMemoryBytesRole,
        NodeAnsweringRole, ///< false while its node is not answering: the row's figures are stale
        NodeCityRole, ///< where the machine's node stands
        NodeCountryRole,
        NodeCountryCodeRole, ///< ISO 3166-1 alpha-2
    };
    Q_ENUM(Roles)

    /// libvirt's machine states, as QML sees them.
    enum State {
        Unknown,
        Running,
        Blocked,
        Paused,
        ShuttingDown,
        Off,
        Crashed,
        Suspended,
    };
    Q_ENUM(State)

    /// How often live figures reach views, at most.
    static constexpr int refreshIntervalMs = 1000;

    explicit MachineListModel(Fleet *fleet, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] static QString stateText(MachineState state);
    /// The row of the machine @p uuid; -1 if unknown. A machine on two
    /// nodes at once (half way through a move) is its first row's.
    [[nodiscard]] int rowOf(const QString &uuid) const;
    /// The node a machine is on; empty if the machine is unknown.
    [[nodiscard]] QString nodeIdOf(const QString &uuid) const;
    /// A live figure of @p row (CpuPercentRole, MemoryPercentRole,
    /// DiskBytesPerSecondRole, NetBytesPerSecondRole) without a QVariant:
    /// sorting by a live column compares many of them at every refresh.
    [[nodiscard]] double liveFigure(int row, int role) const;
    /// The machine as last read; null if unknown.
    [[nodiscard]] const Machine *machine(const QString &uuid) const;
    /// The place of @p row among all rows ordered by name as people read
    /// them ("web-2" before "web-10"), then by UUID. Worked out when rows
    /// change, so sorting thousands of rows compares no strings.
    [[nodiscard]] int nameRank(int row) const;
    /// The collation of names and other text columns in the machine list.
    [[nodiscard]] static const QCollator &collator();

private:
    struct Row {
        qsizetype node = 0; ///< index in Fleet::nodes()
        Machine machine;
        Rates live = unknownRates(); ///< as views were last told (publishLiveFigures)
        /// From its node's last tick, until the next refresh tells views:
        /// what data() returns always matches what views were told.
        std::optional<Rates> ticked;
        /// The name's collation key; QCollatorSortKey has no empty state.
        std::optional<QCollatorSortKey> nameKey;
    };

    [[nodiscard]] static Row makeRow(qsizetype node, const Machine &machine, const Rates &live);
    void indexRows() const;
    /// The row of the machine @p uuid on node @p node (an index in Fleet::nodes()); -1 if unknown.
    [[nodiscard]] int rowOf(qsizetype node, const QString &uuid) const;
    /// What sorting compares, per row, packed apart from the rows: a re-sort
    /// of 10,000 rows every second then stays within the processor's cache.
    struct SortFigures {
        std::array<double, 4> live; ///< CPU %, memory %, disk and network rates
        int nameRank = 0; ///< place among all rows by name, then UUID
    };
    [[nodiscard]] static double figureOf(const Row &row, int role);
    [[nodiscard]] const SortFigures &sortFigures(int row) const;
    void rankNames() const;
    [[nodiscard]] static Row makeRow(qsizetype node, const Machine &machine);

    void applyChange(qsizetype node, const InventoryChange &change);
    void removeRows(const QList<int> &rows);
    [[nodiscard]] QVariant liveData(const Row &row, int role) const;
    void takeTick(qsizetype node);
    void publishLiveFigures();

    Fleet *m_fleet;
    QList<Row> m_rows; ///< grouped by node, in node order
    mutable QMultiHash<QString, int> m_rowsOfUuid; ///< rebuilt after rows move
    mutable bool m_indexStale = true;
    mutable QList<SortFigures> m_sortFigures;
    mutable bool m_liveFiguresStale = true; ///< rows moved or ticked
    mutable bool m_nameRanksStale = true; ///< rows added, removed or renamed
    /// Live figures reach the view together, at most every refreshInterval:
    /// each node ticks at its own moment, and every refresh may re-sort the list.
    QTimer m_liveRefresh;
    int m_firstLiveRow = -1;
    int m_lastLiveRow = -1;
};

} // namespace Flotilla
