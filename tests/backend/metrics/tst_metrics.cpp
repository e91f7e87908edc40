// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "metrics/metrichistory.h"
#include "metrics/ratecalculator.h"
#include "metrics/workloadhistories.h"
#include "session/statsreader.h"

#include <QTest>

#include <libvirt/libvirt.h>

using namespace Flotilla;

class MetricsTest : public QObject
{
    Q_OBJECT

    static MachineCounters counters(quint64 cpuNs, quint64 read, quint64 rx)
    {
        return MachineCounters{.uuid = QStringLiteral("m"),
            .vcpus = 2,
            .cpuTimeNs = cpuNs,
            .memoryAvailableKiB = 4 << 20,
            .memoryUnusedKiB = 1 << 20,
            .diskReadBytes = read,
            .diskWriteBytes = 0,
            .diskReadRequests = read / 4096,
            .diskWriteRequests = 0,
            .netRxBytes = rx,
            .netTxBytes = rx / 2};
    }

private Q_SLOTS:
    void ratesFromCounters()
    {
        // One of two vCPUs busy for 2 s; 8 MiB read; 1 MiB received.
        const MachineRates rates
            = RateCalculator::machine(counters(10e9, 0, 0), counters(12e9, 8 << 20, 1 << 20), 2.0, 8);
        QCOMPARE(at(rates.rates, Channel::CpuPercent), 50.0);
        QCOMPARE(rates.cpuHostPercent, 12.5);
        QCOMPARE(at(rates.rates, Channel::MemoryUsedBytes), double(3ull << 30));
        QCOMPARE(at(rates.rates, Channel::DiskReadBytesPerSecond), double(4 << 20));
        QCOMPARE(at(rates.rates, Channel::DiskReadsPerSecond), 1024.0);
        QCOMPARE(at(rates.rates, Channel::NetReceiveBytesPerSecond), double(512 << 10));
        QCOMPARE(at(rates.rates, Channel::NetSendBytesPerSecond), double(256 << 10));
    }

    void countersThatResetOrVanishGiveNoRate()
    {
        MachineCounters before = counters(50e9, 100, 100);
        MachineCounters after = counters(1e9, 200, 100); // the machine restarted
        after.netRxBytes.reset(); // and its interface is gone
        const MachineRates rates = RateCalculator::machine(before, after, 1.0, 4);
        QVERIFY(std::isnan(at(rates.rates, Channel::CpuPercent)));
        QVERIFY(std::isnan(rates.cpuHostPercent));
        QVERIFY(std::isnan(at(rates.rates, Channel::NetReceiveBytesPerSecond)));
        QCOMPARE(at(rates.rates, Channel::DiskReadBytesPerSecond), 100.0);
        QVERIFY(std::isnan(at(RateCalculator::machine(before, before, 0.0, 4).rates, Channel::DiskReadBytesPerSecond)));
    }

    void memoryFallsBackToWhatTheHostGives()
    {
        MachineCounters noBalloon{.uuid = QStringLiteral("m"), .memoryRssKiB = 2048};
        QCOMPARE(RateCalculator::memoryUsedBytes(noBalloon), 2048.0 * 1024);
        QVERIFY(std::isnan(RateCalculator::memoryUsedBytes(MachineCounters{})));
    }

    void nodeRates()
    {
        const NodeCounters before{
            .cpuBusyNs = 100, .cpuTotalNs = 1000, .memoryTotalKiB = 1000, .memoryAvailableKiB = 600};
        const NodeCounters after{
            .cpuBusyNs = 400, .cpuTotalNs = 2000, .memoryTotalKiB = 1000, .memoryAvailableKiB = 250};
        const Rates rates = RateCalculator::node(before, after);
        QCOMPARE(at(rates, Channel::CpuPercent), 30.0);
        QCOMPARE(at(rates, Channel::MemoryUsedBytes), 750.0 * 1024);
        QVERIFY(std::isnan(at(RateCalculator::node({}, after), Channel::CpuPercent)));
    }

    void readsBulkStatistics()
    {
        virTypedParameterPtr params = nullptr;
        int count = 0;
        int max = 0;
        virTypedParamsAddULLong(&params, &count, &max, "cpu.time", 123456789);
        virTypedParamsAddUInt(&params, &count, &max, "vcpu.current", 3);
        virTypedParamsAddULLong(&params, &count, &max, "balloon.rss", 4096);
        virTypedParamsAddUInt(&params, &count, &max, "block.count", 2);
        virTypedParamsAddULLong(&params, &count, &max, "block.0.rd.bytes", 1000);
        virTypedParamsAddULLong(&params, &count, &max, "block.1.rd.bytes", 500);
        virTypedParamsAddULLong(&params, &count, &max, "block.1.wr.reqs", 7);
        virTypedParamsAddUInt(&params, &count, &max, "net.count", 1);
        virTypedParamsAddULLong(&params, &count, &max, "net.0.tx.bytes", 99);
        virTypedParamsAddString(&params, &count, &max, "block.0.path", "/var/lib/libvirt/images/a.qcow2");
        virTypedParamsAddULLong(&params, &count, &max, "block.0.rd.bytesx", 5); // not a field we know
        virTypedParamsAddULLong(&params, &count, &max, "block.x.rd.bytes", 5); // no item number
        virTypedParamsAddULLong(&params, &count, &max, "blocks.0.rd.bytes", 5);
        const MachineCounters c = StatsReader::fromTypedParameters(QStringLiteral("u"), params, count);
        virTypedParamsFree(params, count);
        QCOMPARE(c.vcpus, 3);
        QCOMPARE(c.cpuTimeNs.value(), 123456789ull);
        QCOMPARE(c.memoryRssKiB.value(), 4096ull);
        QVERIFY(!c.memoryAvailableKiB);
        QCOMPARE(c.diskReadBytes.value(), 1500ull);
        QCOMPARE(c.diskWriteRequests.value(), 7ull);
        QVERIFY(!c.diskWriteBytes);
        QCOMPARE(c.netTxBytes.value(), 99ull);
        QVERIFY(!c.netRxBytes);
    }

    void codecKeepsValuesClose_data()
    {
        QTest::addColumn<double>("value");
        for (const double value :
            {0.0, 0.01, 0.5, 1.0, 42.0, 99.9, 100.0, 4096.0, 1.5e6, 3.2e9, 256.0 * (1ull << 30), 1e13}) {
            QTest::addRow("%g", value) << value;
        }
    }

    void codecKeepsValuesClose()
    {
        QFETCH(double, value);
        const double back = HistoryCodec::decode(HistoryCodec::encode(value));
        QVERIFY2(std::abs(back - value) <= std::max(0.001, value * 0.0005),
            qPrintable(QStringLiteral("%1 came back as %2").arg(value).arg(back)));
    }

    void codecKnowsUnknown()
    {
        QVERIFY(std::isnan(HistoryCodec::decode(HistoryCodec::encode(NAN))));
        QCOMPARE(HistoryCodec::decode(HistoryCodec::encode(-5.0)), 0.0);
    }

    void historyAveragesIntoTiers()
    {
        constexpr TierSpec tiers[] = {{1, 5}, {10, 3}};
        NodeHistory history(tiers);
        Rates rates = unknownRates();
        for (qint64 t = 1000; t < 1025; ++t) {
            at(rates, Channel::CpuPercent) = double(t - 1000);
            history.append(t, rates);
        }
        // Tier 0: the last five seconds, the current one last.
        const QList<NodeHistory::Point> fine = history.points(0);
        QCOMPARE(fine.size(), 6);
        QCOMPARE(fine.last().timestamp, 1024);
        QCOMPARE(at(fine.last().rates, Channel::CpuPercent), 24.0);
        QCOMPARE(at(fine.first().rates, Channel::CpuPercent), 19.0);
        // Tier 1: 1000-1009 and 1010-1019 closed (means 4.5 and 14.5), 1020-1024 in progress.
        const QList<NodeHistory::Point> coarse = history.points(1);
        QCOMPARE(coarse.size(), 3);
        QCOMPARE(at(coarse.at(0).rates, Channel::CpuPercent), 4.5);
        QCOMPARE(at(coarse.at(1).rates, Channel::CpuPercent), 14.5);
        QCOMPARE(at(coarse.at(2).rates, Channel::CpuPercent), 22.0);
        QVERIFY(std::isnan(at(coarse.at(0).rates, Channel::DiskReadBytesPerSecond)));
    }

    void historyMarksGapsAndPicksTheTierForAWindow()
    {
        constexpr TierSpec tiers[] = {{1, 10}, {5, 10}};
        NodeHistory history(tiers);
        Rates rates = unknownRates();
        at(rates, Channel::CpuPercent) = 7.0;
        history.append(100, rates);
        history.append(104, rates); // three seconds without a sample
        const QList<NodeHistory::Point> points = history.points(0);
        QCOMPARE(points.size(), 5);
        QVERIFY(std::isnan(at(points.at(2).rates, Channel::CpuPercent)));
        QCOMPARE(at(points.last().rates, Channel::CpuPercent), 7.0);
        QCOMPARE(history.window(3).size(), 3); // from tier 0
        QCOMPARE(history.window(30).first().timestamp % 5, 0); // tier 1 steps
        history.append(50, rates); // a clock that went back is ignored
        QCOMPARE(history.points(0).last().timestamp, 104);
    }

    // What is kept on disk is taken once per point, however late its step
    // closes: a step that began before one take and closed after it comes
    // with the next take, and a restored point never comes at all.
    void historyGivesEachPointToKeepOnce()
    {
        constexpr TierSpec tiers[] = {{1, 10}, {10, 10}};
        NodeHistory history(tiers);
        Rates rates = unknownRates();
        at(rates, Channel::CpuPercent) = 3.0;
        const auto timestamps = [](const QList<NodeHistory::Point> &points) {
            QList<qint64> all;
            for (const NodeHistory::Point &point : points) {
                all.append(point.timestamp);
            }
            return all;
        };
        for (qint64 t = 100; t <= 115; ++t) {
            history.append(t, rates);
        }
        QCOMPARE(timestamps(history.takeUnkept(0)), QList<qint64>({105, 106, 107, 108, 109, 110, 111, 112, 113, 114}));
        QCOMPARE(timestamps(history.takeUnkept(1)), QList<qint64>({100})); // 110-119 is open
        QVERIFY(history.takeUnkept(0).isEmpty());
        QVERIFY(history.takeUnkept(1).isEmpty());
        history.append(121, rates);
        QCOMPARE(timestamps(history.takeUnkept(0)), QList<qint64>({115, 116, 117, 118, 119, 120}));
        QCOMPARE(timestamps(history.takeUnkept(1)), QList<qint64>({110})); // closed after the last take

        NodeHistory restored(tiers);
        restored.restore(0, {NodeHistory::Point{.timestamp = 200, .rates = rates}});
        restored.restore(1, {NodeHistory::Point{.timestamp = 190, .rates = rates}});
        QVERIFY(restored.takeUnkept(0).isEmpty());
        restored.append(202, rates);
        QCOMPARE(timestamps(restored.takeUnkept(0)), QList<qint64>({201})); // the gap the restore left, unknown
        QVERIFY(restored.takeUnkept(1).isEmpty()); // 200-209 is still open
    }

    // A workload's month takes each 5-minute moment once, whatever the
    // keeper offers again, and comes back from disk for the hours after it.
    void workloadHoursTakeEachMomentOnce()
    {
        const QString shop = QStringLiteral("shop");
        WorkloadHistories months;
        QCOMPARE(months.upTo(shop), 0);
        const qint64 hour = 3600 * 500000;
        Rates rates = unknownRates();
        for (qint64 t = hour; t <= hour + 3600; t += 300) { // twelve moments of one hour, one of the next
            at(rates, Channel::MemoryUsedBytes) = double((t - hour) / 300); // 0 to 11: a mean of 5.5
            months.record(shop, t, rates);
        }
        QCOMPARE(months.upTo(shop), hour + 3601);
        at(rates, Channel::MemoryUsedBytes) = 1000;
        months.record(shop, hour + 600, rates); // offered again: already counted
        months.record(shop, hour + 3600, rates);
        const QList<HistoryPoint> window = months.window(shop, 30 * 24 * 3600);
        QCOMPARE(window.size(), 2); // the closed hour, and the one in progress
        QCOMPARE(window.first().timestamp, hour);
        QCOMPARE(at(window.first().rates, Channel::MemoryUsedBytes), 5.5);
        QVERIFY(months.window(QStringLiteral("other"), 3600).isEmpty());

        const QList<MetricsStore::TierPoints> closed = months.closedSince(hour + 3600);
        QCOMPARE(closed.size(), 1);
        QCOMPARE(closed.first().machine, shop);
        QCOMPARE(closed.first().points.size(), 1);
        QVERIFY(months.closedSince(hour + 4 * 3600).isEmpty()); // hours closed late are offered for two hours only

        WorkloadHistories restored;
        restored.restore(closed);
        QCOMPARE(restored.upTo(shop), hour + 3600); // the next hour comes again from the replicas
        QCOMPARE(at(restored.window(shop, 30 * 24 * 3600).first().rates, Channel::MemoryUsedBytes), 5.5);
        restored.record(shop, hour + 3600, rates);
        restored.restore(closed); // a workload already recorded is left alone
        QCOMPARE(restored.upTo(shop), hour + 3601);
        QCOMPARE(restored.count(), 1);
    }

    void memoryIsFixed()
    {
        MachineHistory history(machineTiers);
        const size_t before = history.memoryBytes();
        Rates rates = unknownRates();
        at(rates, Channel::CpuPercent) = 1.0;
        for (qint64 t = 0; t < 100000; t += 7) {
            history.append(t, rates);
        }
        QCOMPARE(history.memoryBytes(), before);
        QVERIFY2(before < 12 * 1024, qPrintable(QString::number(before)));
        // Each chart window (10 min, 1 h, 24 h) is covered whole.
        QCOMPARE(history.window(600).size(), 300);
        QCOMPARE(history.window(3600).size(), 120);
        QVERIFY(history.window(86400).size() >= 287);
    }
};

QTEST_GUILESS_MAIN(MetricsTest)
#include "tst_metrics.moc"
