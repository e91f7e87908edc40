// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"
#include "fleet/fleetsummary.h"
#include "fleet/fleetview.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Flotilla;
using Flotilla::Testing::AppWindow;

/// The dashboard on the demo fleet, under Xvfb: live totals and charts, a
/// change of window, and a disconnected node in the recent events.
class DashboardTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    AppWindow m_app;

    QQuickItem *item(const char *name) const { return m_app.item(name); }

    /// The points the fleet chart @p name shows, all lines together.
    int points(const char *name) const
    {
        QQuickItem *chart = item(name);
        return chart ? chart->property("pointCount").toInt() : -1;
    }

    /// The lines the chart @p name draws.
    qsizetype lines(const char *name) const
    {
        QQuickItem *chart = item(name);
        QObject *feeder = chart ? chart->property("feeder").value<QObject *>() : nullptr;
        return feeder ? feeder->property("seriesNames").toStringList().size() : -1;
    }

    QString figure(const char *card) const
    {
        QQuickItem *total = item(card);
        return total ? total->property("figure").toString() : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_app.open()); }

    void opensOnTheDashboard()
    {
        QTRY_VERIFY_WITH_TIMEOUT(item("dashboardPage"), timeoutMs);
        QVERIFY(item("mapCard"));
        QVERIFY(item("eventList"));
        // The events model, checked while the fleet lives and changes.
        auto *events = item("eventList")->property("model").value<QAbstractItemModel *>();
        QVERIFY(events);
        new QAbstractItemModelTester(events, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    }

    void showsLiveTotals()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(figure("machinesTotal").endsWith(QStringLiteral(" of 60 running")), true, timeoutMs);
        QTRY_COMPARE(figure("nodesTotal"), QStringLiteral("5 of 5 up"));
        int running = 0;
        for (const Fleet::Node &node : m_app.fleet().nodes()) {
            running += node.machines.runningCount();
        }
        QCOMPARE(figure("machinesTotal"), QStringLiteral("%1 of 60 running").arg(running));
        QVERIFY(item("vcpusTotal")->property("capacity").toDouble() > 0);
        QVERIFY(item("memoryTotal")->property("used").toDouble() > 0);
        QVERIFY(item("storageTotal")->property("capacity").toDouble() > 0);
    }

    void saysHowFarTheFleetIsOvercommitted()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
        // The demo's nodes have fewer CPUs than its running machines have vCPUs.
        const auto expected = [this] {
            int vcpus = 0, cpus = 0;
            for (const Fleet::Node &node : m_app.fleet().nodes()) {
                cpus += node.facts.cpus;
                for (const Machine &machine : node.machines.machines()) {
                    vcpus += machine.isActive() ? machine.vcpus : 0;
                }
            }
            return QStringLiteral("%1 of %2 · %3 %").arg(vcpus).arg(cpus).arg(FleetSummary::percentOf(vcpus, cpus));
        };
        QTRY_COMPARE_WITH_TIMEOUT(figure("vcpusTotal"), expected(), timeoutMs);
        const QQuickItem *vcpus = item("vcpusTotal");
        const int percent
            = figure("vcpusTotal").section(QStringLiteral(" · "), 1).section(QLatin1Char(' '), 0, 0).toInt();
        QVERIFY2(percent > 100 && percent <= FleetSummary::vcpuFarPercent, qPrintable(figure("vcpusTotal")));
        QCOMPARE(vcpus->property("allocation").toInt(), int(FleetSummary::Allocation::Overcommitted));
        QVERIFY(vcpus->property("detail").toString().startsWith(QStringLiteral("overcommitted")));
        // The bar takes the warning colour; storage, which cannot overcommit, keeps the usual one.
        const auto colour = [](QQuickItem *card) {
            const QQuickItem *taken = AppWindow::find(card, QLatin1StringView("barTaken"));
            return taken ? taken->property("color").value<QColor>() : QColor();
        };
        QVERIFY(colour(item("vcpusTotal")).isValid());
        QVERIFY(colour(item("vcpusTotal")) != colour(item("storageTotal")));
    }

    void chartsFill()
    {
        for (const char *chart : {"cpuChart", "memoryChart", "diskChart", "networkChart"}) {
            QTRY_VERIFY2_WITH_TIMEOUT(points(chart) > 2, chart, timeoutMs);
        }
        QVERIFY(m_app.screenshot(QStringLiteral("dashboard")));
    }

    void switchesTheWindow()
    {
        QVERIFY(m_app.click(item("window3600")));
        QTRY_COMPARE(item("cpuChart")->property("windowSeconds").toInt(), 3600);
        QVERIFY(item("window3600")->property("checked").toBool());
        QVERIFY(!item("window600")->property("checked").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(points("memoryChart") > 0, timeoutMs);
    }

    void breaksDownByNode()
    {
        QVERIFY(m_app.click(item("perNodeSwitch")));
        QTRY_COMPARE(lines("memoryChart"), 5);
        QTRY_VERIFY_WITH_TIMEOUT(points("memoryChart") > 5, timeoutMs);
        QVERIFY(m_app.screenshot(QStringLiteral("dashboard-by-node")));
        QVERIFY(m_app.click(item("perNodeSwitch")));
        QTRY_COMPARE(lines("memoryChart"), 1);
    }

    void listsADisconnectedNode()
    {
        QQuickItem *events = item("eventList");
        const int before = events->property("count").toInt();
        const Fleet::Node &node = m_app.fleet().nodes().at(1);
        const QString name = node.entry.name;
        m_app.fleet().disconnectNode(node.entry.id);
        QTRY_COMPARE_WITH_TIMEOUT(events->property("count").toInt(), before + 1, timeoutMs);
        QTRY_COMPARE(figure("nodesTotal"), QStringLiteral("4 of 5 up"));
        QAbstractItemModel *model = events->property("model").value<QAbstractItemModel *>();
        QVERIFY(model);
        QCOMPARE(model->index(0, 0).data(Qt::DisplayRole).toString(), QStringLiteral("You disconnected %1").arg(name));
        QVERIFY(m_app.click(item("window600")));
        QVERIFY(m_app.screenshot(QStringLiteral("dashboard-event")));
        m_app.fleet().reconnectNow(m_app.fleet().nodes().at(1).entry.id);
        QTRY_COMPARE_WITH_TIMEOUT(figure("nodesTotal"), QStringLiteral("5 of 5 up"), timeoutMs);
    }

    void showsANodesOwnCharts()
    {
        QVERIFY(m_app.call("showNodes"));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeList"), timeoutMs);
        QQuickItem *contentItem = item("nodeList")->property("contentItem").value<QQuickItem *>();
        QQuickItem *first = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::any_of(contentItem->childItems(),
                                     [&first](QQuickItem *child) {
                                         first = child;
                                         return child->property("index").toInt() == 0 && child->height() > 0;
                                     }),
            timeoutMs);
        QVERIFY(m_app.click(first));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeCharts"), timeoutMs);
        QCOMPARE(item("nodeCharts")->property("nodeId").toString(), m_app.fleet().nodes().first().entry.id);
        QVERIFY(!item("perNodeSwitch")->isVisible()); // a node has no breakdown by node
        for (const char *chart : {"cpuChart", "memoryChart", "diskChart", "networkChart"}) {
            QTRY_VERIFY2_WITH_TIMEOUT(points(chart) > 2, chart, timeoutMs);
        }
        QVERIFY(m_app.screenshot(QStringLiteral("node-charts")));
    }

    void fitsANarrowWindow()
    {
        QVERIFY(m_app.call("showDashboard"));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodesTotal") && item("cpuChart"), timeoutMs);
        const QSize wide = m_app.window()->size();
        m_app.window()->resize(QSize(m_app.window()->minimumWidth(), wide.height()));
        QTRY_COMPARE(m_app.window()->width(), m_app.window()->minimumWidth());
        // One column: the cards stack, each as wide as the page allows.
        auto *drawer = m_app.window()->property("globalDrawer").value<QObject *>();
        QVERIFY(drawer);
        drawer->setProperty("drawerOpen", false);
        QTRY_VERIFY(!drawer->property("visible").toBool());
        QQuickItem *nodes = item("nodesTotal");
        QQuickItem *machines = item("machinesTotal");
        QTRY_VERIFY(machines->mapToScene({}).y() > nodes->mapToScene({}).y());
        QVERIFY(item("cpuChart")->width() > 0);
        QVERIFY(item("memoryChart")->mapToScene({}).y() > item("cpuChart")->mapToScene({}).y());
        QVERIFY(m_app.screenshot(QStringLiteral("dashboard-narrow")));
        m_app.window()->resize(wide);
    }

    void raisedNoWarning()
    {
        const QStringList warnings = m_app.warnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(DashboardTest)
#include "tst_dashboard.moc"
