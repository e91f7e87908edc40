// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "fleet/machinelistmodel.h"
#include "fleet/nodelistmodel.h"
#include "libvirt/libvirthandles.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

/// What the node and machine lists show that protects the person: names
/// with a hidden right-to-left override show it as a visible mark, and a
/// node whose URI turns off the identity check is marked.
class DisplayNamesTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = 20000;
    Fleet m_fleet;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        m_fleet.addNode(NodeEntry{.id = u"deceptive"_s,
            .name = u"Berlin\u202Etxt.exe"_s,
            .uri = u"test://"_s + QFINDTESTDATA("../data/deceptive-node.xml")});
    }

    void nodeListShowsTheMark()
    {
        NodeListModel nodes(&m_fleet);
        QAbstractItemModelTester tester(&nodes);
        QCOMPARE(nodes.rowCount(), 1);
        QCOMPARE(nodes.index(0).data(NodeListModel::NameRole).toString(), u"Berlin[U+202E]txt.exe"_s);
        QCOMPARE(nodes.index(0).data(Qt::DisplayRole).toString(), u"Berlin[U+202E]txt.exe"_s);
        QVERIFY(!nodes.index(0).data(NodeListModel::UnverifiedRole).toBool());
    }

    void unverifiedNodeIsMarked()
    {
        Fleet fleet;
        NodeListModel nodes(&fleet);
        // Disabled: no connection is attempted.
        fleet.addNode(NodeEntry{
            .id = u"far"_s, .name = u"Far"_s, .uri = u"test+tls://127.0.0.1/default?no_verify=1"_s, .enabled = false});
        QCOMPARE(nodes.rowCount(), 1);
        QVERIFY(nodes.index(0).data(NodeListModel::UnverifiedRole).toBool());
        QCOMPARE(nodes.roleNames().value(NodeListModel::UnverifiedRole), QByteArray("unverified"));
    }

    void machineListShowsTheMark()
    {
        MachineListModel machines(&m_fleet);
        QAbstractItemModelTester tester(&machines);
        QTRY_COMPARE_WITH_TIMEOUT(machines.rowCount(), 1, timeoutMs);
        const QModelIndex row = machines.index(0, 0);
        QCOMPARE(row.data(MachineListModel::NameRole).toString(), u"invoice[U+202E]fdp.exe"_s);
        QCOMPARE(row.data(MachineListModel::NodeNameRole).toString(), u"Berlin[U+202E]txt.exe"_s);
        // The machine itself keeps its real name.
        QCOMPARE(m_fleet.nodes().first().machines.machines().cbegin()->name, u"invoice\u202Efdp.exe"_s);
    }
};

QTEST_GUILESS_MAIN(DisplayNamesTest)
#include "tst_displaynames.moc"
