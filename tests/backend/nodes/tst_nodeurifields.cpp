// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodeuri.h"
#include "nodes/nodeurifields.h"

#include <QTemporaryFile>
#include <QTest>

using namespace Flotilla;
using NodeUri::Fields;
using NodeUri::Transport;

Q_DECLARE_METATYPE(Flotilla::NodeUri::Fields)

class NodeUriFieldsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsEachTransport_data()
    {
        QTest::addColumn<Fields>("fields");
        QTest::addColumn<QString>("uri");
        QTest::newRow("system") << Fields{} << QStringLiteral("qemu:///system");
        QTest::newRow("session") << Fields{.path = QStringLiteral("session")} << QStringLiteral("qemu:///session");
        QTest::newRow("ssh") << Fields{.transport = Transport::Ssh,
            .host = QStringLiteral("berlin.example"),
            .user = QStringLiteral("root")}
                             << QStringLiteral("qemu+ssh://root@berlin.example/system");
        QTest::newRow("ssh port") << Fields{.transport = Transport::Ssh,
            .host = QStringLiteral("10.0.0.5"),
            .port = QStringLiteral("2222")}
                                  << QStringLiteral("qemu+ssh://10.0.0.5:2222/system");
        QTest::newRow("tls") << Fields{.transport = Transport::Tls, .host = QStringLiteral("helsinki.example")}
                             << QStringLiteral("qemu+tls://helsinki.example/system");
        QTest::newRow("tcp ipv6") << Fields{.transport = Transport::Tcp,
            .host = QStringLiteral("2001:db8::1"),
            .port = QStringLiteral("16509")}
                                  << QStringLiteral("qemu+tcp://[2001:db8::1]:16509/system");
        QTest::newRow("trimmed") << Fields{.transport = Transport::Tcp, .host = QStringLiteral(" node.lan ")}
                                 << QStringLiteral("qemu+tcp://node.lan/system");
        QTest::newRow("raw") << Fields{.transport = Transport::Raw, .raw = QStringLiteral("test:///default")}
                             << QStringLiteral("test:///default");
    }

    void buildsEachTransport()
    {
        QFETCH(Fields, fields);
        QFETCH(QString, uri);
        const NodeUri::Built built = NodeUri::build(fields);
        QVERIFY2(built.ok(), qPrintable(QStringList(built.problems.values()).join(QLatin1Char(';'))));
        QCOMPARE(built.uri, uri);
        QVERIFY(NodeUri::validate(built.uri).ok()); // what the form makes, the checker takes
    }

    void keyFileGoesIntoTheQuery()
    {
        QTemporaryFile key;
        QVERIFY(key.open());
        const NodeUri::Built built = NodeUri::build(
            Fields{.transport = Transport::Ssh, .host = QStringLiteral("host"), .keyFile = key.fileName()});
        QVERIFY(built.ok());
        QCOMPARE(built.uri, QStringLiteral("qemu+ssh://host/system?keyfile=") + key.fileName());
        QCOMPARE(NodeUri::fieldsFrom(built.uri).keyFile, key.fileName());
    }

    void namesTheWrongField_data()
    {
        QTest::addColumn<Fields>("fields");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");
        const auto ssh = [](Fields f) {
            f.transport = Transport::Ssh;
            return f;
        };
        QTest::newRow("no host") << ssh({}) << QStringLiteral("host") << QStringLiteral("host name or address");
        QTest::newRow("space in host") << ssh({.host = QStringLiteral("my host")}) << QStringLiteral("host")
                                       << QStringLiteral("no spaces");
        QTest::newRow("bad host") << ssh({.host = QStringLiteral("node_1!")}) << QStringLiteral("host")
                                  << QStringLiteral("neither a host name");
        QTest::newRow("user with @") << ssh({.host = QStringLiteral("h"), .user = QStringLiteral("a@b")})
                                     << QStringLiteral("user") << QStringLiteral("only letters");
        QTest::newRow("port word") << ssh({.host = QStringLiteral("h"), .port = QStringLiteral("ssh")})
                                   << QStringLiteral("port") << QStringLiteral("1 to 65535");
        QTest::newRow("port zero") << ssh({.host = QStringLiteral("h"), .port = QStringLiteral("0")})
                                   << QStringLiteral("port") << QStringLiteral("1 to 65535");
        QTest::newRow("port too big") << ssh({.host = QStringLiteral("h"), .port = QStringLiteral("70000")})
                                      << QStringLiteral("port") << QStringLiteral("1 to 65535");
        QTest::newRow("relative key") << ssh({.host = QStringLiteral("h"), .keyFile = QStringLiteral("id_ed25519")})
                                      << QStringLiteral("keyFile") << QStringLiteral("full path");
        QTest::newRow("missing key") << ssh(
            {.host = QStringLiteral("h"), .keyFile = QStringLiteral("/nonexistent/key")})
                                     << QStringLiteral("keyFile") << QStringLiteral("no readable file");
        QTest::newRow("raw empty") << Fields{.transport = Transport::Raw} << QStringLiteral("raw")
                                   << QStringLiteral("empty");
        QTest::newRow("raw driver") << Fields{.transport = Transport::Raw, .raw = QStringLiteral("xen:///")}
                                    << QStringLiteral("raw") << QStringLiteral("xen");
    }

    void namesTheWrongField()
    {
        QFETCH(Fields, fields);
        QFETCH(QString, field);
        QFETCH(QString, words);
        const NodeUri::Built built = NodeUri::build(fields);
        QVERIFY(!built.ok());
        QVERIFY2(built.problems.contains(field), qPrintable(built.problems.keys().join(QLatin1Char(','))));
        QVERIFY2(built.problems.value(field).contains(words), qPrintable(built.problems.value(field)));
    }

    void readsUrisBackIntoFields()
    {
        const Fields ssh = NodeUri::fieldsFrom(QStringLiteral("qemu+ssh://me@node.example:2222/system"));
        QCOMPARE(ssh.transport, Transport::Ssh);
        QCOMPARE(ssh.host, QStringLiteral("node.example"));
        QCOMPARE(ssh.user, QStringLiteral("me"));
        QCOMPARE(ssh.port, QStringLiteral("2222"));
        QCOMPARE(NodeUri::fieldsFrom(QStringLiteral("qemu:///session")).path, QStringLiteral("session"));
        QCOMPARE(NodeUri::fieldsFrom(QStringLiteral("qemu:///session")).transport, Transport::ThisComputer);
        // What the fields cannot say stays whole.
        for (const char *uri :
            {"test:///default", "qemu+unix:///system?socket=/run/x", "qemu+tcp://h/session", "nonsense"}) {
            const Fields raw = NodeUri::fieldsFrom(QString::fromLatin1(uri));
            QCOMPARE(raw.transport, Transport::Raw);
            QCOMPARE(raw.raw, QString::fromLatin1(uri));
        }
    }
};

QTEST_GUILESS_MAIN(NodeUriFieldsTest)
#include "tst_nodeurifields.moc"
