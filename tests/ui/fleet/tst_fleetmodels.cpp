// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "fleet/machinelistmodel.h"
#include "fleet/nodelistmodel.h"
#include "libvirt/libvirthandles.h"
#include "machines/machinefiltermodel.h"
#include "testfleet.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace Flotilla;

// The tests' fleet (tests/data/fleet) opened for real, through libvirt's test
// driver, one session thread per node, and read through the same models the
// window shows.
class FleetModelsTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = 20000;

    static QVariant nodeData(const NodeListModel &model, const QString &id, int role)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row).data(NodeListModel::IdRole).toString() == id) {
                return model.index(row).data(role);
            }
        }
        return {};
    }

    /// Whether @p model's rows run in the collation order of @p role, names breaking ties.
    static bool inOrder(const MachineFilterModel &model, int role)
    {
        for (int row = 1; row < model.rowCount(); ++row) {
            const QModelIndex above = model.index(row - 1, 0);
            const QModelIndex below = model.index(row, 0);
            int order = MachineListModel::collator().compare(above.data(role).toString(), below.data(role).toString());
            if (order == 0) {
                order = MachineListModel::collator().compare(above.data(MachineListModel::NameRole).toString(),
                    below.data(MachineListModel::NameRole).toString());
            }
            if (order > 0) {
                qWarning("rows %d and %d are out of order", row - 1, row);
                return false;
            }
        }
        return true;
    }

    /// The test fleet's five nodes.
    QList<NodeEntry> m_testNodes;

    void addTestNodes(Fleet &fleet) const
    {
        for (const NodeEntry &entry : m_testNodes) {
            fleet.addNode(entry);
        }
    }

    static bool allLoaded(const Fleet &fleet)
    {
        return std::ranges::all_of(fleet.nodes(), [](const Fleet::Node &node) { return node.hasInventory; });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        const Result<QList<NodeEntry>> nodes = Testing::TestFleet::entries();
        QVERIFY2(nodes.ok(), qPrintable(nodes.ok() ? QString() : nodes.error().text()));
        m_testNodes = nodes.value();
    }

    void showsEveryNodeAndMachine()
    {
        Fleet fleet;
        NodeListModel nodes(&fleet);
        MachineListModel machines(&fleet);
        QAbstractItemModelTester nodesTester(&nodes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester machinesTester(&machines, QAbstractItemModelTester::FailureReportingMode::QtTest);
        addTestNodes(fleet);
        QCOMPARE(nodes.rowCount(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(allLoaded(fleet), timeoutMs);

        QCOMPARE(machines.rowCount(), 60);
        const QString helsinki = QStringLiteral("helsinki-rack");
        QCOMPARE(nodeData(nodes, helsinki, NodeListModel::StateRole).toInt(), int(NodeListModel::Connected));
        QCOMPARE(nodeData(nodes, helsinki, NodeListModel::NameRole).toString(), QStringLiteral("Helsinki rented box"));
        QCOMPARE(nodeData(nodes, helsinki, NodeListModel::CityRole).toString(), QStringLiteral("Helsinki"));
        QCOMPARE(nodeData(nodes, helsinki, NodeListModel::CpusRole).toInt(), 32);
        QCOMPARE(nodeData(nodes, helsinki, NodeListModel::MemoryBytesRole).toDouble(), 256.0 * (1ull << 30));
        QCOMPARE(nodeData(nodes, helsinki, NodeListModel::MachineCountRole).toInt(), 18);
        QCOMPARE(nodeData(nodes, helsinki, NodeListModel::RunningCountRole).toInt(), 15);
        QCOMPARE(nodeData(nodes, helsinki, NodeListModel::HypervisorRole).toString(), QStringLiteral("TEST"));
        QVERIFY(nodeData(nodes, helsinki, NodeListModel::ErrorRole).toString().isEmpty());
        // libvirt's test driver gives each pool 100 GiB; the node's volumes fill 48 % of it.
        QCOMPARE(nodeData(nodes, helsinki, NodeListModel::StorageCapacityBytesRole).toDouble(), 100.0 * (1ull << 30));
        QVERIFY(qAbs(nodeData(nodes, helsinki, NodeListModel::StorageUsedBytesRole).toDouble() / (1ull << 30) - 48.0)
            < 0.5);
        QCOMPARE(nodeData(nodes, QStringLiteral("berlin-home"), NodeListModel::RunningCountRole).toInt(), 8);

        // The details pass: disk capacities from the pool, addresses from the leases.
        const auto nextcloud = [&fleet]() -> Machine {
            for (const Machine &machine :
                fleet.nodes().at(fleet.indexOf(QStringLiteral("berlin-home"))).machines.machines()) {
                if (machine.name == QLatin1StringView("nextcloud")) {
                    return machine;
                }
            }
            return {};
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            !nextcloud().disks.isEmpty() && nextcloud().disks.first().capacityBytes > 0, timeoutMs);
        QCOMPARE(nextcloud().disks.size(), 1);
        QCOMPARE(nextcloud().disks.first().source, QStringLiteral("/var/lib/libvirt/images/nextcloud.qcow2"));
        QVERIFY(nextcloud().disks.first().capacityBytes >= 20ull << 30);
        QCOMPARE(nextcloud().metadata.workload, QStringLiteral("files"));
        QCOMPARE(nextcloud().interfaces.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!nextcloud().interfaces.first().addresses.isEmpty(), timeoutMs);

        QMap<int, int> states;
        for (int row = 0; row < machines.rowCount(); ++row) {
            states[machines.index(row).data(MachineListModel::StateRole).toInt()]++;
        }
        QCOMPARE(states.value(MachineListModel::Running), 43);
        QCOMPARE(states.value(MachineListModel::Paused), 3);
        QCOMPARE(states.value(MachineListModel::Off), 13);
        QCOMPARE(states.value(MachineListModel::Crashed), 1);
    }

    void simulatesActivityForTestDriverNodes()
    {
        Fleet fleet;
        fleet.setTickInterval(std::chrono::milliseconds(200));
        NodeListModel nodes(&fleet);
        MachineListModel machines(&fleet);
        fleet.addNode(m_testNodes.at(1)); // Helsinki: 15 running, 1 crashed, 2 off
        // Rates need two ticks; wait for a few.
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().metrics->nodeWindow(600).size() >= 3, timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().simulatedActivity, 2000);
        const Fleet::Node &node = fleet.nodes().first();
        QVERIFY(node.simulatedActivity);
        QCOMPARE(node.machineRates.size(), 15); // running machines only
        for (const MachineRates &rates : node.machineRates) {
            const double cpu = at(rates.rates, Channel::CpuPercent);
            QVERIFY2(cpu >= 0.0 && cpu <= 100.0, qPrintable(QString::number(cpu)));
            QVERIFY(at(rates.rates, Channel::MemoryUsedBytes) > 0);
            QVERIFY(at(rates.rates, Channel::NetReceiveBytesPerSecond) >= 0);
        }
        const double nodeCpu = at(node.rates, Channel::CpuPercent);
        QVERIFY2(nodeCpu > 0.0 && nodeCpu <= 100.0, qPrintable(QString::number(nodeCpu)));
        QVERIFY(at(node.rates, Channel::MemoryUsedBytes) > 0);
        QCOMPARE(node.metrics->machineCount(), 15);
        // What the window shows of it.
        QVERIFY(nodes.index(0).data(NodeListModel::UsageTextRole).toString().startsWith(QStringLiteral("CPU ")));
        QVERIFY(nodes.index(0).data(NodeListModel::SimulatedRole).toBool());
        // The list takes the tick after the fleet does: wait until every running row shows its figure.
        const auto figuresShown = [&machines] {
            for (int row = 0; row < machines.rowCount(); ++row) {
                const bool running
                    = machines.index(row).data(MachineListModel::StateRole).toInt() == MachineListModel::Running;
                if (running && !machines.index(row).data(MachineListModel::CpuTextRole).toString().endsWith(u" %")) {
                    return false;
                }
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(figuresShown(), timeoutMs);
        int withCpu = 0;
        for (int row = 0; row < machines.rowCount(); ++row) {
            const bool running
                = machines.index(row).data(MachineListModel::StateRole).toInt() == MachineListModel::Running;
            const QString cpu = machines.index(row).data(MachineListModel::CpuTextRole).toString();
            QCOMPARE(cpu.endsWith(QStringLiteral(" %")), running);
            withCpu += running;
        }
        QCOMPARE(withCpu, 15);
        const QString uuid = node.machineRates.constBegin().key();
        QVERIFY(node.metrics->machineWindow(uuid, 600).size() >= 2);

        // A machine that stops has no live figures from the next tick on.
        fleet.request(node.entry.id, MachineRequest{.kind = MachineRequest::Kind::ForceOff, .uuid = uuid});
        QTRY_COMPARE_WITH_TIMEOUT(fleet.nodes().first().machineRates.size(), 14, timeoutMs);
        QVERIFY(!fleet.nodes().first().machineRates.contains(uuid));
    }

    void filtersMachinesByNodeAndText()
    {
        Fleet fleet;
        MachineListModel machines(&fleet);
        MachineFilterModel filtered;
        filtered.setSourceModel(&machines);
        QAbstractItemModelTester tester(&filtered, QAbstractItemModelTester::FailureReportingMode::QtTest);
        addTestNodes(fleet);
        QTRY_COMPARE_WITH_TIMEOUT(filtered.rowCount(), 60, timeoutMs);

        filtered.setNodeId(QStringLiteral("helsinki-rack"));
        QCOMPARE(filtered.rowCount(), 18);
        QCOMPARE(filtered.index(0, 0).data(MachineListModel::NameRole).toString(), QStringLiteral("ci-runner-1"));

        filtered.setNodeId({});
        filtered.setSearchText(QStringLiteral("K3S"));
        QCOMPARE(filtered.rowCount(), 7);
        filtered.setSearchText(QStringLiteral("singapore"));
        QCOMPARE(filtered.rowCount(), 8); // matches the node's name
        filtered.setSearchText(QStringLiteral("no such machine"));
        QCOMPARE(filtered.rowCount(), 0);
    }

    void keepsMachinesSortedByLiveCpu()
    {
        Fleet fleet;
        fleet.setTickInterval(std::chrono::milliseconds(200));
        MachineListModel machines(&fleet);
        MachineFilterModel sorted;
        sorted.setSourceModel(&machines);
        sorted.setSortKey(MachineFilterModel::ByCpu);
        sorted.setDescending(true);
        QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        addTestNodes(fleet);
        QTRY_COMPARE_WITH_TIMEOUT(sorted.rowCount(), 60, timeoutMs);
        // Over several ticks, the order follows the figures as they change.
        for (int tick = 0; tick < 5; ++tick) {
            QSignalSpy refreshed(&machines, &MachineListModel::dataChanged); // live figures, once a second
            QVERIFY(refreshed.wait(timeoutMs));
            double previous = INFINITY;
            for (int row = 0; row < sorted.rowCount(); ++row) {
                const double cpu = sorted.index(row, 0).data(MachineListModel::CpuPercentRole).toDouble();
                if (!std::isnan(cpu)) {
                    QVERIFY2(cpu <= previous, qPrintable(QStringLiteral("row %1").arg(row)));
                    previous = cpu;
                }
            }
        }
        QCOMPARE(sorted.uuids().size(), 60);
    }

    void followsMachinesThatChangeWhileSortedAndFiltered()
    {
        Fleet fleet;
        MachineListModel machines(&fleet);
        MachineFilterModel byState; // every machine, grouped by state: a state change moves one row
        byState.setSourceModel(&machines);
        byState.setSortKey(MachineFilterModel::ByState);
        MachineFilterModel running; // a search: a state change shows or hides one row
        running.setSourceModel(&machines);
        running.setSearchText(QStringLiteral("state:running"));
        QAbstractItemModelTester byStateTester(&byState, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester runningTester(&running, QAbstractItemModelTester::FailureReportingMode::QtTest);
        addTestNodes(fleet);
        QTRY_COMPARE_WITH_TIMEOUT(byState.rowCount(), 60, timeoutMs);
        QVERIFY(inOrder(byState, MachineListModel::StateTextRole));
        QVERIFY(inOrder(running, MachineListModel::NameRole));
        const int runningBefore = running.rowCount();
        QVERIFY(runningBefore > 2);
        // Another search shows and hides rows in place, in order.
        running.setSearchText(QStringLiteral("state:off"));
        QVERIFY(running.rowCount() > 0 && running.rowCount() < 60 - runningBefore + 1);
        QVERIFY(inOrder(running, MachineListModel::NameRole));
        running.setSearchText(QStringLiteral("-state:off"));
        QVERIFY(inOrder(running, MachineListModel::NameRole));
        running.setSearchText(QStringLiteral("state:running"));
        QCOMPARE(running.rowCount(), runningBefore);
        QVERIFY(inOrder(running, MachineListModel::NameRole));

        // A persistent index keeps its machine while others move around it.
        const QPersistentModelIndex kept = running.index(runningBefore - 1, 0);
        const QString keptUuid = kept.data(MachineListModel::UuidRole).toString();
        const QString stopped = running.index(0, 0).data(MachineListModel::UuidRole).toString();
        const QString nodeId = machines.nodeIdOf(stopped);
        QVERIFY(fleet.request(nodeId, MachineRequest{.kind = MachineRequest::Kind::ForceOff, .uuid = stopped}) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!running.uuids().contains(stopped), timeoutMs);
        QCOMPARE(running.rowCount(), runningBefore - 1);
        QCOMPARE(kept.data(MachineListModel::UuidRole).toString(), keptUuid);
        QVERIFY(inOrder(byState, MachineListModel::StateTextRole));

        // Tagged, then found by its tag.
        MachineFilterModel tagged;
        tagged.setSourceModel(&machines);
        tagged.setSearchText(QStringLiteral("tag:night-shift"));
        QCOMPARE(tagged.rowCount(), 0);
        MachineMetadata metadata = machines.machine(stopped)->metadata;
        metadata.tags.append(QStringLiteral("night-shift"));
        fleet.request(
            nodeId, MachineRequest{.kind = MachineRequest::Kind::SetMetadata, .uuid = stopped, .metadata = metadata});
        QTRY_COMPARE_WITH_TIMEOUT(tagged.uuids(), QStringList{stopped}, timeoutMs);

        fleet.request(nodeId, MachineRequest{.kind = MachineRequest::Kind::Start, .uuid = stopped});
        QTRY_COMPARE_WITH_TIMEOUT(running.rowCount(), runningBefore, timeoutMs);
        QVERIFY(inOrder(running, MachineListModel::NameRole));
        QCOMPARE(kept.data(MachineListModel::UuidRole).toString(), keptUuid);

        // A node removed takes its rows along; the others stay in order.
        const bool keptOnRemovedNode = machines.nodeIdOf(keptUuid) == nodeId;
        QVERIFY(fleet.removeNode(nodeId));
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::none_of(byState.uuids(),
                                     [&](const QString &uuid) { return machines.nodeIdOf(uuid).isEmpty(); }),
            timeoutMs);
        QCOMPARE(byState.rowCount(), machines.rowCount());
        QVERIFY(byState.rowCount() < 60);
        QVERIFY(inOrder(byState, MachineListModel::StateTextRole));
        QVERIFY(inOrder(running, MachineListModel::NameRole));
        QCOMPARE(tagged.rowCount(), 0);
        QCOMPARE(kept.isValid(), !keptOnRemovedNode);
        if (!keptOnRemovedNode) {
            QCOMPARE(kept.data(MachineListModel::UuidRole).toString(), keptUuid);
        }
    }

    void retriesANodeThatCannotBeOpened()
    {
        Fleet fleet;
        NodeListModel nodes(&fleet);
        fleet.addNode(NodeEntry{.id = QStringLiteral("gone"),
            .name = QStringLiteral("Gone"),
            .uri = QStringLiteral("test:///no/such/node.xml")});
        QTRY_COMPARE_WITH_TIMEOUT(
            nodes.index(0).data(NodeListModel::StateRole).toInt(), int(NodeListModel::Reconnecting), timeoutMs);
        QVERIFY(nodes.index(0)
                .data(NodeListModel::ErrorRole)
                .toString()
                .contains(QStringLiteral("test:///no/such/node.xml")));
        QVERIFY(nodes.index(0)
                .data(NodeListModel::ErrorDetailsRole)
                .toString()
                .contains(QStringLiteral("/no/such/node.xml")));
        QVERIFY(
            nodes.index(0).data(NodeListModel::StateTextRole).toString().startsWith(QStringLiteral("Reconnecting in")));
        QVERIFY(fleet.nodes().first().status.nextAttempt > QDateTime::currentDateTimeUtc());
        QCOMPARE(nodes.index(0).data(NodeListModel::LoadedRole).toBool(), false);
    }

    void asksForCredentials_data()
    {
        QTest::addColumn<QString>("password"); // empty: the person declines
        QTest::addColumn<int>("state");
        QTest::newRow("right") << QStringLiteral("correct horse") << int(NodeState::Connected);
        QTest::newRow("wrong") << QStringLiteral("battery staple") << int(NodeState::Disconnected);
        QTest::newRow("declined") << QString() << int(NodeState::Disconnected);
    }

    void asksForCredentials()
    {
        QFETCH(QString, password);
        QFETCH(int, state);
        Fleet fleet;
        fleet.credentials()->setUseKeyring(false); // no desktop keyring here
        QList<CredentialPrompt> asked;
        QString askedUri;
        connect(fleet.credentials(), &CredentialBroker::requested, this, [&](const CredentialRequest &request) {
            askedUri = request.uri;
            asked += request.prompts;
            if (password.isEmpty()) {
                fleet.credentials()->decline(request.id);
                return;
            }
            QStringList answers;
            for (const CredentialPrompt &prompt : request.prompts) {
                answers.append(prompt.isUserName ? QStringLiteral("fred") : password);
            }
            fleet.credentials()->answer(request.id, answers, false);
        });
        const QString uri = QStringLiteral("test://") + QFINDTESTDATA("../data/auth-node.xml");
        fleet.addNode(NodeEntry{.id = QStringLiteral("locked"), .name = QStringLiteral("Locked"), .uri = uri});
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().status.state == NodeState(state) && !asked.isEmpty(), timeoutMs);
        QCOMPARE(askedUri, uri);
        QVERIFY(asked.first().isUserName && !asked.first().secret);
        if (!password.isEmpty()) {
            QCOMPARE(asked.size(), 2); // the test driver asks for the user, then the password
            QVERIFY(asked.last().secret);
        }
        if (NodeState(state) == NodeState::Disconnected) {
            QVERIFY2(fleet.nodes().first().status.error.details.contains(QStringLiteral("authentication")),
                qPrintable(fleet.nodes().first().status.error.text()));
            QVERIFY(!fleet.nodes().first().status.nextAttempt.isValid()); // not retried behind the person's back
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().hasInventory, timeoutMs);
        }
    }

    void releasesASessionWaitingForAnswersOnExit()
    {
        auto fleet = std::make_unique<Fleet>();
        fleet->credentials()->setUseKeyring(false);
        bool asked = false;
        connect(fleet->credentials(), &CredentialBroker::requested, this, [&asked] { asked = true; });
        fleet->addNode(NodeEntry{.id = QStringLiteral("locked"),
            .name = QStringLiteral("Locked"),
            .uri = QStringLiteral("test://") + QFINDTESTDATA("../data/auth-node.xml")});
        QTRY_VERIFY_WITH_TIMEOUT(asked, timeoutMs);
        QElapsedTimer clock;
        clock.start();
        fleet.reset(); // nobody answers; closing must not wait for the person
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_MAIN(FleetModelsTest)
#include "tst_fleetmodels.moc"
