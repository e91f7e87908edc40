// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodeuri.h"

#include <QTemporaryFile>
#include <QTest>

using namespace Flotilla;

class NodeUriTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsWhatUsersHave_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("system") << QStringLiteral("qemu:///system") << QString() << QString() << -1;
        QTest::newRow("session") << QStringLiteral("qemu:///session") << QString() << QString() << -1;
        QTest::newRow("ssh") << QStringLiteral("qemu+ssh://root@berlin.example/system") << QStringLiteral("ssh")
                             << QStringLiteral("berlin.example") << -1;
        QTest::newRow("ssh key file") << QStringLiteral("qemu+ssh://me@10.0.0.5:2222/system?keyfile=/home/me/.ssh/node")
                                      << QStringLiteral("ssh") << QStringLiteral("10.0.0.5") << 2222;
        QTest::newRow("libssh") << QStringLiteral("qemu+libssh://me@host/system") << QStringLiteral("libssh")
                                << QStringLiteral("host") << -1;
        QTest::newRow("tls") << QStringLiteral("qemu+tls://helsinki.example/system") << QStringLiteral("tls")
                             << QStringLiteral("helsinki.example") << -1;
        QTest::newRow("tcp with port") << QStringLiteral("qemu+tcp://192.0.2.7:16509/system") << QStringLiteral("tcp")
                                       << QStringLiteral("192.0.2.7") << 16509;
        QTest::newRow("unix") << QStringLiteral("qemu+unix:///system?socket=/run/libvirt/virtqemud-sock")
                              << QStringLiteral("unix") << QString() << -1;
        QTest::newRow("test default") << QStringLiteral("test:///default") << QString() << QString() << -1;
        QTest::newRow("remote test file") << QStringLiteral("test+tcp://127.0.0.1:5000/srv/nodes/a.xml")
                                          << QStringLiteral("tcp") << QStringLiteral("127.0.0.1") << 5000;
        QTest::newRow("ipv6") << QStringLiteral("qemu+ssh://me@[2001:db8::1]/system") << QStringLiteral("ssh")
                              << QStringLiteral("2001:db8::1") << -1;
    }

    void acceptsWhatUsersHave()
    {
        QFETCH(QString, uri);
        QFETCH(QString, transport);
        QFETCH(QString, host);
        QFETCH(int, port);
        const Result<NodeUri::Parts> parts = NodeUri::validate(uri);
        QVERIFY2(parts.ok(), qPrintable(parts.ok() ? QString() : parts.error().text()));
        QCOMPARE(parts.value().transport, transport);
        QCOMPARE(parts.value().host, host);
        QCOMPARE(parts.value().port, port);
    }

    void acceptsAnExistingLocalTestFile()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        QVERIFY(NodeUri::validate(QStringLiteral("test://") + file.fileName()).ok());
    }

    void explainsEachMistake_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("spaces") << QStringLiteral("qemu+ssh://my host/system") << QStringLiteral("spaces");
        QTest::newRow("host only") << QStringLiteral("berlin.example") << QStringLiteral("driver");
        QTest::newRow("http") << QStringLiteral("https://berlin.example/") << QStringLiteral("“https”");
        QTest::newRow("xen") << QStringLiteral("xen:///system") << QStringLiteral("“xen”");
        QTest::newRow("two transports") << QStringLiteral("qemu+ssh+tls://h/system") << QStringLiteral("more than one");
        QTest::newRow("bad transport") << QStringLiteral("qemu+telnet://h/system") << QStringLiteral("telnet");
        QTest::newRow("ssh without host") << QStringLiteral("qemu+ssh:///system") << QStringLiteral("needs a host");
        QTest::newRow("user without host") << QStringLiteral("qemu://me@/system") << QStringLiteral("no host");
        QTest::newRow("unix with host") << QStringLiteral("qemu+unix://h/system")
                                        << QStringLiteral("leave out the host");
        QTest::newRow("port zero") << QStringLiteral("qemu+tcp://h:0/system") << QStringLiteral("port");
        QTest::newRow("port too big") << QStringLiteral("qemu+tcp://h:70000/system") << QStringLiteral("port");
        QTest::newRow("empty port") << QStringLiteral("qemu+tcp://h:/system") << QStringLiteral("port");
        QTest::newRow("qemu path") << QStringLiteral("qemu+ssh://h/") << QStringLiteral("/system or /session");
        QTest::newRow("qemu other path") << QStringLiteral("qemu:///root") << QStringLiteral("/system or /session");
        QTest::newRow("test without file") << QStringLiteral("test://") << QStringLiteral("node file");
        QTest::newRow("missing test file")
            << QStringLiteral("test:///no/such/node.xml") << QStringLiteral("/no/such/node.xml");
    }

    void explainsEachMistake()
    {
        QFETCH(QString, uri);
        QFETCH(QString, mentions);
        const Result<NodeUri::Parts> parts = NodeUri::validate(uri);
        QVERIFY2(!parts.ok(), qPrintable(uri));
        QVERIFY2(parts.error().text().contains(mentions), qPrintable(parts.error().text()));
    }

    void takesOnlyHarmlessOptions_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("key file") << QStringLiteral("keyfile=/home/me/.ssh/node");
        QTest::newRow("known hosts") << QStringLiteral("known_hosts=/home/me/.ssh/known_hosts");
        QTest::newRow("host key check") << QStringLiteral("known_hosts_verify=normal");
        QTest::newRow("no tty") << QStringLiteral("no_tty=1");
        QTest::newRow("ssh auth") << QStringLiteral("sshauth=agent,privkey");
        QTest::newRow("mode") << QStringLiteral("mode=direct");
        QTest::newRow("proxy") << QStringLiteral("proxy=native");
        QTest::newRow("pki path") << QStringLiteral("pkipath=/etc/pki/libvirt");
        QTest::newRow("tls priority") << QStringLiteral("tls_priority=NORMAL:-VERS-TLS1.0");
        QTest::newRow("verified") << QStringLiteral("no_verify=0");
        QTest::newRow("several") << QStringLiteral("no_tty=1&keyfile=/k&mode=auto");
    }

    void takesOnlyHarmlessOptions()
    {
        QFETCH(QString, query);
        const Result<NodeUri::Parts> parts = NodeUri::validate(QStringLiteral("qemu+ssh://me@h/system?") + query);
        QVERIFY2(parts.ok(), qPrintable(parts.ok() ? QString() : parts.error().text()));
        QVERIFY(!parts.value().skipsVerification);
    }

    void refusesOptionsThatRunPrograms_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("command") << QStringLiteral("qemu+ssh://h/system?command=/tmp/evil")
                                 << QStringLiteral("“command”");
        QTest::newRow("netcat") << QStringLiteral("qemu+ssh://h/system?netcat=/tmp/evil") << QStringLiteral("“netcat”");
        QTest::newRow("socket over ssh") << QStringLiteral("qemu+ssh://h/system?socket=/run/x")
                                         << QStringLiteral("“socket”");
        QTest::newRow("any case") << QStringLiteral("qemu+ssh://h/system?Command=x") << QStringLiteral("“Command”");
        QTest::newRow("percent-encoded name")
            << QStringLiteral("qemu+ssh://h/system?comm%61nd=x") << QStringLiteral("“command”");
        QTest::newRow("after a semicolon")
            << QStringLiteral("qemu+ssh://h/system?keyfile=/k;netcat=x") << QStringLiteral("“netcat”");
        QTest::newRow("name") << QStringLiteral("qemu+tcp://h/system?name=xen:///") << QStringLiteral("“name”");
        QTest::newRow("unknown") << QStringLiteral("qemu+tls://h/system?frobnicate=1")
                                 << QStringLiteral("“frobnicate”");
        QTest::newRow("ext transport") << QStringLiteral("qemu+ext:///system?command=/tmp/evil")
                                       << QStringLiteral("runs a program");
        QTest::newRow("bad mode") << QStringLiteral("qemu+ssh://h/system?mode=x") << QStringLiteral("“mode”");
        QTest::newRow("bad proxy") << QStringLiteral("qemu+ssh://h/system?proxy=x") << QStringLiteral("“proxy”");
        QTest::newRow("bad ssh auth") << QStringLiteral("qemu+ssh://h/system?sshauth=agent,x")
                                      << QStringLiteral("“sshauth”");
        QTest::newRow("relative key file")
            << QStringLiteral("qemu+ssh://h/system?keyfile=id") << QStringLiteral("full path");
        QTest::newRow("host like an option")
            << QStringLiteral("qemu+ssh://-oProxyCommand=x/system") << QStringLiteral("host");
    }

    void refusesOptionsThatRunPrograms()
    {
        QFETCH(QString, uri);
        QFETCH(QString, mentions);
        const Result<NodeUri::Parts> parts = NodeUri::validate(uri);
        QVERIFY2(!parts.ok(), qPrintable(uri));
        QVERIFY2(parts.error().text().contains(mentions), qPrintable(parts.error().text()));
    }

    void marksAnUnverifiedConnection_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::newRow("tls") << QStringLiteral("qemu+tls://h/system?no_verify=1");
        QTest::newRow("ssh") << QStringLiteral("qemu+ssh://h/system?no_verify=1");
        QTest::newRow("any value but 0") << QStringLiteral("qemu+tls://h/system?NO_VERIFY=yes");
        QTest::newRow("host keys ignored") << QStringLiteral("qemu+libssh://h/system?known_hosts_verify=ignore");
        QTest::newRow("host keys auto") << QStringLiteral("qemu+libssh://h/system?known_hosts_verify=auto");
    }

    void marksAnUnverifiedConnection()
    {
        QFETCH(QString, uri);
        const Result<NodeUri::Parts> parts = NodeUri::validate(uri);
        QVERIFY2(parts.ok(), qPrintable(parts.ok() ? QString() : parts.error().text()));
        QVERIFY(parts.value().skipsVerification);
    }
};

QTEST_GUILESS_MAIN(NodeUriTest)
#include "tst_nodeuri.moc"
