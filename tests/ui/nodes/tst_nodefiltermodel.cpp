// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "fleet/nodelistmodel.h"
#include "libvirt/libvirthandles.h"
#include "nodes/nodefiltermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Flotilla;

// The one-node view of the nodes list that a node's page shows, checked by
// QAbstractItemModelTester while its node changes and nodes come and go.
class NodeFilterModelTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = 20000;

    static NodeEntry entry(const QString &id)
    {
        return NodeEntry{.id = id, .name = id.toUpper(), .uri = QStringLiteral("test:///default")};
    }

    static QString shownId(const NodeFilterModel &model)
    {
        return model.rowCount() == 1 ? model.index(0, 0).data(NodeListModel::IdRole).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
    }

    void showsOnlyItsNode()
    {
        Fleet fleet;
        NodeListModel nodes(&fleet);
        NodeFilterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSourceModel(&nodes);
        QSignalSpy nodeIdChanged(&model, &NodeFilterModel::nodeIdChanged);

        model.setNodeId(QStringLiteral("b")); // before the node exists
        QCOMPARE(nodeIdChanged.count(), 1);
        model.setNodeId(QStringLiteral("b"));
        QCOMPARE(nodeIdChanged.count(), 1); // only on a change
        QCOMPARE(model.rowCount(), 0);

        fleet.addNode(entry(QStringLiteral("a")));
        QCOMPARE(model.rowCount(), 0);
        fleet.addNode(entry(QStringLiteral("b")));
        fleet.addNode(entry(QStringLiteral("c")));
        QCOMPARE(shownId(model), QStringLiteral("b"));
        const QPersistentModelIndex shown = model.index(0, 0);

        // Its node's changes come through; the others' do not show.
        QSignalSpy changed(&model, &NodeFilterModel::dataChanged);
        NodeEntry renamed = entry(QStringLiteral("b"));
        renamed.name = QStringLiteral("Renamed");
        QVERIFY(fleet.updateNode(renamed));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, 0).data(NodeListModel::NameRole).toString(), QStringLiteral("Renamed"));
        QTRY_VERIFY_WITH_TIMEOUT(model.index(0, 0).data(NodeListModel::LoadedRole).toBool(), timeoutMs);

        // A node before it goes: it stays, and so does an index kept on it.
        QVERIFY(fleet.removeNode(QStringLiteral("a")));
        QCOMPARE(shownId(model), QStringLiteral("b"));
        QVERIFY(shown.isValid());
        QCOMPARE(shown.data(NodeListModel::IdRole).toString(), QStringLiteral("b"));

        model.setNodeId(QStringLiteral("c"));
        QCOMPARE(shownId(model), QStringLiteral("c"));
        QVERIFY(!shown.isValid());
        QVERIFY(fleet.removeNode(QStringLiteral("c")));
        QCOMPARE(model.rowCount(), 0);
        fleet.addNode(entry(QStringLiteral("c"))); // back, at the end
        QCOMPARE(shownId(model), QStringLiteral("c"));
        model.setNodeId(QString());
        QCOMPARE(model.rowCount(), 0);
    }

    void followsNodesAddedAndRemovedWhileItsNodeChanges()
    {
        Fleet fleet;
        NodeListModel nodes(&fleet);
        NodeFilterModel model;
        model.setSourceModel(&nodes);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Nodes come and go while the filter moves from one to the next, as
        // when a person opens one node's page after another while the fleet
        // changes; the tester checks every signal on the way.
        for (int round = 0; round < 12; ++round) {
            const QString added = QStringLiteral("n%1").arg(round);
            model.setNodeId(added); // the page opens before the node is there
            QCOMPARE(model.rowCount(), 0);
            fleet.addNode(entry(added));
            QCOMPARE(shownId(model), added);
            if (round >= 2) {
                const QString old = QStringLiteral("n%1").arg(round - 2);
                model.setNodeId(old);
                QCOMPARE(shownId(model), old);
                QVERIFY(fleet.removeNode(old)); // the page's own node goes
                QCOMPARE(model.rowCount(), 0);
                model.setNodeId(QStringLiteral("n%1").arg(round - 1));
                QCOMPARE(shownId(model), QStringLiteral("n%1").arg(round - 1));
            }
        }
        QCOMPARE(nodes.rowCount(), 2);
        // Every session's first reading arrives while a node is shown: only its own rows change.
        QTRY_VERIFY_WITH_TIMEOUT(fleet.isSettled(), timeoutMs);
        QCOMPARE(shownId(model), QStringLiteral("n10"));
        QVERIFY(model.index(0, 0).data(NodeListModel::LoadedRole).toBool());
    }
};

QTEST_GUILESS_MAIN(NodeFilterModelTest)
#include "tst_nodefiltermodel.moc"
