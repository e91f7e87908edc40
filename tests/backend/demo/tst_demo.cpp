// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demo/demofleet.h"
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"

#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Flotilla;

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
    }
};

QTEST_GUILESS_MAIN(DemoTest)
#include "tst_demo.moc"
