// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "libvirt/credentialaccess.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "libvirtevents.h"
#include "session/nodesession.h"

#include <KLocalizedString>

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <libvirt/virterror.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <thread>

using namespace Flotilla;
using namespace std::chrono_literals;
using Kind = MachineRequest::Kind;

namespace
{
constexpr int timeoutMs = 20000;
const QString defaultNode = QStringLiteral("test:///default"); // one per process, shared by its connections

/// A NodeSession on a thread of its own, as Fleet runs one, and what it
/// published, applied on the test's thread.
class RunningSession
{
public:
    explicit RunningSession(const QString &uri, NodeReading reading = {}, CredentialBroker *credentials = nullptr)
        : session(new NodeSession(uri, std::make_shared<MetricsStore>(), credentials, 1h))
    {
        session->setReading(std::move(reading));
        session->moveToThread(&thread);
        QObject::connect(session, &NodeSession::statusChanged, &receiver,
            [this](const NodeStatus &status) { statuses.append(status); });
        QObject::connect(session, &NodeSession::inventoryChanged, &receiver, [this](const InventoryChange &change) {
            machines.apply(change);
            complete += change.complete ? 1 : 0;
            facts = change.facts.value_or(facts);
            pools = change.pools.value_or(pools);
            poolsStale = change.poolsStale.value_or(poolsStale);
            networksStale = change.networksStale.value_or(networksStale);
        });
        QObject::connect(session, &NodeSession::ticked, &receiver, [this] { ++ticks; });
        QObject::connect(session, &NodeSession::requestFinished, &receiver,
            [this](const MachineRequestResult &result) { results.append(result); });
        thread.start();
    }

    ~RunningSession()
    {
        QMetaObject::invokeMethod(session, [session = session] {
            session->shutdown();
            session->deleteLater();
            QThread::currentThread()->quit();
        });
        thread.wait();
    }

    template<typename Work>
    void call(Work work)
    {
        QMetaObject::invokeMethod(session, std::move(work), Qt::QueuedConnection);
    }

    /// Waits until the session has handled everything posted to it so far,
    /// and this thread what the session sent meanwhile.
    [[nodiscard]] bool flush()
    {
        std::atomic<bool> reached = false;
        call([&reached] { reached = true; });
        if (!QTest::qWaitFor([&reached] { return reached.load(); }, timeoutMs)) {
            return false;
        }
        QCoreApplication::processEvents(); // what the session emitted before the marker
        return true;
    }

    [[nodiscard]] NodeState state() const { return statuses.isEmpty() ? NodeState::Connecting : statuses.last().state; }
    [[nodiscard]] bool sawState(NodeState state) const
    {
        return std::ranges::any_of(statuses, [state](const NodeStatus &status) { return status.state == state; });
    }
    [[nodiscard]] const Machine *machine(const QString &name) const
    {
        for (const Machine &machine : machines.machines()) {
            if (machine.name == name) {
                return &machine;
            }
        }
        return nullptr;
    }
    [[nodiscard]] MachineState stateOf(const QString &name) const
    {
        const Machine *found = machine(name);
        return found ? found->state : MachineState::Unknown;
    }

    QThread thread;
    NodeSession *session;
    QObject receiver; // on the test's thread
    QList<NodeStatus> statuses;
    MachineSet machines;
    int complete = 0;
    int ticks = 0;
    NodeFacts facts;
    QList<StoragePool> pools;
    bool poolsStale = false;
    bool networksStale = false;
    QList<MachineRequestResult> results;
};

void noteClosed(virConnectPtr, int, void *opaque)
{
    *static_cast<std::atomic<bool> *>(opaque) = true;
}

const QByteArray spareXml = "<domain type='test'><name>spare</name><memory unit='MiB'>128</memory>"
                            "<vcpu>1</vcpu><os><type>hvm</type></os></domain>";
} // namespace

// The faults of a node's session, each shown as a person would meet it:
// a change lost for good, a disconnect that does not hold, a stale close
// that kills a new connection, an opening that hangs, an exit that waits
// and crashes, pools wiped by one failed read, requests never answered,
// a big node called slow.
class SessionFaultsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        (void)KLocalizedString::languages(); // KI18n sets itself up here, not on a session's thread
    }

    // The connection drops in the middle of re-reading a batch of touched
    // machines: what was read is published after reconnecting, not lost.
    void aBatchCutShortIsPublishedAfterReconnecting()
    {
        Libvirt::Connection control(virConnectOpen(defaultNode.toUtf8().constData()));
        QVERIFY(control);
        Libvirt::Domain spare(virDomainDefineXML(control.get(), spareXml.constData()));
        QVERIFY(spare);
        const auto cleanUp = qScopeGuard([&] {
            virDomainDestroy(spare.get());
            virDomainUndefine(spare.get());
            Libvirt::Domain test(virDomainLookupByName(control.get(), "test"));
            virDomainResume(test.get());
            virResetLastError();
        });

        // Armed, the first machine read works and the second finds the connection broken.
        std::atomic<bool> armed = false;
        std::atomic<int> reads = 0;
        std::atomic<bool> broken = false;
        NodeReading reading;
        reading.facts = [&broken](virConnectPtr connection) {
            broken = false; // a full reading comes through a new connection
            return InventoryReader::readFacts(connection);
        };
        reading.machine = [&](virConnectPtr connection, const QString &uuid, Libvirt::MachineTouch touch,
                              const Machine *known, virDomainPtr domain) -> Result<Machine> {
            if (armed && ++reads == 2) {
                armed = false;
                broken = true;
                return Error{.message = QStringLiteral("the connection broke"), .code = VIR_ERR_SYSTEM_ERROR};
            }
            return InventoryReader::readMachine(connection, uuid, touch, known, domain);
        };
        reading.isAlive = [&broken](virConnectPtr connection) { return !broken && virConnectIsAlive(connection) == 1; };
        RunningSession running(defaultNode, reading);
        running.call([session = running.session] { session->open(); });
        QTRY_VERIFY_WITH_TIMEOUT(running.complete > 0 && running.machine(QStringLiteral("spare")), timeoutMs);
        const QString testUuid = running.machine(QStringLiteral("test"))->uuid;
        const QString spareUuid = running.machine(QStringLiteral("spare"))->uuid;

        // Both requests are handled in one turn of the session, so both
        // machines are re-read in one batch.
        QSemaphore gate;
        running.call([&gate] { gate.acquire(); });
        running.call([session = running.session, testUuid] {
            session->perform(1, MachineRequest{.kind = Kind::Pause, .uuid = testUuid});
        });
        running.call([session = running.session, spareUuid] {
            session->perform(2, MachineRequest{.kind = Kind::Start, .uuid = spareUuid});
        });
        armed = true;
        gate.release();

        QTRY_VERIFY_WITH_TIMEOUT(running.sawState(NodeState::Reconnecting), timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(running.state(), NodeState::Connected, timeoutMs);
        QVERIFY(running.flush());
        QCOMPARE(running.results.size(), qsizetype(2));
        QCOMPARE(running.stateOf(QStringLiteral("test")), MachineState::Paused);
        QCOMPARE(running.stateOf(QStringLiteral("spare")), MachineState::Running);
    }

    // Disconnect while a reconnect waits: the node stays disconnected.
    void disconnectHoldsWhileAReconnectWaits()
    {
        Fleet fleet;
        fleet.addNode(NodeEntry{.id = QStringLiteral("gone"),
            .name = QStringLiteral("Gone"),
            .uri = QStringLiteral("test:///no/such/node.xml")});
        const auto status = [&fleet] { return fleet.nodes().first().status; };
        QTRY_COMPARE_WITH_TIMEOUT(status().state, NodeState::Reconnecting, timeoutMs);
        const QDateTime nextAttempt = status().nextAttempt;
        QVERIFY(nextAttempt.isValid());
        fleet.disconnectNode(QStringLiteral("gone"));
        QTRY_COMPARE_WITH_TIMEOUT(status().state, NodeState::Disconnected, timeoutMs);
        // Past the moment the reconnect was due (and a margin), nothing has moved.
        const qint64 beyond = QDateTime::currentDateTimeUtc().msecsTo(nextAttempt) + 1500;
        QVERIFY(!QTest::qWaitFor([&] { return status().state != NodeState::Disconnected; }, int(beyond)));
    }

    // After "Reconnect now", the close callback of the old connection must
    // not drop the new one.
    void aStaleCloseLeavesTheNewConnection()
    {
        Testing::LibvirtDaemon daemon;
        QVERIFY(daemon.start().ok());
        RunningSession running(daemon.uri());
        running.call([session = running.session] { session->open(); });
        QTRY_VERIFY_WITH_TIMEOUT(running.complete > 0, timeoutMs);

        // A connection of the test's own hears the daemon go as the session's does.
        Libvirt::Connection control(virConnectOpen(daemon.uri().toUtf8().constData()));
        QVERIFY(control);
        std::atomic<bool> controlClosed = false;
        QCOMPARE(virConnectRegisterCloseCallback(control.get(), noteClosed, &controlClosed, nullptr), 0);

        // The session is held while the old connection's close is posted
        // behind "Reconnect now".
        QSemaphore gate;
        running.call([&gate] { gate.acquire(); });
        running.call([session = running.session] { session->reconnectNow(); });
        daemon.kill();
        QTRY_VERIFY_WITH_TIMEOUT(controlClosed.load(), timeoutMs);
        QVERIFY(Testing::libvirtEventLoopTurned());
        virConnectUnregisterCloseCallback(control.get(), noteClosed);
        control.reset();
        virResetLastError();
        QVERIFY(daemon.start().ok());
        const int before = running.complete;
        gate.release();

        QTRY_VERIFY_WITH_TIMEOUT(running.complete > before, timeoutMs);
        QVERIFY(running.flush());
        QCOMPARE(running.state(), NodeState::Connected);
    }

    // A peer that accepts the connection and never answers: the opening is
    // given up after its time limit, and the session answers meanwhile.
    void anOpeningThatHangsIsGivenUp()
    {
        QTcpServer silent; // accepts, never speaks
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        int accepted = 0;
        connect(&silent, &QTcpServer::newConnection, this, [&silent, &accepted] {
            while (silent.nextPendingConnection()) { // kept open, as children of the server
                ++accepted;
            }
        });
        Fleet fleet;
        fleet.setOpenTimeLimit(1s);
        const QString id = QStringLiteral("silent");
        fleet.addNode(NodeEntry{.id = id,
            .name = QStringLiteral("Silent"),
            .uri = QStringLiteral("test+tcp://127.0.0.1:%1/default").arg(silent.serverPort())});
        QTRY_VERIFY_WITH_TIMEOUT(accepted > 0, timeoutMs);

        // The session is not stuck in the opening: a request is answered at once.
        QSignalSpy finished(&fleet, &Fleet::requestFinished);
        const quint64 request = fleet.request(id, MachineRequest{.kind = Kind::Start, .uuid = QStringLiteral("x")});
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(1).value<MachineRequestResult>().requestId, request);

        const auto status = [&fleet] { return fleet.nodes().first().status; };
        QTRY_COMPARE_WITH_TIMEOUT(status().state, NodeState::Reconnecting, 10000);
        QVERIFY2(status().error.message.contains(QStringLiteral("not answering")), qPrintable(status().error.text()));
        QVERIFY(status().nextAttempt.isValid()); // tried again later, as a lost node is
        // Later tries wait on with the opening libvirt still holds: one
        // waiting thread (and connection) per node, not one per try.
        QTRY_VERIFY_WITH_TIMEOUT(status().attempt >= 3, timeoutMs);
        QCOMPARE(accepted, 1);

        fleet.disconnectNode(id);
        QTRY_COMPARE_WITH_TIMEOUT(status().state, NodeState::Disconnected, 5000);
        // Closing the peer ends libvirt's stuck calls; their late connections are dropped unseen.
    }

    // Quitting with three stopped nodes is quick, and the sessions left
    // behind end cleanly once their calls return.
    void quittingWithStoppedNodesIsQuick()
    {
        std::array<Testing::LibvirtDaemon, 3> daemons;
        auto fleet = std::make_unique<Fleet>();
        fleet->setResyncInterval(1h);
        for (size_t i = 0; i < daemons.size(); ++i) {
            QVERIFY(daemons.at(i).start().ok());
            fleet->addNode(NodeEntry{
                .id = QString::number(i), .name = QStringLiteral("Node %1").arg(i), .uri = daemons.at(i).uri()});
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::all_of(fleet->nodes(), &Fleet::Node::hasInventory), timeoutMs);
        std::vector<std::weak_ptr<MetricsStore>> sessionsHold; // the sessions share each node's metrics
        for (size_t i = 0; i < daemons.size(); ++i) {
            sessionsHold.push_back(fleet->nodes().at(qsizetype(i)).metrics);
            daemons.at(i).pause();
            const QString uuid = fleet->nodes().at(qsizetype(i)).machines.machines().begin()->uuid;
            // The session gets stuck in this call: its daemon does not answer.
            (void)fleet->request(QString::number(i), MachineRequest{.kind = Kind::Pause, .uuid = uuid});
        }

        QElapsedTimer clock;
        clock.start();
        fleet.reset();
        const qint64 quitMs = clock.elapsed();
        qInfo() << "quitting with three stopped nodes took" << quitMs << "ms";
        // One deadline for all workers: waiting per worker would take at
        // least three graces. The bound leaves a whole grace of slack for a
        // loaded machine; how fast quitting is, is the message's figure.
        const qint64 graceMs = Fleet::exitGrace.count();
        QVERIFY2(quitMs < 2 * graceMs, qPrintable(QStringLiteral("quitting took %1 ms").arg(quitMs)));

        // The nodes come back: the calls return, and the sessions left
        // behind close and delete themselves without touching the fleet.
        for (Testing::LibvirtDaemon &daemon : daemons) {
            daemon.resume();
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::all_of(sessionsHold, [](const auto &held) { return held.expired(); }), 40000);
    }

    // A question that comes after the credential broker has gone is declined.
    void aLateQuestionFindsNoBroker()
    {
        auto broker = std::make_unique<CredentialBroker>();
        broker->setUseKeyring(false);
        const std::shared_ptr<CredentialAccess> access = broker->access();
        const QString uri = QStringLiteral("test://") + QFINDTESTDATA("../data/auth-node.xml");
        RunningSession running(uri, {}, broker.get());
        broker.reset(); // the fleet has gone; the session has not
        QVERIFY(!access->ask(uri, {CredentialPrompt{.text = QStringLiteral("user"), .isUserName = true}}));
        running.call([session = running.session] { session->open(); });
        QTRY_COMPARE_WITH_TIMEOUT(running.state(), NodeState::Disconnected, timeoutMs); // declined: no answer
    }

    // A failed pool or network read keeps the last known lists, marked stale.
    void aFailedPartsReadKeepsTheLastKnown()
    {
        std::atomic<bool> failing = false;
        std::atomic<int> failedReads = 0;
        NodeReading reading;
        reading.pools = [&](virConnectPtr connection) -> Result<QList<StoragePool>> {
            if (failing) {
                ++failedReads;
                return Error{.message = QStringLiteral("Could not list the storage pools")};
            }
            return InventoryReader::readPools(connection);
        };
        reading.networks = [&](virConnectPtr connection) -> Result<QList<VirtualNetwork>> {
            if (failing) {
                return Error{.message = QStringLiteral("Could not list the networks")};
            }
            return InventoryReader::readNetworks(connection);
        };
        RunningSession running(defaultNode, reading);
        running.call([session = running.session] { session->open(); });
        QTRY_VERIFY_WITH_TIMEOUT(running.complete > 0 && !running.pools.isEmpty(), timeoutMs);
        const QList<StoragePool> known = running.pools;

        Libvirt::Connection control(virConnectOpen(defaultNode.toUtf8().constData()));
        QVERIFY(control);
        const auto refreshPools = [&control] {
            virStoragePoolPtr *raw = nullptr;
            const int count = virConnectListAllStoragePools(control.get(), &raw, 0);
            for (const Libvirt::Pool &pool : Libvirt::adoptList<Libvirt::Pool>(raw, count)) {
                virStoragePoolRefresh(pool.get(), 0); // a refresh event: the session re-reads pools and networks
            }
        };
        failing = true;
        refreshPools();
        QTRY_VERIFY_WITH_TIMEOUT(failedReads > 0, timeoutMs);
        QVERIFY(running.flush());
        QCOMPARE(running.pools, known);
        QVERIFY(running.poolsStale);
        QVERIFY(running.networksStale);
        QCOMPARE(running.state(), NodeState::Connected);

        failing = false;
        refreshPools();
        QTRY_VERIFY_WITH_TIMEOUT(!running.poolsStale && !running.networksStale, timeoutMs);
        QCOMPARE(running.pools, known);
    }

    // A node slow to say its own name (its DNS is slow) holds up neither
    // the machines nor the ticks; the name follows when it comes.
    void aSlowHostnameHoldsNothingUp()
    {
        auto answer = std::make_shared<QSemaphore>();
        NodeReading reading;
        reading.hostname = [answer](virConnectPtr) {
            answer->tryAcquire(1, timeoutMs); // the test lets it go
            return QStringLiteral("slow.example");
        };
        RunningSession running(defaultNode, reading);
        running.call([session = running.session] { session->open(); });
        QTRY_VERIFY_WITH_TIMEOUT(running.complete > 0, timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(running.ticks >= 2, timeoutMs);
        QVERIFY(running.facts.cpus > 0);
        QVERIFY(running.facts.hostname.isEmpty());
        answer->release();
        QTRY_COMPARE_WITH_TIMEOUT(running.facts.hostname, QStringLiteral("slow.example"), timeoutMs);
        QCOMPARE(running.complete, 1);
    }

    // The addresses are asked for when a machine comes or starts; a paused
    // machine keeps its lease, and one that stopped has none.
    void addressesFollowWhatAMachineDoes()
    {
        Libvirt::Connection control(virConnectOpen(defaultNode.toUtf8().constData()));
        Libvirt::Domain test(virDomainLookupByName(control.get(), "test"));
        QVERIFY(test);
        const auto addresses = [](const Machine *machine) {
            return machine && !machine->interfaces.isEmpty() ? machine->interfaces.first().addresses : QStringList();
        };
        RunningSession running(defaultNode);
        running.call([session = running.session] { session->open(); });
        QTRY_VERIFY_WITH_TIMEOUT(!addresses(running.machine(QStringLiteral("test"))).isEmpty(), timeoutMs);
        const QString uuid = running.machine(QStringLiteral("test"))->uuid;
        const auto send = [&](Kind kind) {
            running.call([session = running.session, kind, uuid] {
                session->perform(1, MachineRequest{.kind = kind, .uuid = uuid});
            });
        };

        send(Kind::Pause);
        QTRY_COMPARE_WITH_TIMEOUT(running.stateOf(QStringLiteral("test")), MachineState::Paused, timeoutMs);
        QVERIFY(running.flush());
        QVERIFY(!addresses(running.machine(QStringLiteral("test"))).isEmpty());
        send(Kind::ForceOff);
        QTRY_COMPARE_WITH_TIMEOUT(running.stateOf(QStringLiteral("test")), MachineState::Off, timeoutMs);
        QVERIFY(running.flush());
        QVERIFY(addresses(running.machine(QStringLiteral("test"))).isEmpty());
        send(Kind::Start);
        QTRY_VERIFY_WITH_TIMEOUT(!addresses(running.machine(QStringLiteral("test"))).isEmpty(), timeoutMs);
    }

    // Every request ends with a result.
    void aRequestForNoNodeIsAnswered()
    {
        Fleet fleet;
        QSignalSpy finished(&fleet, &Fleet::requestFinished);
        const quint64 id = fleet.request(QStringLiteral("nowhere"), MachineRequest{.kind = Kind::Start});
        QVERIFY(id > 0);
        QVERIFY(finished.wait(5000));
        const auto result = finished.first().at(1).value<MachineRequestResult>();
        QCOMPARE(result.requestId, id);
        QVERIFY(!result.error.isEmpty());
    }

    void aRequestToARemovedNodeIsAnswered()
    {
        Testing::LibvirtDaemon daemon;
        QVERIFY(daemon.start().ok());
        Fleet fleet;
        fleet.setResyncInterval(1h);
        const QString id = QStringLiteral("stopped");
        fleet.addNode(NodeEntry{.id = id, .name = QStringLiteral("Stopped"), .uri = daemon.uri()});
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().hasInventory, timeoutMs);
        const QString uuid = fleet.nodes().first().machines.machines().begin()->uuid;
        daemon.pause(); // the request hangs in its session
        QSignalSpy finished(&fleet, &Fleet::requestFinished);
        const quint64 request = fleet.request(id, MachineRequest{.kind = Kind::Pause, .uuid = uuid});
        QVERIFY(fleet.removeNode(id));
        QVERIFY(finished.wait(5000));
        const auto result = finished.first().at(1).value<MachineRequestResult>();
        QCOMPARE(result.requestId, request);
        QVERIFY2(result.error.details.contains(QStringLiteral("removed")), qPrintable(result.error.text()));
        daemon.resume();
    }

    // A big node's full reading is long because it is big: per call it is
    // quick, and the node is not called slow. A node whose call is slow is.
    void aBigHealthyNodeIsNotSlow_data()
    {
        QTest::addColumn<int>("machines");
        QTest::addColumn<bool>("slow");
        QTest::newRow("3000 machines in 2.1 s") << 3000 << false;
        QTest::newRow("a few machines in 2.1 s") << 0 << true;
    }

    void aBigHealthyNodeIsNotSlow()
    {
        QFETCH(int, machines);
        QFETCH(bool, slow);
        NodeReading reading;
        reading.machines = [machines](virConnectPtr connection, const QHash<QString, Machine> &known,
                               InventoryReader::Definitions definitions) -> Result<QList<Machine>> {
            Result<QList<Machine>> read = InventoryReader::readMachines(connection, known, definitions);
            if (!read) {
                return read;
            }
            QList<Machine> all = std::move(read).value();
            for (int i = 0; i < machines; ++i) {
                all.append(Machine{.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
                    .name = QStringLiteral("big-%1").arg(i)});
            }
            std::this_thread::sleep_for(2100ms); // the node's round of calls takes this long
            return all;
        };
        RunningSession running(defaultNode, reading);
        running.call([session = running.session] { session->open(); });
        QTRY_VERIFY_WITH_TIMEOUT(running.complete > 0, timeoutMs);
        QVERIFY(running.flush());
        QCOMPARE(running.sawState(NodeState::Degraded), slow);
    }
};

QTEST_MAIN(SessionFaultsTest)
#include "tst_sessionfaults.moc"
