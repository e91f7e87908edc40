// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "fleet/machinelistmodel.h"
#include "fleet/nodelistmodel.h"
#include "libvirt/libvirthandles.h"
#include "nodes/nodelistfile.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;

// Nodes added, changed and removed while the fleet runs, the models that
// follow, and the saved list.
class FleetEditingTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = 20000;

    static NodeEntry entry(const QString &id, const QString &uri = QStringLiteral("test:///default"))
    {
        return NodeEntry{.id = id,
            .name = id.toUpper(),
            .uri = uri,
            .location = {.city = QStringLiteral("Reykjavík"), .latitude = 64.13, .longitude = -21.9}};
    }

    static bool loaded(const Fleet &fleet, const QString &id)
    {
        const qsizetype index = fleet.indexOf(id);
        return index >= 0 && fleet.nodes().at(index).hasInventory;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
    }

    void removesANodeAndItsMachines()
    {
        Fleet fleet;
        NodeListModel nodes(&fleet);
        MachineListModel machines(&fleet);
        QAbstractItemModelTester nodesTester(&nodes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester machinesTester(&machines, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fleet.addNode(entry(QStringLiteral("a")));
        fleet.addNode(entry(QStringLiteral("b")));
        fleet.addNode(entry(QStringLiteral("c")));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(fleet, QStringLiteral("a")) && loaded(fleet, QStringLiteral("c")), timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(machines.rowCount(), 3, timeoutMs); // one machine each
        QVERIFY(fleet.removeNode(QStringLiteral("b")));
        QVERIFY(!fleet.removeNode(QStringLiteral("b")));
        QCOMPARE(nodes.rowCount(), 2);
        QCOMPARE(machines.rowCount(), 2);
        QCOMPARE(nodes.index(1).data(NodeListModel::IdRole).toString(), QStringLiteral("c"));
        // The machines of the node after the removed one still name their node.
        QCOMPARE(machines.index(1).data(MachineListModel::NodeIdRole).toString(), QStringLiteral("c"));
        QCOMPARE(machines.index(1).data(MachineListModel::NodeNameRole).toString(), QStringLiteral("C"));
    }

    void removingAHungNodeDoesNotWait()
    {
        QTcpServer silent; // takes the connection and never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Fleet fleet;
        NodeListModel nodes(&fleet);
        QAbstractItemModelTester tester(&nodes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy called(&silent, &QTcpServer::newConnection);
        fleet.addNode(
            entry(QStringLiteral("hung"), QStringLiteral("test+tcp://127.0.0.1:%1/default").arg(silent.serverPort())));
        // Once its connection is taken, its session waits inside virConnectOpenAuth.
        QVERIFY(called.count() > 0 || called.wait(timeoutMs));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(fleet.removeNode(QStringLiteral("hung")));
        // Waiting for the session would take until the peer closes, after
        // this check, or the exit grace at least; the bound leaves a loaded
        // machine room below that.
        QVERIFY2(clock.elapsed() < Fleet::exitGrace.count() / 2, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(nodes.rowCount(), 0);
        silent.close(); // the hung call returns; its thread ends on its own
    }

    void aNewUriReconnectsAndTheNameChangesInPlace()
    {
        QTemporaryDir folder;
        QFile file(folder.filePath(QStringLiteral("empty.xml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<node><cpu><mhz>2000</mhz><nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>1</threads>"
                   "<active>2</active><model>x86_64</model></cpu><memory>1048576</memory></node>");
        file.close();
        Fleet fleet;
        NodeListModel nodes(&fleet);
        MachineListModel machines(&fleet);
        QAbstractItemModelTester nodesTester(&nodes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester machinesTester(&machines, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fleet.addNode(entry(QStringLiteral("x")));
        QTRY_COMPARE_WITH_TIMEOUT(machines.rowCount(), 1, timeoutMs);
        NodeEntry renamed = entry(QStringLiteral("x"));
        renamed.name = QStringLiteral("Renamed");
        renamed.tags = {QStringLiteral("lab")};
        QSignalSpy changed(&nodes, &NodeListModel::dataChanged);
        QVERIFY(fleet.updateNode(renamed));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(nodes.index(0).data(NodeListModel::NameRole).toString(), QStringLiteral("Renamed"));
        QCOMPARE(machines.rowCount(), 1); // same URI: nothing reconnects
        renamed.uri = QStringLiteral("test://") + file.fileName();
        QVERIFY(fleet.updateNode(renamed));
        QCOMPARE(machines.rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(fleet, QStringLiteral("x")), timeoutMs);
        QCOMPARE(fleet.nodes().first().facts.cpus, 2);
        QCOMPARE(machines.rowCount(), 0);
        QVERIFY(!fleet.updateNode(entry(QStringLiteral("nobody"))));
    }

    void savesOnlyTheUsersNodes()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("nodes.json"));
        Fleet fleet;
        QVERIFY(fleet.save().ok()); // no store: nothing written, no error
        QVERIFY(!QFile::exists(path));
        fleet.setStore(NodeListStore(path));
        fleet.addNode(entry(QStringLiteral("kept")), true);
        fleet.addNode(entry(QStringLiteral("for-this-run"))); // as --connect does
        QVERIFY(fleet.save().ok());
        const Result<QList<NodeEntry>> saved = NodeListStore(path).load();
        QVERIFY(saved.ok());
        QCOMPARE(saved.value().size(), 1);
        QCOMPARE(saved.value().first().id, QStringLiteral("kept"));
        QCOMPARE(saved.value().first().location.city, QStringLiteral("Reykjavík"));
        QVERIFY(fleet.removeNode(QStringLiteral("kept")));
        QVERIFY(fleet.save().ok());
        QVERIFY(NodeListStore(path).load().value().isEmpty());
    }

    // The maintenance mark shows at once (nodeChanged), is saved, and
    // changes nothing else: the node keeps its connection.
    void theMaintenanceMarkIsSaved()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("nodes.json"));
        Fleet fleet;
        fleet.setStore(NodeListStore(path));
        fleet.addNode(entry(QStringLiteral("resting")), true);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(fleet, QStringLiteral("resting")), timeoutMs);
        QSignalSpy changed(&fleet, &Fleet::nodeChanged);
        QVERIFY(fleet.setMaintenance(QStringLiteral("resting"), true).value());
        QCOMPARE(changed.size(), 1);
        QVERIFY(fleet.node(QStringLiteral("resting"))->entry.maintenance);
        QVERIFY(NodeListStore(path).load().value().first().maintenance);
        QVERIFY(loaded(fleet, QStringLiteral("resting")));
        QVERIFY(fleet.setMaintenance(QStringLiteral("resting"), true).value()); // as it was: nothing to tell
        QCOMPARE(changed.size(), 1);
        QVERIFY(fleet.setMaintenance(QStringLiteral("resting"), false).value());
        QVERIFY(!NodeListStore(path).load().value().first().maintenance);
        QVERIFY(!fleet.setMaintenance(QStringLiteral("nobody"), true).value());
    }
};

QTEST_MAIN(FleetEditingTest)
#include "tst_fleetediting.moc"
