// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"
#include "demo/demofleet.h"
#include "metrics/historyfile.h"
#include "metrics/workloadhistories.h"

#include <QDateTime>
#include <QDir>
#include <QTest>

#include <cmath>

using namespace Flotilla;
using Flotilla::Testing::AppWindow;
using namespace Qt::StringLiterals;

/// Flotilla opened on the demo fleet with what an earlier run saw on disk:
/// the dashboard's charts begin with it at once, and the time between the
/// runs shows as a stretch with no figures, not a line drawn across; a
/// workload's page shows the workload's month.
class ChartsHistoryTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    static constexpr auto shop = "5e1f0a11"_L1; // the demo's shop workload
    QTemporaryDir m_folder;
    AppWindow m_app;

    QQuickItem *item(const char *name) const { return m_app.item(name); }

    /// An earlier run, as its history file holds it: each demo node's
    /// figures sampled each second, from five minutes ago to two, and ten days of
    /// the demo's shop workload by the hour.
    bool writeEarlierRun(const QString &path)
    {
        QDir().mkpath(m_folder.filePath(u"demo"_s));
        const Result<QList<NodeEntry>> nodes = DemoFleet::unpack(m_folder.filePath(u"demo"_s));
        Result<std::unique_ptr<HistoryFile>> file = HistoryFile::open(path);
        if (!nodes || !file) {
            return false;
        }
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QHash<QString, QList<MetricsStore::TierPoints>> earlier;
        for (const NodeEntry &node : nodes.value()) {
            MetricsStore store;
            for (qint64 second = now - 300; second <= now - 120; ++second) {
                Rates rates = unknownRates();
                at(rates, Channel::CpuPercent) = 35 + 10 * std::sin(double(second) / 40);
                at(rates, Channel::MemoryUsedBytes) = 30e9 + 2e9 * std::cos(double(second) / 60);
                store.record(second, rates, {});
            }
            earlier.insert(node.id, store.takeUnkept());
        }
        MetricsStore::TierPoints month{.machine = shop, .tier = 0, .points = {}};
        for (qint64 hour = now / 3600 - 242; hour < now / 3600 - 2; ++hour) {
            Rates rates = unknownRates();
            at(rates, Channel::CpuPercent) = 20 + 15 * std::sin(double(hour) / 6);
            at(rates, Channel::MemoryUsedBytes) = 6e9 + 1e9 * std::cos(double(hour) / 12);
            month.points.append(HistoryPoint{.timestamp = hour * 3600, .rates = rates});
        }
        earlier.insert(QString(WorkloadHistories::fileKey), {month});
        return file.value()->write(earlier, now - 120).ok();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        const QString path = m_folder.filePath(u"history.sqlite"_s);
        QVERIFY(writeEarlierRun(path));
        m_app.keepHistory(path);
        QVERIFY(m_app.openDemo());
    }

    void chartsBeginWithTheEarlierRun()
    {
        QTRY_VERIFY(item("cpuChart"));
        QQuickItem *chart = item("cpuChart");
        // Three minutes of the earlier run are there before the fleet has said much (by the tick, as nodes keep them).
        QTRY_VERIFY_WITH_TIMEOUT(
            chart->property("pointCount").toInt() >= (180 - 10) / nodeTiers[0].stepSeconds, timeoutMs);
        QObject *feeder = chart->property("feeder").value<QObject *>();
        QVERIFY(feeder);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
        // The time between the runs is a gap (a slow tick under load may make another, later).
        const double twoMinutesAgo = double(QDateTime::currentSecsSinceEpoch() - 120) * 1000;
        const auto betweenTheRuns = [&] {
            const QVariantList gaps = feeder->property("gaps").toList();
            return std::ranges::any_of(gaps, [&](const QVariant &gap) {
                return std::abs(gap.toMap().value(u"from"_s).toDouble() - twoMinutesAgo) < 60000
                    && gap.toMap().value(u"to"_s).toDouble() > twoMinutesAgo + 60000;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(betweenTheRuns(), timeoutMs);
        QQuickItem *covered = m_app.find(chart, "chartGap"_L1);
        QTRY_VERIFY(covered && covered->isVisible() && covered->width() > 20);
        QVERIFY(m_app.waitUntilStill(chart));
        QVERIFY(m_app.screenshot(u"dashboard-history"_s));
    }

    // The replicas' own histories hold a day at most; the workload's page
    // offers its month, as kept on disk by the hour.
    void aWorkloadsPageShowsItsMonth()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
        QVERIFY(QMetaObject::invokeMethod(m_app.window(), "openWorkload", Q_ARG(QString, QString(shop))));
        QTRY_VERIFY_WITH_TIMEOUT(item("workloadCharts") && item("workloadCharts")->isVisible(), timeoutMs);
        QQuickItem *charts = item("workloadCharts");
        QQuickItem *monthButton = m_app.find(charts, "window2592000"_L1);
        QVERIFY(monthButton && monthButton->isVisible());
        QVERIFY(m_app.waitUntilStill(charts));
        QVERIFY(m_app.click(monthButton));
        QQuickItem *chart = m_app.find(charts, "cpuChart"_L1);
        QVERIFY(chart);
        QTRY_VERIFY_WITH_TIMEOUT(chart->property("pointCount").toInt() >= 238, timeoutMs);
        QVERIFY(m_app.waitUntilStill(chart));
        QVERIFY(m_app.screenshot(u"workload-month"_s));
    }
};

QTEST_MAIN(ChartsHistoryTest)
#include "tst_chartshistory.moc"
