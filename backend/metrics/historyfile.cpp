// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "metrics/historyfile.h"

#include "core/logging.h"
#include "metrics/metrichistory.h"
#include "metrics/workloadhistories.h"

#include <KLocalizedString>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtEndian>

namespace Flotilla
{

namespace
{
constexpr auto format = "flotilla-history-2";
/// The format before a node's finest tier went from a point a second to a
/// point a tick (tickSeconds): read as they are, that tier's points would
/// land at twice their time. Everything else in it is as format 2 keeps it.
constexpr auto formatBySecond = "flotilla-history-1";

/// The tiers of a node's history (machine empty), a machine's, or a workload's month (kept under fileKey).
std::span<const TierSpec> tiersOf(const QString &node, const QString &machine)
{
    if (node == WorkloadHistories::fileKey) {
        return workloadTiers;
    }
    return machine.isEmpty() ? std::span<const TierSpec>(nodeTiers) : std::span<const TierSpec>(machineTiers);
}

QByteArray pack(const Rates &rates)
{
    QByteArray bytes(channelCount * 2, Qt::Uninitialized);
    for (int c = 0; c < channelCount; ++c) {
        qToLittleEndian(HistoryCodec::encode(rates[size_t(c)]), bytes.data() + c * 2);
    }
    return bytes;
}

Rates unpack(const QByteArray &bytes)
{
    Rates rates = unknownRates();
    for (int c = 0; c < channelCount && (c + 1) * 2 <= bytes.size(); ++c) {
        rates[size_t(c)] = HistoryCodec::decode(qFromLittleEndian<quint16>(bytes.constData() + c * 2));
    }
    return rates;
}

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error{.message = what, .details = error.text()};
}

bool exec(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    return query.exec(statement);
}
} // namespace

HistoryFile::HistoryFile(QString connection, QString path)
    : m_connection(std::move(connection))
    , m_path(std::move(path))
{
}

HistoryFile::~HistoryFile()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<HistoryFile>> HistoryFile::open(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto file = std::unique_ptr<HistoryFile>(new HistoryFile(
        QStringLiteral("flotilla-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces), path));
    Result<bool> ready = file->prepare();
    if (!ready) {
        // Damaged, or not ours: set aside, never deleted, and begun afresh.
        QSqlDatabase::database(file->m_connection, false).close();
        const QString aside = path + QStringLiteral(".broken-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (!QFile::rename(path, aside)) {
            return Error{.message = i18nc("@info %1 a file", "The history file %1 cannot be read or set aside", path),
                .details = ready.error().text()};
        }
        const Error why = ready.error();
        qCWarning(FLOTILLA_FLEET) << "history file" << path << "set aside as" << aside << ":" << why.text();
        if (ready = file->prepare(); !ready) {
            return ready.error();
        }
        file->m_setAside = i18nc("@info %1 a file, %2 why",
            "The charts' history could not be read (%2); the file was set aside as %1, and a new one begun.", aside,
            why.message);
    }
    return file;
}

Result<bool> HistoryFile::prepare()
{
    QSqlDatabase db = QSqlDatabase::contains(m_connection)
        ? QSqlDatabase::database(m_connection, false)
        : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!db.isValid()) {
        return Error{.message = i18nc("@info", "Qt's SQLite driver is missing: the charts' history is not kept")};
    }
    db.setDatabaseName(m_path);
    if (!db.open()) {
        return sqlError(i18nc("@info", "The history file cannot be opened"), db.lastError());
    }
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next()
        || check.value(0).toString() != QLatin1StringView("ok")) {
        return Error{.message = i18nc("@info", "The history file is damaged"), .details = check.lastError().text()};
    }
    QSqlQuery tables(db);
    if (!tables.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !tables.next()) {
        return sqlError(i18nc("@info", "The history file is not an SQLite file"), tables.lastError());
    }
    if (tables.value(0).toInt() == 0) {
        const bool made = exec(db, QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)"))
            && exec(db,
                QStringLiteral("CREATE TABLE series(id INTEGER PRIMARY KEY, node TEXT NOT NULL, machine TEXT NOT NULL, "
                               "written INTEGER NOT NULL, UNIQUE(node, machine))"))
            && exec(db,
                QStringLiteral("CREATE TABLE points(series INTEGER NOT NULL, tier INTEGER NOT NULL, slot INTEGER NOT "
                               "NULL, step INTEGER NOT NULL, rates BLOB NOT NULL, PRIMARY KEY(series, tier, slot)) "
                               "WITHOUT ROWID"))
            && exec(db, QStringLiteral("INSERT INTO meta VALUES('format', '%1')").arg(QLatin1StringView(format)));
        if (!made) {
            return sqlError(i18nc("@info", "The history file cannot be made"), db.lastError());
        }
    }
    QSqlQuery kind(db);
    if (!kind.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'format'")) || !kind.next()) {
        return Error{.message = i18nc("@info", "The history file is not Flotilla's, or of another version")};
    }
    if (const QString found = kind.value(0).toString(); found == QLatin1StringView(formatBySecond)) {
        kind.finish();
        if (Result<bool> moved = leaveFormatBySecond(db); !moved) {
            return moved;
        }
    } else if (found != QLatin1StringView(format)) {
        return Error{.message = i18nc("@info", "The history file is not Flotilla's, or of another version")};
    }
    // The journal in a file beside it: a crash loses at most the last batch, never the file.
    exec(db, QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(db, QStringLiteral("PRAGMA synchronous=NORMAL"));
    return true;
}

Result<bool> HistoryFile::leaveFormatBySecond(QSqlDatabase &db)
{
    // A node's last ten minutes by the second go; its hours, days and month,
    // and every machine's and workload's points, stay as they are.
    const bool moved = db.transaction()
        && exec(db,
            QStringLiteral("DELETE FROM points WHERE tier = 0 AND series IN "
                           "(SELECT id FROM series WHERE machine = '' AND node != '%1')")
                .arg(WorkloadHistories::fileKey))
        && exec(db, QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'format'").arg(QLatin1StringView(format)))
        && db.commit();
    if (!moved) {
        const QSqlError error = db.lastError();
        db.rollback();
        return sqlError(i18nc("@info", "The history file cannot be brought up to date"), error);
    }
    return true;
}

qint64 HistoryFile::seriesId(const QString &node, const QString &machine, qint64 now, QSqlQuery &upsert)
{
    KnownSeries &known = m_series[node + QLatin1Char('\n') + machine];
    if (known.id >= 0 && now - known.written < writtenEvery) {
        return known.id;
    }
    upsert.bindValue(0, node);
    upsert.bindValue(1, machine.isEmpty() ? QStringLiteral("") : machine); // the node's own: empty, not NULL
    upsert.bindValue(2, now);
    if (!upsert.exec() || !upsert.next()) {
        return -1;
    }
    known = {.id = upsert.value(0).toLongLong(), .written = now};
    upsert.finish();
    return known.id;
}

Result<bool> HistoryFile::write(const QHash<QString, QList<MetricsStore::TierPoints>> &nodes, qint64 now)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        return sqlError(i18nc("@info", "The history cannot be written"), db.lastError());
    }
    QSqlQuery put(db);
    put.prepare(QStringLiteral("INSERT OR REPLACE INTO points(series, tier, slot, step, rates) VALUES(?, ?, ?, ?, ?)"));
    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral("INSERT INTO series(node, machine, written) VALUES(?, ?, ?) "
                                  "ON CONFLICT(node, machine) DO UPDATE SET written = excluded.written RETURNING id"));
    // What this write made or dated is known from here on only if it is
    // committed: on any failure, the ids are asked for again next time.
    auto forgetSeries = qScopeGuard([this] { m_series.clear(); });
    for (auto node = nodes.cbegin(); node != nodes.cend(); ++node) {
        QHash<QString, qint64> ids; // one series update per history per batch
        for (const MetricsStore::TierPoints &points : node.value()) {
            const std::span<const TierSpec> tiers = tiersOf(node.key(), points.machine);
            if (points.tier >= qsizetype(tiers.size())) {
                continue;
            }
            auto id = ids.find(points.machine);
            if (id == ids.end()) {
                id = ids.insert(points.machine, seriesId(node.key(), points.machine, now, upsert));
            }
            if (*id < 0) {
                db.rollback();
                return Error{.message = i18nc("@info", "The history cannot be written")};
            }
            const TierSpec &spec = tiers[size_t(points.tier)];
            for (const HistoryPoint &point : points.points) {
                const qint64 step = point.timestamp / spec.stepSeconds;
                put.bindValue(0, *id);
                put.bindValue(1, points.tier);
                put.bindValue(2, step % spec.capacity);
                put.bindValue(3, step);
                put.bindValue(4, pack(point.rates));
                if (!put.exec()) {
                    db.rollback();
                    return sqlError(i18nc("@info", "The history cannot be written"), put.lastError());
                }
            }
        }
    }
    if (Result<bool> dropped = dropStale(now); !dropped) {
        db.rollback();
        return dropped;
    }
    if (!db.commit()) {
        return sqlError(i18nc("@info", "The history cannot be written"), db.lastError());
    }
    forgetSeries.dismiss();
    return true;
}

Result<bool> HistoryFile::dropStale(qint64 now)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery stale(db);
    stale.prepare(QStringLiteral("SELECT id FROM series WHERE written < ? OR id NOT IN "
                                 "(SELECT id FROM series ORDER BY written DESC LIMIT ?)"));
    stale.addBindValue(now - keptSeconds);
    stale.addBindValue(maxHistories);
    if (!stale.exec()) {
        return sqlError(i18nc("@info", "The history cannot be written"), stale.lastError());
    }
    QList<qint64> ids;
    while (stale.next()) {
        ids.append(stale.value(0).toLongLong());
    }
    for (const qint64 id : std::as_const(ids)) {
        QSqlQuery drop(db);
        drop.prepare(QStringLiteral("DELETE FROM points WHERE series = ?"));
        drop.addBindValue(id);
        QSqlQuery forget(db);
        forget.prepare(QStringLiteral("DELETE FROM series WHERE id = ?"));
        forget.addBindValue(id);
        if (!drop.exec() || !forget.exec()) {
            return sqlError(i18nc("@info", "The history cannot be written"), drop.lastError());
        }
    }
    if (!ids.isEmpty()) {
        m_series.removeIf([&ids](const auto &known) { return ids.contains(known.value().id); });
    }
    return true;
}

QList<MetricsStore::TierPoints> HistoryFile::read(const QString &node) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT series.machine, points.tier, points.step, points.rates FROM points "
                                 "JOIN series ON series.id = points.series WHERE series.node = ? "
                                 "ORDER BY points.series, points.tier, points.step"));
    query.addBindValue(node);
    QList<MetricsStore::TierPoints> all;
    if (!query.exec()) {
        qCWarning(FLOTILLA_FLEET) << "history of" << node << "not read:" << query.lastError().text();
        return all;
    }
    while (query.next()) {
        const QString machine = query.value(0).toString();
        const int tier = query.value(1).toInt();
        const std::span<const TierSpec> tiers = tiersOf(node, machine);
        if (tier < 0 || tier >= qsizetype(tiers.size())) {
            continue;
        }
        if (all.isEmpty() || all.last().machine != machine || all.last().tier != tier) {
            all.append(MetricsStore::TierPoints{.machine = machine, .tier = tier, .points = {}});
        }
        all.last().points.append(
            HistoryPoint{.timestamp = query.value(2).toLongLong() * tiers[size_t(tier)].stepSeconds,
                .rates = unpack(query.value(3).toByteArray())});
    }
    return all;
}

QStringList HistoryFile::nodes() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    QStringList nodes;
    if (query.exec(QStringLiteral("SELECT DISTINCT node FROM series ORDER BY node"))) {
        while (query.next()) {
            nodes.append(query.value(0).toString());
        }
    }
    return nodes;
}

qint64 HistoryFile::sizeBytes() const
{
    const auto size = [](const QString &path) { return QFileInfo::exists(path) ? QFileInfo(path).size() : 0; };
    return size(m_path) + size(m_path + QStringLiteral("-wal")) + size(m_path + QStringLiteral("-shm"));
}

} // namespace Flotilla
