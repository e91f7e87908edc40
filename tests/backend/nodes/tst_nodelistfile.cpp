// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodelistfile.h"

#include <QFile>
#include <QTest>

using namespace Flotilla;

class NodeListFileTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsACompleteEntry()
    {
        QFile file(QFINDTESTDATA("../data/nodelist-complete.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Result<QList<NodeEntry>> nodes = NodeListFile::parse(file.readAll());
        QVERIFY2(nodes.ok(), qPrintable(nodes.ok() ? QString() : nodes.error().text()));
        QCOMPARE(nodes.value().size(), 1);
        const NodeEntry &node = nodes.value().first();
        QCOMPARE(node.id, QStringLiteral("berlin"));
        QCOMPARE(node.name, QStringLiteral("Berlin home"));
        QCOMPARE(node.uri, QStringLiteral("qemu+ssh://me@berlin/system"));
        QCOMPARE(node.location.city, QStringLiteral("Berlin"));
        QCOMPARE(node.location.countryCode, QStringLiteral("DE"));
        QCOMPARE(node.location.latitude, 52.52);
        QCOMPARE(node.location.longitude, 13.405);
        QCOMPARE(node.tags, (QStringList{QStringLiteral("home"), QStringLiteral("nas")}));
        QCOMPARE(node.enabled, false);
    }

    void fillsDefaults()
    {
        const Result<QList<NodeEntry>> nodes
            = NodeListFile::parse("{\"nodes\": [{\"id\": \"a\", \"uri\": \"test:///default\"}]}");
        QVERIFY(nodes.ok());
        const NodeEntry &node = nodes.value().first();
        QCOMPARE(node.name, QStringLiteral("a"));
        QVERIFY(node.enabled);
        QVERIFY(!node.maintenance);
        QVERIFY(!node.location.hasCoordinates());
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{nodes: oops") << QStringLiteral("at byte");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("at byte");
        QTest::newRow("no list") << QByteArray("{\"machines\": []}") << QStringLiteral("\"nodes\"");
        QTest::newRow("list of numbers") << QByteArray("{\"nodes\": [1]}") << QStringLiteral("entry 1");
        QTest::newRow("no uri") << QByteArray("{\"nodes\": [{\"id\": \"a\"}]}") << QStringLiteral("entry 1");
        QTest::newRow("twice the same id") << QByteArray("{\"nodes\": [{\"id\": \"a\", \"uri\": \"test:///default\"}, "
                                                         "{\"id\": \"a\", \"uri\": \"test:///default\"}]}")
                                           << QStringLiteral("'a'");
        QTest::newRow("off the globe") << QByteArray("{\"nodes\": [{\"id\": \"a\", \"uri\": \"test:///default\", "
                                                     "\"location\": {\"latitude\": 91, \"longitude\": 0}}]}")
                                       << QStringLiteral("outside the globe");
    }

    void rejectsBadInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const Result<QList<NodeEntry>> nodes = NodeListFile::parse(json);
        QVERIFY(!nodes.ok());
        QVERIFY2(nodes.error().details.contains(mentions), qPrintable(nodes.error().text()));
    }

    void writesWhatItReads()
    {
        NodeEntry node{.id = QStringLiteral("sg"),
            .name = QStringLiteral("Singapore edge"),
            .uri = QStringLiteral("qemu+tls://sg.example/system")};
        node.location = Location{.city = QStringLiteral("Singapore"),
            .country = QStringLiteral("Singapore"),
            .countryCode = QStringLiteral("SG"),
            .latitude = 1.29,
            .longitude = 103.85};
        node.tags = {QStringLiteral("edge")};
        node.maintenance = true;
        const Result<QList<NodeEntry>> back = NodeListFile::parse(NodeListFile::serialize({node,
            NodeEntry{.id = QStringLiteral("nowhere"),
                .name = QStringLiteral("Nowhere"),
                .uri = QStringLiteral("test:///default")}}));
        QVERIFY(back.ok());
        QCOMPARE(back.value().size(), 2);
        const NodeEntry &first = back.value().first();
        QCOMPARE(first.id, node.id);
        QCOMPARE(first.name, node.name);
        QCOMPARE(first.uri, node.uri);
        QCOMPARE(first.location.city, node.location.city);
        QCOMPARE(first.location.latitude, node.location.latitude);
        QCOMPARE(first.location.longitude, node.location.longitude);
        QCOMPARE(first.tags, node.tags);
        QVERIFY(first.maintenance);
        QVERIFY(!back.value().last().maintenance);
        QVERIFY(!back.value().last().location.hasCoordinates());
    }
};

QTEST_GUILESS_MAIN(NodeListFileTest)
#include "tst_nodelistfile.moc"
