// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demo/demofleet.h"
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"
#include "workloads/fleetworkloads.h"

#include <QDateTime>
#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{
/// The oldest of the node's own points among @p taken; far in the future if none.
qint64 earliestNodePoint(const QList<MetricsStore::TierPoints> &taken)
{
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const MetricsStore::TierPoints &tier : taken) {
        if (tier.machine.isEmpty() && !tier.points.isEmpty()) {
            earliest = std::min(earliest, tier.points.first().timestamp);
        }
    }
    return earliest;
}
} // namespace

// The bundled demo, as `flotilla --demo` opens it. Only what holds however
// the demo grows: it unpacks, its five nodes connect, each has machines.
// Tests that count machines use the tests' own fleet (tests/data/fleet).
class DemoTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
    }

    void opensWithFiveConnectedNodesThatHaveMachines()
    {
        QTemporaryDir folder;
        const Result<QList<NodeEntry>> entries = DemoFleet::unpack(folder.path());
        QVERIFY2(entries.ok(), qPrintable(entries.ok() ? QString() : entries.error().text()));
        QCOMPARE(entries.value().size(), 5);
        QSet<QString> countries;
        for (const NodeEntry &node : entries.value()) {
            QVERIFY2(node.uri.startsWith(QStringLiteral("test://") + folder.path()), qPrintable(node.uri));
            QVERIFY(QFile::exists(node.uri.mid(7)));
            QVERIFY(node.location.hasCoordinates());
            countries.insert(node.location.countryCode);
        }
        QCOMPARE(countries.size(), 5);

        Fleet fleet;
        for (const NodeEntry &node : entries.value()) {
            fleet.addNode(node);
        }
        QTRY_VERIFY_WITH_TIMEOUT(fleet.isSettled(), 20000);
        for (const Fleet::Node &node : fleet.nodes()) {
            QVERIFY2(node.status.state == NodeState::Connected && node.hasInventory, qPrintable(node.entry.name));
            QVERIFY2(!node.machines.machines().isEmpty(), qPrintable(node.entry.name));
        }

        // Its workloads (tools/demo-workloads), whole and agreeing: a web
        // shop over three countries, and a small k3s cluster: its server, and its agents.
        const QList<Workload> workloads = FleetWorkloads::gather(fleet);
        QStringList names;
        for (const Workload &workload : workloads) {
            QVERIFY2(workload.disagreements.isEmpty(), qPrintable(workload.disagreements.join(u'\n')));
            QCOMPARE(workload.replicas.size(), workload.policy.replicas);
            QCOMPARE(workload.running(), workload.policy.replicas);
            names.append(workload.name);
        }
        QCOMPARE(names, (QStringList{u"k3s"_s, u"k3s-server"_s, u"shop"_s}));
        QCOMPARE(workloads.at(0).machineTemplate.cluster.role, u"agent"_s);
        QCOMPARE(workloads.at(1).machineTemplate.cluster.role, u"server"_s);
        QSet<QString> shopCountries;
        for (const Replica &replica : workloads.at(2).replicas) {
            shopCountries.insert(fleet.nodes().at(fleet.indexOf(replica.nodeId)).entry.location.countryCode);
        }
        QCOMPARE(shopCountries.size(), 3);
        // It can grow where its policy says, with its image on the nodes.
        for (const Fleet::Node &node : fleet.nodes()) {
            fleet.readStock(node.entry.id);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::all_of(fleet.nodes(), [](const Fleet::Node &node) { return node.hasStock; }), 20000);
        const Placement::Plan more = FleetWorkloads::place(fleet, workloads.at(2), 4);
        QVERIFY2(more.isComplete(), qPrintable(more.shortfall));
    }

    // A newcomer's first look: the demo (as `flotilla --demo` sets it up)
    // fills the last day of an empty history with its simulated activity,
    // then goes on live; a history that has points is left as it is.
    void aFirstLookShowsTheLastDay()
    {
        QTemporaryDir folder;
        const Result<QList<NodeEntry>> entries = DemoFleet::unpack(folder.path());
        QVERIFY(entries.ok());
        Fleet fleet;
        fleet.setSimulatedPast(std::chrono::hours(24));
        fleet.addNode(entries.value().at(0));
        fleet.addNode(entries.value().at(1));
        // The second node's history has a point already (restored from disk, say).
        const qint64 start = QDateTime::currentSecsSinceEpoch();
        fleet.nodes().at(1).metrics->restore(
            {{.tier = 0, .points = {HistoryPoint{.timestamp = start - 5, .rates = unknownRates()}}}});
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::all_of(fleet.nodes(),
                                     [](const Fleet::Node &node) {
                                         return node.metrics->nodeWindow(60).size() >= 2
                                             && !std::isnan(at(node.rates, Channel::CpuPercent));
                                     }),
            20000);

        const Fleet::Node &filled = fleet.nodes().at(0);
        const QList<NodeHistory::Point> day = filled.metrics->nodeWindow(24 * 3600);
        QVERIFY2(day.first().timestamp <= start - 24 * 3600 + 120,
            qPrintable(QString::number(start - day.first().timestamp)));
        // By the minute all day: no stretch without figures.
        qsizetype known = 0;
        for (const NodeHistory::Point &point : day) {
            known += std::isnan(at(point.rates, Channel::CpuPercent)) ? 0 : 1;
        }
        QVERIFY2(known >= 24 * 60 - 5, qPrintable(QString::number(known)));
        // Each running machine's day, too, and its last ten minutes by the tick.
        const Machine running = *std::ranges::find_if(
            filled.machines.machines(), [](const Machine &machine) { return machine.isRunning(); });
        const QList<MachineHistory::Point> machineDay = filled.metrics->machineWindow(running.uuid, 24 * 3600);
        QVERIFY(machineDay.first().timestamp <= start - 24 * 3600 + 600);
        const QList<MachineHistory::Point> tenMinutes = filled.metrics->machineWindow(running.uuid, 600);
        QVERIFY2(tenMinutes.size() >= 290, qPrintable(QString::number(tenMinutes.size())));
        QVERIFY(std::ranges::all_of(tenMinutes.first(tenMinutes.size() - 1),
            [](const MachineHistory::Point &point) { return !std::isnan(at(point.rates, Channel::CpuPercent)); }));
        // None of the day is on disk yet: the keeper of the history takes it
        // all, and once.
        const qint64 dayStart = earliestNodePoint(filled.metrics->takeUnkept());
        QVERIFY2(dayStart <= start - 24 * 3600 + 120, qPrintable(QString::number(dayStart - start)));
        QVERIFY(earliestNodePoint(filled.metrics->takeUnkept()) >= start - 600);

        // The node with a history of its own was not filled, and what it
        // restored is not taken again.
        const Fleet::Node &kept = fleet.nodes().at(1);
        QVERIFY(kept.metrics->nodeWindow(24 * 3600).first().timestamp >= start - 600);
        QVERIFY(earliestNodePoint(kept.metrics->takeUnkept()) > start - 5);
    }
};

QTEST_GUILESS_MAIN(DemoTest)
#include "tst_demo.moc"
