// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodeliststore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class NodeListStoreTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;

    QString path() const { return m_folder.filePath(QStringLiteral("config/nodes.json")); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_folder.isValid());
    }

    void cleanup() { QDir(m_folder.filePath(QStringLiteral("config"))).removeRecursively(); }

    void startsEmpty()
    {
        const Result<QList<NodeEntry>> nodes = NodeListStore(path()).load();
        QVERIFY(nodes.ok());
        QVERIFY(nodes.value().isEmpty());
    }

    void keepsWhatItSaves()
    {
        NodeListStore store(path());
        const QList<NodeEntry> nodes = {
            NodeEntry{.id = QStringLiteral("a"), .name = QStringLiteral("A"), .uri = QStringLiteral("qemu:///system")},
            NodeEntry{
                .id = QStringLiteral("b"), .name = QStringLiteral("B"), .uri = QStringLiteral("qemu+ssh://b/system")},
        };
        QVERIFY(store.save(nodes).ok());
        const Result<QList<NodeEntry>> back = store.load();
        QVERIFY(back.ok());
        QCOMPARE(back.value().size(), 2);
        QCOMPARE(back.value().last().uri, QStringLiteral("qemu+ssh://b/system"));
        // Saving again replaces the file whole, leaving no temporary behind.
        QVERIFY(store.save({nodes.first()}).ok());
        QCOMPARE(store.load().value().size(), 1);
        QCOMPARE(QDir(m_folder.filePath(QStringLiteral("config"))).entryList(QDir::Files),
            QStringList{QStringLiteral("nodes.json")});
    }

    void setsADamagedFileAside()
    {
        QDir().mkpath(m_folder.filePath(QStringLiteral("config")));
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"nodes\": [ {\"id\": \"a\", \"uri\": ");
        file.close();

        const Result<QList<NodeEntry>> nodes = NodeListStore(path()).load();
        QVERIFY(!nodes.ok());
        QVERIFY(nodes.error().message.contains(QStringLiteral("damaged")));
        QVERIFY2(
            nodes.error().details.contains(QStringLiteral("nodes.json.corrupt-")), qPrintable(nodes.error().details));
        QVERIFY(!QFile::exists(path()));
        const QStringList kept
            = QDir(m_folder.filePath(QStringLiteral("config"))).entryList({QStringLiteral("nodes.json.corrupt-*")});
        QCOMPARE(kept.size(), 1);
        QFile aside(m_folder.filePath(QStringLiteral("config/") + kept.first()));
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QVERIFY(aside.readAll().startsWith("{\"nodes\": [ {\"id\""));
        // The next start finds no list, not the damaged one.
        QVERIFY(NodeListStore(path()).load().ok());
    }

    void leavesOutABadEntryButKeepsItInTheFile()
    {
        QDir().mkpath(m_folder.filePath(QStringLiteral("config")));
        const QJsonArray written = {
            QJsonObject{{u"id"_s, u"good"_s}, {u"name"_s, u"Good"_s}, {u"uri"_s, u"test:///default"_s}},
            QJsonObject{
                {u"id"_s, u"evil"_s}, {u"name"_s, u"Evil"_s}, {u"uri"_s, u"qemu+ssh://h/system?command=/tmp/evil"_s}},
            QJsonObject{{u"id"_s, u"twin"_s}, {u"name"_s, u"GOOD"_s}, {u"uri"_s, u"test:///default"_s}},
            QJsonObject{{u"id"_s, u"tagged"_s}, {u"name"_s, u"Tagged"_s}, {u"uri"_s, u"test:///default"_s},
                {u"tags"_s, QJsonArray{u"fine"_s, u"in\u202Evisible"_s}}},
            QJsonObject{{u"id"_s, u"far"_s}, {u"name"_s, u"Far"_s}, {u"uri"_s, u"test:///default"_s},
                {u"location"_s, QJsonObject{{u"latitude"_s, 0}, {u"longitude"_s, 200}}}},
            u"not a node"_s,
        };
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{u"nodes"_s, written}}).toJson());
        file.close();

        NodeListStore store(path());
        const Result<QList<NodeEntry>> nodes = store.load();
        QVERIFY(nodes.ok());
        QCOMPARE(nodes.value().size(), 1);
        QCOMPARE(nodes.value().first().id, u"good"_s);
        const QString why = store.skipped().text();
        QVERIFY2(store.skipped().message.contains(u"5 nodes"_s), qPrintable(why));
        for (const QString &mentioned :
            {u"“command”"_s, u"called “Good”"_s, u"a tag cannot hold"_s, u"globe"_s, u"entry 6"_s}) {
            QVERIFY2(why.contains(mentioned), qPrintable(why));
        }

        // Saving keeps the entries left out, exactly as they were written.
        QVERIFY(store.save(nodes.value()).ok());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray saved = QJsonDocument::fromJson(file.readAll()).object().value(u"nodes"_s).toArray();
        file.close();
        QCOMPARE(saved.size(), written.size());
        for (qsizetype i = 1; i < written.size(); ++i) {
            QCOMPARE(saved.at(i), written.at(i));
        }
        NodeListStore again(path());
        QCOMPARE(again.load().value().size(), 1);
        QCOMPARE(again.skipped(), store.skipped());
    }

    void setsAsideAFileOverOneMebibyte()
    {
        QDir().mkpath(m_folder.filePath(QStringLiteral("config")));
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"nodes\": []");
        file.write(QByteArray(NodeListStore::maxFileSize, ' '));
        file.write("}");
        file.close();

        NodeListStore store(path());
        const Result<QList<NodeEntry>> nodes = store.load();
        QVERIFY(!nodes.ok());
        QVERIFY2(nodes.error().details.contains(u"larger than"_s), qPrintable(nodes.error().text()));
        QVERIFY(!QFile::exists(path()));
        QCOMPARE(QDir(m_folder.filePath(QStringLiteral("config"))).entryList({u"nodes.json.corrupt-*"_s}).size(), 1);
    }

    void reportsAFolderItCannotWrite()
    {
        const Result<bool> saved = NodeListStore(QStringLiteral("/proc/flotilla/nodes.json")).save({});
        QVERIFY(!saved.ok());
        QVERIFY(saved.error().details.contains(QStringLiteral("/proc/flotilla/nodes.json")));
    }
};

QTEST_GUILESS_MAIN(NodeListStoreTest)
#include "tst_nodeliststore.moc"
