// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodeliststore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;

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
        const NodeListStore store(path());
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

    void reportsAFolderItCannotWrite()
    {
        const Result<bool> saved = NodeListStore(QStringLiteral("/proc/flotilla/nodes.json")).save({});
        QVERIFY(!saved.ok());
        QVERIFY(saved.error().details.contains(QStringLiteral("/proc/flotilla/nodes.json")));
    }
};

QTEST_GUILESS_MAIN(NodeListStoreTest)
#include "tst_nodeliststore.moc"
