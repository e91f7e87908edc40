// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/libvirthandles.h"
#include "session/nodeprobe.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Flotilla;

namespace
{
/// What a probe reported, and how often.
struct Reports {
    explicit Reports(NodeProbe *probe)
    {
        QObject::connect(probe, &NodeProbe::finished, probe, [this](const Result<ProbeFindings> &result) {
            last = result;
            ++count;
        });
    }
    bool wait(int ms = 10000)
    {
        return QTest::qWaitFor([this] { return count > 0; }, ms);
    }
    std::optional<Result<ProbeFindings>> last;
    int count = 0;
};
} // namespace

// "Test connection" against libvirt's test driver, a missing node file, and
// a node that accepts the connection but never answers.
class NodeProbeTest : public QObject
{
    Q_OBJECT

    /// A peer that accepts connections and never answers, for as long as the
    /// process lives. It never hangs up: libvirt 11.3 leaks the client of a
    /// connection whose peer hangs up while it is still being opened (its
    /// client, keepalive and programs refer to each other), which the
    /// sanitizer run would report. The probes' threads wait on it to the end.
    static QTcpServer *silentPeer()
    {
        static QTcpServer *const peer = [] {
            auto *server = new QTcpServer; // kept to the end on purpose
            server->listen(QHostAddress::LocalHost);
            return server;
        }();
        return peer;
    }

private Q_SLOTS:
    void initTestCase() { Libvirt::initialize(); }

    void findsTheTestDriversNode()
    {
        CredentialBroker credentials;
        credentials.setUseKeyring(false);
        NodeProbe probe(&credentials);
        Reports finished(&probe);
        probe.start(QStringLiteral("test:///default"));
        QVERIFY(probe.isRunning());
        QVERIFY(finished.wait());
        QVERIFY(!probe.isRunning());
        const Result<ProbeFindings> result = *finished.last;
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().text()));
        QVERIFY(!result.value().facts.hostname.isEmpty());
        QCOMPARE(result.value().facts.hypervisor, QStringLiteral("TEST"));
        QVERIFY(result.value().facts.cpus > 0);
        QVERIFY(result.value().facts.memoryBytes > 0);
        QVERIFY(!result.value().facts.libvirtVersion.isEmpty());
        QCOMPARE(result.value().machines, 1); // test:///default holds one machine, "test"
    }

    void asksForCredentialsThroughTheBroker()
    {
        CredentialBroker credentials;
        credentials.setUseKeyring(false);
        QStringList asked;
        connect(&credentials, &CredentialBroker::requested, this, [&](const CredentialRequest &request) {
            QStringList answers;
            for (const CredentialPrompt &prompt : request.prompts) {
                asked.append(prompt.text);
                answers.append(prompt.isUserName ? QStringLiteral("fred") : QStringLiteral("correct horse"));
            }
            credentials.answer(request.id, answers, false);
        });
        NodeProbe probe(&credentials);
        Reports finished(&probe);
        probe.start(QStringLiteral("test://") + QFINDTESTDATA("../data/auth-node.xml"));
        QVERIFY(finished.wait());
        QVERIFY2(finished.last->ok(), qPrintable(finished.last->ok() ? QString() : finished.last->error().text()));
        QCOMPARE(finished.last->value().facts.cpus, 2);
        QVERIFY(!asked.isEmpty()); // the person was asked, through the same broker as sessions
    }

    void reportsLibvirtsError()
    {
        NodeProbe probe(nullptr);
        Reports finished(&probe);
        probe.start(QStringLiteral("test:///nonexistent/node.xml"));
        QVERIFY(finished.wait());
        const Result<ProbeFindings> result = *finished.last;
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("test:///nonexistent/node.xml")),
            qPrintable(result.error().message));
        QVERIFY2(!result.error().details.isEmpty(), "libvirt's own words come as details");
        QVERIFY(result.error().code != 0);
    }

    void aNodeThatHangsTimesOutWithoutBlocking()
    {
        QTcpServer &silent = *silentPeer(); // accepts connections (the kernel does) and never says a word
        QVERIFY(silent.isListening());
        NodeProbe probe(nullptr);
        Reports finished(&probe);
        QElapsedTimer clock;
        clock.start();
        probe.start(QStringLiteral("test+tcp://127.0.0.1:%1/default").arg(silent.serverPort()),
            std::chrono::milliseconds(1500));
        QVERIFY(clock.elapsed() < 1000); // start() does not wait for the 1.5 s limit
        QVERIFY(finished.wait());
        QVERIFY(clock.elapsed() >= 1400);
        const Result<ProbeFindings> result = *finished.last;
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("did not answer")), qPrintable(result.error().text()));
        QVERIFY2(result.error().details.contains(QStringLiteral("2 seconds"))
                || result.error().details.contains(QStringLiteral("1 second")),
            qPrintable(result.error().details));
    }

    void aCancelledTestReportsNothing()
    {
        QTcpServer &silent = *silentPeer();
        QVERIFY(silent.isListening());
        NodeProbe probe(nullptr);
        Reports finished(&probe);
        QSignalSpy reported(&probe, &NodeProbe::finished);
        QSignalSpy called(&silent, &QTcpServer::newConnection);
        probe.start(
            QStringLiteral("test+tcp://127.0.0.1:%1/default").arg(silent.serverPort()), std::chrono::milliseconds(500));
        probe.cancel();
        QVERIFY(!probe.isRunning());
        QVERIFY(called.count() > 0 || called.wait());
        // The time limit is not reported. Nothing to wait for but time here:
        // twice the time limit.
        QVERIFY(!reported.wait(1000));
        QCOMPARE(finished.count, 0);
        // A new test after a cancelled one reports its own result only.
        probe.start(QStringLiteral("test:///default"));
        QVERIFY(finished.wait());
        QCOMPARE(finished.count, 1);
        QVERIFY(finished.last->ok());
    }
};

QTEST_GUILESS_MAIN(NodeProbeTest)
#include "tst_nodeprobe.moc"
