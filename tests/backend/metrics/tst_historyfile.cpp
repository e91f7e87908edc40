// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "metrics/historyfile.h"
#include "metrics/metrichistory.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{
constexpr qint64 start = 1'750'000'000;
const QString node = u"helsinki"_s;
const QString web = u"8d3c5a8e-0000-4000-8000-000000000001"_s;

Rates ratesOf(double value)
{
    Rates rates;
    rates.fill(value);
    return rates;
}

/// A node with one machine, sampled every 2 s for @p seconds from start, the value rising by one each sample.
void sample(MetricsStore &store, qint64 seconds)
{
    double value = 1;
    for (qint64 at = start; at < start + seconds; at += 2, value += 1) {
        store.record(at, ratesOf(value * 10), {MachineRates{.uuid = web, .rates = ratesOf(value)}});
    }
}

bool close(double a, double b)
{
    return std::abs(a - b) <= std::max(1e-9, std::abs(b) * 1e-3); // the codec's steps are 0.05 %
}
} // namespace

// The charts' history on disk: kept, put back after a restart with the time
// Flotilla was closed unknown, a damaged or foreign file set aside, and the
// file's size fixed however long it is written.
class HistoryFileTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;

    [[nodiscard]] QString path(const QString &name) const { return m_folder.filePath(name); }

    static std::unique_ptr<HistoryFile> open(const QString &at)
    {
        Result<std::unique_ptr<HistoryFile>> opened = HistoryFile::open(at);
        return opened ? std::move(opened).value() : nullptr;
    }

    static int rows(const QString &at, const QString &query)
    {
        int count = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
            db.setDatabaseName(at);
            QSqlQuery counted(db);
            if (db.open() && counted.exec(query) && counted.next()) {
                count = counted.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(u"count"_s);
        return count;
    }

    static bool run(const QString &at, const QString &statement)
    {
        bool ran = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"run"_s);
            db.setDatabaseName(at);
            ran = db.open() && QSqlQuery(db).exec(statement);
        }
        QSqlDatabase::removeDatabase(u"run"_s);
        return ran;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_folder.isValid()); }

    // What was written comes back into a new store: every closed point of
    // every tier, node and machine; then a sample an hour later leaves the
    // hour between unknown, a gap, not a line across it.
    void keepsWhatItSawAcrossARestart()
    {
        MetricsStore before;
        sample(before, 1200);
        {
            const std::unique_ptr<HistoryFile> file = open(path(u"restart.sqlite"_s));
            QVERIFY(file);
            QCOMPARE(file->setAside(), QString());
            QVERIFY(file->write({{node, before.takeUnkept()}}, start + 1200).ok());
        }
        const std::unique_ptr<HistoryFile> file = open(path(u"restart.sqlite"_s));
        QVERIFY(file);
        QCOMPARE(file->nodes(), QStringList{node});
        MetricsStore after;
        after.restore(file->read(node));
        QCOMPARE(after.machineCount(), 1);
        const QList<HistoryPoint> was = before.machineWindow(web, 600);
        const QList<HistoryPoint> is = after.machineWindow(web, 600);
        QVERIFY(is.size() >= was.size() - 2); // the step in progress was not closed, so not kept
        for (const HistoryPoint &point : is) {
            const auto same = std::ranges::find(was, point.timestamp, &HistoryPoint::timestamp);
            if (std::isnan(point.rates[0])) {
                continue; // the step in progress, empty
            }
            QVERIFY(same != was.end());
            QVERIFY2(close(point.rates[0], same->rates[0]),
                qPrintable(u"%1 != %2"_s.arg(point.rates[0]).arg(same->rates[0])));
        }
        // The 1-hour tier, by 30 s, came back too.
        QVERIFY(after.machineWindow(web, 3600).size() >= 38);
        QVERIFY(after.nodeWindow(600).size() >= 600 / nodeTiers[0].stepSeconds - 10);

        // An hour later, Flotilla open again: the hour between is unknown.
        after.record(start + 4800, ratesOf(70), {MachineRates{.uuid = web, .rates = ratesOf(7)}});
        after.record(start + 4830, ratesOf(70), {MachineRates{.uuid = web, .rates = ratesOf(7)}});
        const QList<HistoryPoint> hour = after.machineWindow(web, 3600 + 1200);
        const auto inGap = [](const HistoryPoint &point) {
            // By the 5-minute tier: the steps wholly between the last sample and the next.
            return point.timestamp > start + 1260 && point.timestamp + 300 <= start + 4800;
        };
        QVERIFY(std::ranges::count_if(hour, inGap) > 0);
        QVERIFY(std::ranges::all_of(
            hour, [&](const HistoryPoint &point) { return !inGap(point) || std::isnan(point.rates[0]); }));
    }

    void datesAHistoryOnceAnHour()
    {
        // A history's time of writing, which its keeping is counted from,
        // is set when it is first written and again an hour on, not at
        // every write.
        const QString at = path(u"dated.sqlite"_s);
        const std::unique_ptr<HistoryFile> file = open(at);
        QVERIFY(file);
        const QString written = u"SELECT written - %1 FROM series WHERE machine = '%2'"_s.arg(start).arg(web);
        const auto writeAt = [&file](qint64 now) {
            MetricsStore store;
            store.record(now - 4, ratesOf(1), {MachineRates{.uuid = web, .rates = ratesOf(1)}});
            store.record(now, ratesOf(1), {MachineRates{.uuid = web, .rates = ratesOf(1)}});
            return file->write({{node, store.takeUnkept()}}, now).ok();
        };
        QVERIFY(writeAt(start));
        QCOMPARE(rows(at, written), 0);
        QVERIFY(writeAt(start + 30));
        QVERIFY(writeAt(start + HistoryFile::writtenEvery - 30));
        QCOMPARE(rows(at, written), 0);
        QVERIFY(writeAt(start + HistoryFile::writtenEvery));
        QCOMPARE(rows(at, written), int(HistoryFile::writtenEvery));
        QCOMPARE(rows(at, u"SELECT count(*) FROM series"_s), 2); // the node's own and the machine's, once each
    }

    void bringsAFileKeptByTheSecondUpToDate()
    {
        // A file of the format that kept a node's finest tier by the second
        // (written here, then marked as that format): that tier's points go,
        // as they would be read at twice their time; the rest stay, and the
        // file is not set aside.
        const QString at = path(u"by-second.sqlite"_s);
        MetricsStore before;
        sample(before, 1200);
        {
            const std::unique_ptr<HistoryFile> file = open(at);
            QVERIFY(file);
            QVERIFY(file->write({{node, before.takeUnkept()}}, start + 1200).ok());
        }
        const QString nodeFinest = u"SELECT count(*) FROM points JOIN series ON series.id = points.series "
                                   "WHERE series.machine = '' AND points.tier = 0"_s;
        const QString rest = u"SELECT count(*) FROM points JOIN series ON series.id = points.series "
                             "WHERE series.machine != '' OR points.tier != 0"_s;
        QVERIFY(rows(at, nodeFinest) > 0);
        const int kept = rows(at, rest);
        QVERIFY(kept > 0);
        QVERIFY(run(at, u"UPDATE meta SET value = 'flotilla-history-1' WHERE key = 'format'"_s));

        const std::unique_ptr<HistoryFile> file = open(at);
        QVERIFY(file);
        QCOMPARE(file->setAside(), QString());
        QCOMPARE(rows(at, nodeFinest), 0);
        QCOMPARE(rows(at, rest), kept);
        QCOMPARE(rows(at, u"SELECT count(*) FROM meta WHERE key = 'format' AND value = 'flotilla-history-2'"_s), 1);
        MetricsStore after;
        after.restore(file->read(node));
        QCOMPARE(after.machineCount(), 1);
        QVERIFY(std::ranges::any_of(after.nodeWindow(3600), // by its 10 s tier
            [](const HistoryPoint &point) { return !std::isnan(point.rates[0]); }));
    }

    // A file that is not SQLite, or SQLite that is not Flotilla's, is set
    // aside beside it (never deleted), with a message, and a new one begun.
    void setsAsideWhatItCannotRead_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("this is not a database at all, only words in a file\n").repeated(200);
        QTest::newRow("truncated SQLite") << QByteArray("SQLite format 3\0", 16) + QByteArray(5000, '\x07');
    }

    void setsAsideWhatItCannotRead()
    {
        QFETCH(QByteArray, content);
        const QString at
            = path(u"broken-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        QFile broken(at);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(content);
        broken.close();
        const std::unique_ptr<HistoryFile> file = open(at);
        QVERIFY(file);
        QVERIFY2(file->setAside().startsWith(u"The charts' history could not be read"_s), qPrintable(file->setAside()));
        const QStringList aside = QDir(m_folder.path()).entryList({QFileInfo(at).fileName() + u".broken-*"_s});
        QCOMPARE(aside.size(), 1);
        QFile kept(m_folder.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), content);
        MetricsStore store;
        sample(store, 100);
        QVERIFY(file->write({{node, store.takeUnkept()}}, start + 100).ok());
        QCOMPARE(file->nodes(), QStringList{node});
    }

    void setsAsideAnotherProgramsDatabase()
    {
        const QString at = path(u"foreign.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
            db.setDatabaseName(at);
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"CREATE TABLE recipes(name TEXT)"_s);
        }
        QSqlDatabase::removeDatabase(u"foreign"_s);
        const std::unique_ptr<HistoryFile> file = open(at);
        QVERIFY(file);
        QVERIFY2(file->setAside().contains(u"not Flotilla's"_s), qPrintable(file->setAside()));
        QCOMPARE(QDir(m_folder.path()).entryList({u"foreign.sqlite.broken-*"_s}).size(), 1);
    }

    // Written for three times a ring's length, a tier holds a ring's worth:
    // the file does not grow with time.
    void holdsARingsWorthPerTier()
    {
        const QString at = path(u"ring.sqlite"_s);
        const std::unique_ptr<HistoryFile> file = open(at);
        QVERIFY(file);
        MetricsStore store;
        for (qint64 at2 = start; at2 < start + 3 * 600; at2 += 2) {
            store.record(at2, ratesOf(1), {MachineRates{.uuid = web, .rates = ratesOf(1)}});
            if ((at2 - start) % 30 == 0) {
                QVERIFY(file->write({{node, store.takeUnkept()}}, at2).ok());
            }
        }
        QCOMPARE(rows(at,
                     u"SELECT count(*) FROM points JOIN series ON series.id = points.series "
                     "WHERE series.machine != '' AND tier = 0"_s),
            machineTiers[0].capacity);
        QCOMPARE(rows(at,
                     u"SELECT count(*) FROM points JOIN series ON series.id = points.series "
                     "WHERE series.machine = '' AND tier = 0"_s),
            nodeTiers[0].capacity);
    }

    // Histories not written for 30 days are dropped, and past the cap the
    // least recently written go first.
    void dropsWhatIsPastKeeping()
    {
        const QString at = path(u"cap.sqlite"_s);
        const std::unique_ptr<HistoryFile> file = open(at);
        QVERIFY(file);
        const QList<MetricsStore::TierPoints> one{{.machine = web, .tier = 2, .points = {{start, ratesOf(1)}}}};
        QVERIFY(file->write({{u"old"_s, one}}, start).ok());
        QHash<QString, QList<MetricsStore::TierPoints>> many;
        for (int i = 0; i <= HistoryFile::maxHistories; ++i) {
            many.insert(u"node-%1"_s.arg(i), one);
        }
        QVERIFY(file->write(many, start + HistoryFile::keptSeconds + 1).ok());
        QVERIFY(!file->nodes().contains(u"old"_s));
        QCOMPARE(rows(at, u"SELECT count(*) FROM series"_s), HistoryFile::maxHistories);
    }
};

QTEST_GUILESS_MAIN(HistoryFileTest)
#include "tst_historyfile.moc"
