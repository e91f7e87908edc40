// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demo/demofleet.h"
#include "fleet/fleet.h"
#include "fleet/historykeeper.h"
#include "libvirt/libvirthandles.h"

#include <QDateTime>
#include <QDir>
#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Flotilla;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Flotilla closed and opened again on the demo fleet: each node's and
// machine's charts begin with what the last run saw.
class HistoryKeeperTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;

    [[nodiscard]] QList<NodeEntry> demo()
    {
        QDir().mkpath(m_folder.filePath(u"demo"_s));
        const Result<QList<NodeEntry>> entries = DemoFleet::unpack(m_folder.filePath(u"demo"_s));
        return entries ? entries.value() : QList<NodeEntry>{};
    }

    static qsizetype known(const QList<HistoryPoint> &points)
    {
        return std::ranges::count_if(points, [](const HistoryPoint &point) { return !std::isnan(point.rates[0]); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        Libvirt::initialize();
        QVERIFY(m_folder.isValid());
    }

    void chartsBeginWithTheLastRun()
    {
        const QString path = m_folder.filePath(u"history.sqlite"_s);
        const QList<NodeEntry> entries = demo();
        QVERIFY(!entries.isEmpty());
        QHash<QString, QList<HistoryPoint>> seen; // each node's, as the first run ends
        QString machine;
        QList<HistoryPoint> machineSeen;
        {
            Fleet fleet;
            fleet.setTickInterval(200ms);
            const HistoryKeeper keeper(&fleet, path);
            QCOMPARE(keeper.problem(), QString());
            for (const NodeEntry &entry : entries) {
                fleet.addNode(entry);
            }
            // A few seconds of the demo's activity, by the tick.
            QTRY_VERIFY_WITH_TIMEOUT(
                std::ranges::all_of(
                    fleet.nodes(), [](const Fleet::Node &node) { return known(node.metrics->nodeWindow(600)) >= 4; }),
                20000);
            for (const Fleet::Node &node : fleet.nodes()) {
                seen.insert(node.entry.id, node.metrics->nodeWindow(600));
            }
            const Fleet::Node &first = fleet.nodes().first();
            for (const Machine &running : first.machines.machines()) {
                if (known(first.metrics->machineWindow(running.uuid, 600)) >= 1) {
                    machine = running.uuid;
                }
            }
            QVERIFY(!machine.isEmpty());
            machineSeen = first.metrics->machineWindow(machine, 600);
        } // the keeper writes as it goes

        Fleet fleet;
        const HistoryKeeper keeper(&fleet, path);
        QCOMPARE(keeper.problem(), QString());
        for (const NodeEntry &entry : entries) {
            fleet.addNode(entry);
            // At once, before the session's first tick: the last run's points.
            const QList<HistoryPoint> restored = fleet.nodes().last().metrics->nodeWindow(600);
            const QList<HistoryPoint> &before = seen.value(entry.id);
            QVERIFY2(known(restored) >= known(before) - 2, qPrintable(entry.id)); // all but the steps in progress
            for (const HistoryPoint &point : restored) {
                const auto same = std::ranges::find(before, point.timestamp, &HistoryPoint::timestamp);
                if (!std::isnan(point.rates[0])) {
                    QVERIFY(same != before.end());
                    QVERIFY(std::abs(point.rates[0] - same->rates[0]) <= std::abs(same->rates[0]) * 1e-3 + 1e-6);
                }
            }
        }
        QVERIFY(known(fleet.nodes().first().metrics->machineWindow(machine, 600)) >= known(machineSeen) - 1);
    }

    // The demo's first start fills the last day with its simulated activity
    // (Fleet::setSimulatedPast); that day is kept too, though it lies before
    // the keeper's first write, and the next start shows it and fills nothing.
    void theDemosFirstDayIsKept()
    {
        const QString path = m_folder.filePath(u"first-day.sqlite"_s);
        const NodeEntry entry = demo().first();
        qint64 firstTick = 0;
        {
            Fleet fleet;
            fleet.setSimulatedPast(24h);
            const HistoryKeeper keeper(&fleet, path);
            fleet.addNode(entry);
            QTRY_VERIFY_WITH_TIMEOUT(known(fleet.nodes().first().metrics->nodeWindow(24 * 3600)) >= 24 * 60 - 5, 20000);
            firstTick = QDateTime::currentSecsSinceEpoch();
        } // the keeper writes as it goes
        Fleet fleet;
        fleet.setSimulatedPast(24h);
        const HistoryKeeper keeper(&fleet, path);
        fleet.addNode(entry);
        const QList<HistoryPoint> day = fleet.nodes().first().metrics->nodeWindow(24 * 3600);
        QVERIFY2(known(day) >= 24 * 60 - 10, qPrintable(QString::number(known(day))));
        QVERIFY(day.first().timestamp <= firstTick - 24 * 3600 + 180);
        // Live again, after the day restored: nothing is filled in front of
        // it, and nothing of it is to be written again: a simulated day
        // would go back 6 hours (by 10 s) and 24 (by the minute or hour),
        // while what closes after the restore began at most an hour before.
        QTRY_VERIFY_WITH_TIMEOUT(known(fleet.nodes().first().metrics->nodeWindow(60)) >= 2, 20000);
        for (const MetricsStore::TierPoints &taken : fleet.nodes().first().metrics->takeUnkept()) {
            QVERIFY2(taken.points.first().timestamp >= firstTick - 2 * 3600,
                qPrintable(QString::number(firstTick - taken.points.first().timestamp)));
        }
    }

    // A workload's month is its replicas' 5-minute points together by the
    // hour (CPU their mean, memory their sum), kept on disk: the next start
    // shows it before any node is there.
    void aWorkloadsMonthOutlastsItsReplicas()
    {
        const QString path = m_folder.filePath(u"workloads.sqlite"_s);
        const QString shop = u"5e1f0a11"_s; // the demo's shop, replicas on three nodes
        constexpr qint64 month = 30 * 24 * 3600;
        QList<HistoryPoint> seen;
        {
            Fleet fleet;
            fleet.setSimulatedPast(24h);
            HistoryKeeper keeper(&fleet, path);
            for (const NodeEntry &entry : demo()) {
                fleet.addNode(entry);
            }
            QTRY_VERIFY_WITH_TIMEOUT(
                std::ranges::all_of(fleet.nodes(),
                    [](const Fleet::Node &node) { return known(node.metrics->nodeWindow(24 * 3600)) >= 24 * 60 - 5; }),
                30000);
            QSignalSpy written(&keeper, &HistoryKeeper::written);
            keeper.write();
            QVERIFY(written.wait(20000));
            seen = fleet.workloadHistories().window(shop, month);
            QVERIFY2(known(seen) >= 22, qPrintable(QString::number(known(seen))));
            // One hour worked out by hand from the replicas' own 5-minute points.
            const HistoryPoint &hour = seen.at(seen.size() / 2);
            QMap<qint64, std::pair<double, double>> moments; // memory summed, CPU summed
            QMap<qint64, int> replicas;
            for (const Fleet::Node &node : fleet.nodes()) {
                for (const Machine &machine : node.machines.machines()) {
                    if (machine.metadata.workloadId != shop) {
                        continue;
                    }
                    for (const HistoryPoint &point : node.metrics->machineWindow(machine.uuid, 24 * 3600)) {
                        const double cpu = at(point.rates, Channel::CpuPercent);
                        if (point.timestamp >= hour.timestamp && point.timestamp < hour.timestamp + 3600
                            && !std::isnan(cpu)) {
                            moments[point.timestamp].first += at(point.rates, Channel::MemoryUsedBytes);
                            moments[point.timestamp].second += cpu;
                            ++replicas[point.timestamp];
                        }
                    }
                }
            }
            QVERIFY2(moments.size() >= 10, qPrintable(QString::number(moments.size())));
            QVERIFY(std::ranges::any_of(replicas, [](int count) { return count >= 2; })); // a sum, not one replica
            double memory = 0;
            double cpu = 0;
            for (auto moment = moments.cbegin(); moment != moments.cend(); ++moment) {
                memory += moment->first / double(moments.size());
                cpu += moment->second / replicas.value(moment.key()) / double(moments.size());
            }
            QVERIFY(std::abs(at(hour.rates, Channel::MemoryUsedBytes) - memory) <= memory * 2e-3);
            QVERIFY(std::abs(at(hour.rates, Channel::CpuPercent) - cpu) <= cpu * 2e-3 + 1e-3);
        } // the keeper writes as it goes

        // Opened again, with no node at all: the month is there.
        Fleet fleet;
        const HistoryKeeper keeper(&fleet, path);
        const QList<HistoryPoint> kept = fleet.workloadHistories().window(shop, month);
        QVERIFY(known(kept) >= known(seen) - 1); // all but the hour in progress
        for (const HistoryPoint &point : seen.first(seen.size() - 1)) {
            const auto same = std::ranges::find(kept, point.timestamp, &HistoryPoint::timestamp);
            QVERIFY(same != kept.end());
            const double memory = at(point.rates, Channel::MemoryUsedBytes);
            QVERIFY(std::abs(at(same->rates, Channel::MemoryUsedBytes) - memory) <= memory * 2e-3);
        }
    }
};

QTEST_GUILESS_MAIN(HistoryKeeperTest)
#include "tst_historykeeper.moc"
