// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "metrics/metricsstore.h"

#include <QHash>
#include <QString>

#include <memory>

class QSqlDatabase;
class QSqlQuery;

namespace Flotilla
{

/// What Flotilla has seen, kept on disk between runs: every node's and
/// machine's history tiers, and each workload's month (under
/// WorkloadHistories::fileKey in place of a node), in one SQLite file,
/// through Qt SQL.
///
/// Its size is fixed per history, as in memory: a tier's point is kept in
/// the slot its step falls on (step modulo the tier's length), so a newer
/// point takes an older one's place, as in rrdtool's round-robin files.
/// Each point holds its eight channels in 16 bits each (HistoryCodec).
/// Histories not written for 30 days are dropped, and at most
/// maxHistories are kept (the least recently written go first): 5,000
/// machines' histories take about 150 MB, the cap.
///
/// Used from one thread at a time (Qt SQL's rule for a connection).
class HistoryFile
{
public:
    static constexpr int maxHistories = 5000;
    static constexpr qint64 keptSeconds = 30 * 24 * 3600;
    /// How often a history's time of last writing is set anew while it is
    /// written: that time counts against keptSeconds and orders the
    /// histories past maxHistories, and setting it at every write was a
    /// statement per history every 30 s (5,000 at 5,000 machines).
    static constexpr qint64 writtenEvery = 3600;

    /// Opens the file at @p path, or makes it. A file that is damaged or
    /// not Flotilla's is set aside beside it (PATH.broken-TIME) and a new
    /// one begun; setAside() then says so.
    [[nodiscard]] static Result<std::unique_ptr<HistoryFile>> open(const QString &path);
    ~HistoryFile();
    HistoryFile(const HistoryFile &) = delete;
    HistoryFile &operator=(const HistoryFile &) = delete;

    /// Why the file found was set aside, for the person; empty when it was not.
    [[nodiscard]] const QString &setAside() const { return m_setAside; }

    /// Writes the newest points of each node's histories (by node id), in
    /// one transaction, at @p now (seconds since the epoch); drops what is
    /// past keeping.
    [[nodiscard]] Result<bool> write(const QHash<QString, QList<MetricsStore::TierPoints>> &nodes, qint64 now);
    /// Everything kept of @p node's histories, each tier's points oldest first.
    [[nodiscard]] QList<MetricsStore::TierPoints> read(const QString &node) const;
    /// The nodes the file has histories of.
    [[nodiscard]] QStringList nodes() const;
    /// The file's size on disk, in bytes.
    [[nodiscard]] qint64 sizeBytes() const;

private:
    explicit HistoryFile(QString connection, QString path);
    [[nodiscard]] Result<bool> prepare();
    /// Brings a file of the format kept by the second up to today's.
    [[nodiscard]] static Result<bool> leaveFormatBySecond(QSqlDatabase &db);
    [[nodiscard]] Result<bool> dropStale(qint64 now);
    /// The id of @p node's history of @p machine (empty: the node's own),
    /// made if new; its time of writing set to @p now through @p upsert
    /// unless set within writtenEvery. -1 if it cannot be had.
    [[nodiscard]] qint64 seriesId(const QString &node, const QString &machine, qint64 now, QSqlQuery &upsert);

    struct KnownSeries {
        qint64 id = -1;
        qint64 written = 0;
    };

    QString m_connection;
    QString m_path;
    QString m_setAside;
    QHash<QString, KnownSeries> m_series; ///< by node, a line break and machine, as the file holds them
};

} // namespace Flotilla
