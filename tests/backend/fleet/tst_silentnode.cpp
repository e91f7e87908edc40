// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "aside.h"
#include "fleet/fleet.h"
#include "fleet/fleetsummary.h"
#include "fleet/machineactions.h"
#include "fleet/machinelistmodel.h"
#include "fleet/nodelistmodel.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <future>

using namespace Flotilla;
using Testing::aside;
using namespace std::chrono_literals;

namespace
{
QStringList s_sessionLog; ///< what flotilla.session said, at info level
QtMessageHandler s_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtInfoMsg && qstrcmp(context.category, "flotilla.session") == 0) {
        s_sessionLog.append(message);
    }
    s_previous(type, context, message);
}

qsizetype linesWith(const QString &text)
{
    return std::ranges::count_if(s_sessionLog, [&text](const QString &line) { return line.contains(text); });
}
} // namespace

// A node behind a real libvirtd that stops (SIGSTOP, a hung host) is marked
// "not answering" by the UI within seconds, long before keepalive gives it
// up; the mark goes when it answers again. Every change of a node's
// connection, and of its answering, is logged exactly once.
class SilentNodeTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = 20000;
    const QString id = QStringLiteral("remote");

    static NodeState nodeState(const Fleet &fleet) { return fleet.nodes().first().status.state; }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        s_previous = qInstallMessageHandler(capture);
    }

    void cleanupTestCase() { qInstallMessageHandler(s_previous); }

    void init() { s_sessionLog.clear(); }

    void aStoppedNodeIsNotAnsweringWithinSeconds()
    {
        Testing::LibvirtDaemon daemon;
        QVERIFY(daemon.start().ok());
        Fleet fleet;
        fleet.setResyncInterval(1h);
        NodeListModel nodes(&fleet);
        MachineListModel machines(&fleet);
        FleetSummary summary(&fleet);
        MachineActions actions(&fleet, &machines);
        fleet.addNode(NodeEntry{.id = id, .name = QStringLiteral("Remote"), .uri = daemon.uri()});
        QSignalSpy ticks(&fleet, &Fleet::ticked);
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().hasInventory && ticks.count() >= 2, timeoutMs);
        QCOMPARE(nodes.index(0).data(NodeListModel::AnsweringRole), QVariant(true));
        QCOMPARE(nodes.index(0).data(NodeListModel::LastHeardTextRole), QVariant(QString()));
        QCOMPARE(machines.rowCount(), 1);
        QCOMPARE(machines.index(0).data(MachineListModel::NodeAnsweringRole), QVariant(true));

        QSignalSpy answering(&fleet.heartbeat(), &NodeHeartbeat::answeringChanged);
        s_sessionLog.clear();
        QElapsedTimer sinceStop;
        aside([&daemon] { daemon.pause(); });
        sinceStop.start();
        QVERIFY(answering.wait(10000));
        const qint64 markedAfterMs = sinceStop.elapsed();
        QCOMPARE(answering.count(), 1);
        QCOMPARE(answering.first(), QVariantList({id, false}));
        // Its last tick came at most a tick before the stop, the next is owed
        // a tick after it, and the limit counts from then (3 s).
        const qint64 limitMs = NodeHeartbeat::defaultLimit.count();
        const qint64 latestMs = (Fleet::defaultTickInterval + NodeHeartbeat::defaultLimit).count();
        QVERIFY2(markedAfterMs >= limitMs - 500 && markedAfterMs <= latestMs + 2000,
            qPrintable(QStringLiteral("marked %1 ms after the stop").arg(markedAfterMs)));
        qInfo() << "marked not answering" << markedAfterMs << "ms after the daemon stopped";
        QCOMPARE(nodeState(fleet), NodeState::Connected); // keepalive has not given up yet: that is the session's
        QCOMPARE(nodes.index(0).data(NodeListModel::AnsweringRole), QVariant(false));
        QVERIFY2(
            nodes.index(0).data(NodeListModel::LastHeardTextRole).toString().contains(QStringLiteral("last heard")),
            qPrintable(nodes.index(0).data(NodeListModel::LastHeardTextRole).toString()));
        QCOMPARE(machines.index(0).data(MachineListModel::NodeAnsweringRole), QVariant(false));
        QTRY_COMPARE(summary.nodesNotAnswering(), 1); // the totals follow within a tenth of a second
        const QString uuid = machines.index(0).data(MachineListModel::UuidRole).toString();
        QCOMPARE(actions.silentNodesOf({uuid}), QStringList{QStringLiteral("Remote")}); // a bulk action asks first
        // "last heard N seconds ago" counts up while the view looks.
        QSignalSpy rows(&nodes, &NodeListModel::dataChanged);
        QVERIFY(rows.wait(3000));
        QCOMPARE(rows.last().at(2).value<QList<int>>(), QList<int>{NodeListModel::LastHeardTextRole});
        QCOMPARE(linesWith(QStringLiteral("is not answering")), 1);

        aside([&daemon] { daemon.resume(); });
        QVERIFY(answering.wait(10000));
        QCOMPARE(answering.last(), QVariantList({id, true}));
        QCOMPARE(nodes.index(0).data(NodeListModel::AnsweringRole), QVariant(true));
        QCOMPARE(nodes.index(0).data(NodeListModel::LastHeardTextRole), QVariant(QString()));
        QCOMPARE(machines.index(0).data(MachineListModel::NodeAnsweringRole), QVariant(true));
        QTRY_COMPARE(summary.nodesNotAnswering(), 0);
        QCOMPARE(actions.silentNodesOf({uuid}), QStringList());
        QCOMPARE(linesWith(QStringLiteral("answers again")), 1);
        QCOMPARE(linesWith(QStringLiteral("is not answering")), 1);
        QCOMPARE(linesWith(QStringLiteral("Remote (remote)")), 2);
    }

    void everyConnectionChangeIsLoggedOnce()
    {
        Testing::LibvirtDaemon daemon;
        QVERIFY(daemon.start().ok());
        Fleet fleet;
        fleet.setResyncInterval(1h);
        fleet.addNode(NodeEntry{.id = id, .name = QStringLiteral("Remote"), .uri = daemon.uri()});
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().hasInventory, timeoutMs);
        QCOMPARE(linesWith(QStringLiteral("node Remote (remote) is now Connected (was Connecting)")), 1);

        aside([&daemon] { daemon.kill(); });
        QTRY_COMPARE_WITH_TIMEOUT(nodeState(fleet), NodeState::Reconnecting, 5000);
        // A failed attempt or two more: still one change.
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().status.attempt >= 2, timeoutMs);
        QCOMPARE(linesWith(QStringLiteral("is now Reconnecting (was Connected)")), 1);
        const QString lost = s_sessionLog.at(
            s_sessionLog.indexOf(QRegularExpression(QStringLiteral(".*is now Reconnecting \\(was Connected\\).*"))));
        // The reason: the lost connection or the call that failed on it.
        QVERIFY2(lost.contains(QStringLiteral("Lost the connection")) || lost.contains(QStringLiteral("Could not")),
            qPrintable(lost));
        QVERIFY2(lost.contains(QStringLiteral("next attempt in")), qPrintable(lost));

        QVERIFY(aside([&daemon] { return daemon.start().ok(); }));
        QTRY_COMPARE_WITH_TIMEOUT(nodeState(fleet), NodeState::Connected, 30000);
        QCOMPARE(linesWith(QStringLiteral("is now Connected (was Reconnecting)")), 1);

        fleet.disconnectNode(id);
        QTRY_COMPARE_WITH_TIMEOUT(nodeState(fleet), NodeState::Disconnected, 5000);
        QCOMPARE(linesWith(QStringLiteral("is now Disconnected (was Connected): Disconnected by you")), 1);
        // Nothing about the connection but those four changes.
        QCOMPARE(linesWith(QStringLiteral(" is now ")), 4);
    }
};

QTEST_MAIN(SilentNodeTest)
#include "tst_silentnode.moc"
