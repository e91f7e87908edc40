// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "fleet/fleetview.h"
#include "libvirt/libvirthandles.h"
#include "nodes/nodeeditor.h"
#include "nodes/nodeliststore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Flotilla;

// What the node editor page and the remove dialog do to the fleet's node
// list: ids made from names, entries read back as the page shows them, the
// list saved after each change, and a list that cannot be written told.
class NodeEditorTest : public QObject
{
    Q_OBJECT

    static QVariantMap reykjavik()
    {
        return {{QStringLiteral("name"), QStringLiteral("  Reykjavík node ")},
            {QStringLiteral("uri"), QStringLiteral("test:///default")},
            {QStringLiteral("city"), QStringLiteral("Reykjavík")},
            {QStringLiteral("country"), QStringLiteral("Iceland")},
            {QStringLiteral("countryCode"), QStringLiteral("IS")}, {QStringLiteral("latitude"), 64.15},
            {QStringLiteral("longitude"), -21.94},
            {QStringLiteral("tags"), QStringList{QStringLiteral("home"), QStringLiteral("rack-2")}}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
    }

    void addsUnderAnIdMadeFromTheName()
    {
        Fleet fleet;
        FleetView view(&fleet, true);
        NodeEditor editor;
        editor.setProperty("fleet", QVariant::fromValue(&view));

        QCOMPARE(editor.add(reykjavik()).value(QStringLiteral("nodeId")).toString(), QStringLiteral("reykjavik-node"));
        QCOMPARE(
            editor.add(reykjavik()).value(QStringLiteral("nodeId")).toString(), QStringLiteral("reykjavik-node-2"));
        QCOMPARE(fleet.nodes().size(), 2);

        const QVariantMap entry = editor.entry(QStringLiteral("reykjavik-node"));
        QCOMPARE(entry.value(QStringLiteral("name")).toString(), QStringLiteral("Reykjavík node"));
        QCOMPARE(entry.value(QStringLiteral("countryCode")).toString(), QStringLiteral("IS"));
        QCOMPARE(entry.value(QStringLiteral("latitude")).toDouble(), 64.15);
        QCOMPARE(entry.value(QStringLiteral("tags")).toStringList(),
            (QStringList{QStringLiteral("home"), QStringLiteral("rack-2")}));
        QVERIFY(editor.entry(QStringLiteral("nobody")).isEmpty());
        QCOMPARE(editor.names(QStringLiteral("reykjavik-node")), QStringList{QStringLiteral("Reykjavík node")});
    }

    void changesAndRemovesOnlyKnownNodes()
    {
        Fleet fleet;
        FleetView view(&fleet, true);
        NodeEditor editor;
        editor.setProperty("fleet", QVariant::fromValue(&view));
        const QString id = editor.add(reykjavik()).value(QStringLiteral("nodeId")).toString();

        QVariantMap moved = reykjavik();
        moved.insert(QStringLiteral("name"), QStringLiteral("Akureyri node"));
        moved.insert(QStringLiteral("latitude"), QVariant()); // no place any more
        QCOMPARE(editor.update(id, moved).value(QStringLiteral("nodeId")).toString(), id);
        QCOMPARE(fleet.nodes().constFirst().entry.name, QStringLiteral("Akureyri node"));
        QVERIFY(std::isnan(fleet.nodes().constFirst().entry.location.latitude));

        QVERIFY(editor.update(QStringLiteral("nobody"), moved).isEmpty());
        QVERIFY(editor.remove(QStringLiteral("nobody")).isEmpty());
        QCOMPARE(editor.remove(id).value(QStringLiteral("nodeId")).toString(), id);
        QVERIFY(fleet.nodes().isEmpty());
    }

    void savesEveryChange()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("nodes.json"));
        Fleet fleet;
        fleet.setStore(NodeListStore(path));
        FleetView view(&fleet, false);
        NodeEditor editor;
        editor.setProperty("fleet", QVariant::fromValue(&view));

        const QString id = editor.add(reykjavik()).value(QStringLiteral("nodeId")).toString();
        QCOMPARE(NodeListStore(path).load().value().size(), 1);
        editor.remove(id);
        QVERIFY(NodeListStore(path).load().value().isEmpty());
    }

    void tellsWhenTheListCannotBeWritten()
    {
        QTemporaryDir folder;
        Fleet fleet;
        // A folder where the file should be: nothing can be written there.
        fleet.setStore(NodeListStore(folder.path()));
        FleetView view(&fleet, false);
        NodeEditor editor;
        editor.setProperty("fleet", QVariant::fromValue(&view));
        QSignalSpy notices(&view, &FleetView::notice);

        const QVariantMap outcome = editor.add(reykjavik());
        QVERIFY(!outcome.value(QStringLiteral("nodeId")).toString().isEmpty());
        QVERIFY(!outcome.value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.constFirst().constFirst().toString(), outcome.value(QStringLiteral("error")).toString());
        QCOMPARE(fleet.nodes().size(), 1); // the node stays for this run: nothing the person typed is lost
    }

    void withoutAFleetDoesNothing()
    {
        NodeEditor editor;
        QVERIFY(editor.add(reykjavik()).isEmpty());
        QVERIFY(editor.entry(QStringLiteral("reykjavik-node")).isEmpty());
        QVERIFY(editor.names().isEmpty());
    }
};

QTEST_GUILESS_MAIN(NodeEditorTest)
#include "tst_nodeeditor.moc"
