// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "provisioning/imagelibrary.h"
#include "provisioning/nodevolumes.h"
#include "workloads/clusterdeployment.h"
#include "workloads/fleetautoscaler.h"
#include "workloads/fleetworkloads.h"
#include "workloads/workloadchange.h"
#include "workloads/workloadsecrets.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <vector>

using namespace Flotilla;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace
{
constexpr int timeoutMs = 60000;
constexpr quint64 GiB = 1ULL << 30;
const QString pool = u"default-pool"_s; ///< the test driver's own
const QString image = u"web-base.qcow2"_s;
/// Five nodes in four countries: Finland has two.
const std::pair<const char *, const char *> places[]
    = {{"Helsinki", "FI"}, {"Tampere", "FI"}, {"Frankfurt", "DE"}, {"Toronto", "CA"}, {"Tokyo", "JP"}};
constexpr int nodeCount = 5;

MachineTemplate webTemplate()
{
    return MachineTemplate{.name = u"web"_s,
        .image = image,
        .vcpus = 1,
        .maxVcpus = 2,
        .memoryMiB = 128,
        .maxMemoryMiB = 256,
        .rootGiB = 4,
        .dataGiB = 1,
        .setup = {.packages = {u"nginx"_s}}};
}

QHash<QString, int> perNode(const Workload &workload)
{
    QHash<QString, int> counts;
    for (const Replica &replica : workload.replicas) {
        ++counts[replica.nodeId];
    }
    return counts;
}
} // namespace

// Workloads deployed, scaled and replaced on five test-driver nodes, each
// behind a libvirtd of its own on loopback (as a real fleet's nodes are):
// their replicas really are made and removed on the nodes, and a second
// Flotilla sees the same workloads from what the replicas carry.
class WorkloadDeployTest : public QObject
{
    Q_OBJECT

    std::vector<std::unique_ptr<Testing::LibvirtDaemon>> m_daemons;
    /// The test's own connections: a test driver's "/default" lives while one is open.
    std::vector<Libvirt::Connection> m_keepers;
    std::unique_ptr<Fleet> m_fleet;

    static QString nodeId(int i) { return u"node-%1"_s.arg(i); }

    /// Waits until every node of @p fleet is read, with its stock.
    static bool connect(Fleet &fleet)
    {
        const bool read = QTest::qWaitFor(
            [&] {
                return std::ranges::all_of(fleet.nodes(),
                    [](const Fleet::Node &node) { return isUp(node.status.state) && node.hasInventory; });
            },
            timeoutMs);
        for (const Fleet::Node &node : fleet.nodes()) {
            fleet.readStock(node.entry.id);
        }
        return read
            && QTest::qWaitFor(
                [&] {
                    return std::ranges::all_of(fleet.nodes(), [](const Fleet::Node &node) { return node.hasStock; });
                },
                timeoutMs);
    }

    std::unique_ptr<Fleet> startFleet()
    {
        auto fleet = std::make_unique<Fleet>();
        fleet->setResyncInterval(1h);
        for (int i = 0; i < nodeCount; ++i) {
            fleet->addNode(NodeEntry{.id = nodeId(i),
                .name = QString::fromLatin1(places[i].first),
                .uri = m_daemons.at(size_t(i))->uri(),
                .location = {.city = QString::fromLatin1(places[i].first),
                    .countryCode = QString::fromLatin1(places[i].second)}});
        }
        return fleet;
    }

    /// Runs @p change to its end.
    static bool run(WorkloadChange &change)
    {
        QSignalSpy finished(&change, &WorkloadChange::finished);
        change.start();
        return change.isFinished() || finished.wait(timeoutMs);
    }

    /// The workload of @p id in the fleet's picture, once it shows @p replicas replicas holding @p policyReplicas.
    std::optional<Workload> settled(const Fleet &fleet, const QString &id, int replicas, int policyReplicas)
    {
        std::optional<Workload> found;
        std::ignore = QTest::qWaitFor( // the caller checks what it found
            [&] {
                found.reset();
                for (const Workload &workload : FleetWorkloads::gather(fleet)) {
                    if (workload.id == id) {
                        found = workload;
                    }
                }
                return found && found->replicas.size() == replicas && found->policy.replicas == policyReplicas
                    && found->disagreements.isEmpty();
            },
            timeoutMs);
        return found;
    }

    /// The names of the machines and volumes on node @p i whose names begin with @p prefix, read by the test itself.
    QStringList onNode(int i, const QString &prefix)
    {
        QStringList names;
        virConnectPtr connection = m_keepers.at(size_t(i)).get();
        virDomainPtr *domains = nullptr;
        const int count = virConnectListAllDomains(connection, &domains, 0);
        for (int d = 0; d < count; ++d) {
            const QString name = QString::fromUtf8(virDomainGetName(domains[d]));
            if (name.startsWith(prefix)) {
                names.append(name);
            }
            virDomainFree(domains[d]);
        }
        free(domains); // NOLINT(cppcoreguidelines-no-malloc): libvirt's allocation
        const Result<QList<NodeVolume>> volumes = ImageLibrary::readVolumes(connection);
        for (const NodeVolume &volume : volumes.value()) {
            if (volume.name.startsWith(prefix) && volume.name != image) {
                names.append(volume.pool + u'/' + volume.name);
            }
        }
        names.sort();
        return names;
    }

    QStringList onNodes(const QString &prefix)
    {
        QStringList names;
        for (int i = 0; i < nodeCount; ++i) {
            names.append(onNode(i, prefix));
        }
        return names;
    }

    /// Fills node @p i's pool to 5 GiB short of full: too little for a replica with a 10 GiB data disk.
    Libvirt::Volume fillPool(int i)
    {
        const Libvirt::Pool held(virStoragePoolLookupByName(m_keepers.at(size_t(i)).get(), pool.toUtf8().constData()));
        virStoragePoolInfo info{};
        if (!held || virStoragePoolGetInfo(held.get(), &info) < 0 || info.available < 6 * GiB) {
            return Libvirt::Volume(nullptr);
        }
        const QByteArray filler = QStringLiteral("<volume><name>filler-%1.raw</name><capacity unit='B'>%2</capacity>"
                                                 "<allocation unit='B'>%2</allocation><target><format type='raw'/>"
                                                 "</target></volume>")
                                      .arg(i)
                                      .arg(info.available - 5 * GiB)
                                      .toUtf8();
        return Libvirt::Volume(virStorageVolCreateXML(held.get(), filler.constData(), 0));
    }

    /// The secret @p name as the keyring holds it, or what is wrong.
    static Result<QString> secret(const QString &name)
    {
        SecretKeeper keeper;
        std::optional<Result<QHash<QString, QString>>> found;
        keeper.find({name}, [&found](const Result<QHash<QString, QString>> &result) { found = result; });
        if (!QTest::qWaitFor([&found] { return found.has_value(); }, timeoutMs)) {
            return Error{.message = u"the keyring did not answer"_s};
        }
        if (!*found) {
            return found->error();
        }
        return found->value().value(name);
    }

    /// Removes every replica of the workloads named in @p ids, with their data.
    bool removeAll(const QStringList &ids)
    {
        QList<Replica> replicas;
        for (const Workload &workload : FleetWorkloads::gather(*m_fleet)) {
            replicas += ids.contains(workload.id) ? workload.replicas : QList<Replica>{};
        }
        WorkloadChange removal(m_fleet.get(), Workload{.id = ids.first(), .name = u"removal"_s});
        removal.remove(replicas, true);
        return run(removal) && removal.succeeded();
    }

    static K3s::ClusterOrder smallCluster(const QString &name)
    {
        const K3s::Size small{.vcpus = 1, .memoryMiB = 128, .rootGiB = 4};
        return K3s::ClusterOrder{
            .name = name, .image = image, .servers = 3, .agents = 2, .serverSize = small, .agentSize = small};
    }

    static MachineTemplate withBigData(const QString &name)
    {
        MachineTemplate made = webTemplate();
        made.name = name;
        made.dataGiB = 10;
        return made;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        for (int i = 0; i < nodeCount; ++i) {
            m_daemons.push_back(std::make_unique<Testing::LibvirtDaemon>());
            const Result<bool> started = m_daemons.back()->start();
            QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().text()));
        }
        for (int i = 0; i < nodeCount; ++i) {
            m_keepers.emplace_back(virConnectOpen(m_daemons.at(size_t(i))->uri().toUtf8().constData()));
            QVERIFY(m_keepers.back());
            QVERIFY(NodeVolumes::createEmpty(m_keepers.back().get(), pool, image, 4 * GiB, u"qcow2"_s).ok());
        }
        m_fleet = startFleet();
        QVERIFY(connect(*m_fleet));
    }

    void cleanupTestCase()
    {
        m_fleet.reset();
        m_keepers.clear();
        m_daemons.clear();
    }

    void deploysTwelveReplicasSpreadOverCountries()
    {
        Workload web{.id = Workloads::newId(),
            .name = u"web"_s,
            .machineTemplate = webTemplate(),
            .policy = {.replicas = 12,
                .placement = {.spread = Placement::Policy::Spread::Countries},
                .changed = QDateTime::currentDateTimeUtc()}};
        const Placement::Plan plan = FleetWorkloads::place(*m_fleet, web, 12);
        QVERIFY2(plan.isComplete(), qPrintable(plan.shortfall));
        WorkloadChange change(m_fleet.get(), web);
        change.make(plan.nodeIds, plan.pools);
        QHash<QString, int> running;
        int mostOnANode = 0;
        int mostAtOnce = 0;
        QObject::connect(&change, &WorkloadChange::stepChanged, this, [&](qsizetype) {
            running.clear();
            int all = 0;
            for (const WorkloadChange::Step &step : change.steps()) {
                if (step.state == WorkloadChange::Step::State::Running) {
                    mostOnANode = std::max(mostOnANode, ++running[step.nodeId]);
                    ++all;
                }
            }
            mostAtOnce = std::max(mostAtOnce, all);
        });
        QVERIFY(run(change));
        QVERIFY2(change.succeeded(), qPrintable(change.summary()));
        QCOMPARE(change.summary(), u"12 replicas made."_s);
        QCOMPARE(mostOnANode, WorkloadChange::plansPerNode);
        int mostPossible = 0; // every node at once, each with as many as it may
        for (const QString &node : QSet<QString>(plan.nodeIds.begin(), plan.nodeIds.end())) {
            mostPossible += std::min<int>(int(plan.nodeIds.count(node)), WorkloadChange::plansPerNode);
        }
        QCOMPARE(mostAtOnce, mostPossible);

        const std::optional<Workload> seen = settled(*m_fleet, web.id, 12, 12);
        QVERIFY(seen);
        QCOMPARE(seen->name, u"web"_s);
        QCOMPARE(seen->machineTemplate, web.machineTemplate);
        QTRY_COMPARE_WITH_TIMEOUT(FleetWorkloads::gather(*m_fleet).first().running(), 12, timeoutMs);
        const QHash<QString, int> counts = perNode(*seen);
        QCOMPARE(counts.value(nodeId(0)) + counts.value(nodeId(1)), 3); // Finland
        for (int i = 2; i < nodeCount; ++i) {
            QCOMPARE(counts.value(nodeId(i)), 3);
        }
        // On the nodes themselves: each replica with its root, data disk and seed.
        QCOMPARE(onNode(2, u"web-"_s).size(), 3 * 4);
        QCOMPARE(onNodes(u"web-"_s).size(), 12 * 4);
    }

    void scalesUpToTwentyAndDownToFour()
    {
        Workload web = FleetWorkloads::gather(*m_fleet).first();
        web.policy.replicas = 20;
        web.policy.changed = QDateTime::currentDateTimeUtc();
        const Placement::Plan plan = FleetWorkloads::place(*m_fleet, web, 8);
        QVERIFY2(plan.isComplete(), qPrintable(plan.shortfall));
        WorkloadChange up(m_fleet.get(), web);
        up.make(plan.nodeIds, plan.pools);
        QVERIFY(run(up));
        QVERIFY2(up.succeeded(), qPrintable(up.summary()));
        const std::optional<Workload> twenty = settled(*m_fleet, web.id, 20, 20);
        QVERIFY(twenty);
        QList<int> indices = twenty->indices();
        std::ranges::sort(indices);
        QCOMPARE(indices.first(), 1);
        QCOMPARE(indices.last(), 20); // the new ones took the next free indices
        const QHash<QString, int> counts = perNode(*twenty);
        QCOMPARE(counts.value(nodeId(0)) + counts.value(nodeId(1)), 5);
        QCOMPARE(counts.value(nodeId(3)), 5);

        Workload down = *twenty;
        down.policy.replicas = 4;
        down.policy.changed = QDateTime::currentDateTimeUtc();
        WorkloadChange shrink(m_fleet.get(), down);
        shrink.remove(Workloads::toRemove(down, 16), true);
        QVERIFY(run(shrink));
        QVERIFY2(shrink.succeeded(), qPrintable(shrink.summary()));
        QCOMPARE(shrink.summary(), u"16 replicas removed."_s);
        const std::optional<Workload> four = settled(*m_fleet, web.id, 4, 4);
        QVERIFY(four);
        QCOMPARE(perNode(*four).size(), 4); // the most crowded nodes gave theirs up first
        QCOMPARE(onNodes(u"web-"_s).size(), 4 * 4); // with their disks, data disks too
    }

    void rollingReplaceMovesTheDataDisks()
    {
        const Workload before = FleetWorkloads::gather(*m_fleet).first();
        QStringList dataDisks;
        for (const Replica &replica : before.replicas) {
            for (const Disk &disk : replica.disks) {
                if (disk.source.contains(u"-data-"_s)) {
                    dataDisks.append(disk.source);
                }
            }
        }
        QCOMPARE(dataDisks.size(), 4);
        Workload renewed = before;
        renewed.machineTemplate.memoryMiB = 192;
        WorkloadChange replace(m_fleet.get(), renewed);
        replace.replace(before.replicas, 2);
        QVERIFY(run(replace));
        QVERIFY2(replace.succeeded(), qPrintable(replace.summary()));
        QCOMPARE(replace.summary(), u"4 replicas made. 4 replicas removed."_s);
        const std::optional<Workload> after = settled(*m_fleet, before.id, 4, 4);
        QVERIFY(after);
        QCOMPARE(after->templateHash, MachineTemplates::hash(renewed.machineTemplate));
        QStringList movedDisks;
        for (const Replica &replica : after->replicas) {
            QVERIFY(
                std::ranges::none_of(before.replicas, [&](const Replica &old) { return old.uuid == replica.uuid; }));
            QCOMPARE(replica.memoryBytes, 192ULL << 20);
            for (const Disk &disk : replica.disks) {
                if (disk.source.contains(u"-data-"_s)) {
                    movedDisks.append(disk.source);
                }
            }
        }
        dataDisks.sort();
        movedDisks.sort();
        QCOMPARE(movedDisks, dataDisks); // the same disks, on the new replicas
    }

    void allOrNothingUndoesEveryReplicaWhenAPoolIsFull()
    {
        const Workload api{.id = Workloads::newId(),
            .name = u"api"_s,
            .machineTemplate = withBigData(u"api"_s),
            .policy = {.replicas = 5, .changed = QDateTime::currentDateTimeUtc()}};
        const Placement::Plan plan = FleetWorkloads::place(*m_fleet, api, 5);
        QVERIFY2(plan.isComplete(), qPrintable(plan.shortfall));
        QCOMPARE(QSet<QString>(plan.nodeIds.begin(), plan.nodeIds.end()).size(), 5); // one on each node
        // Between the plan and the deployment, Toronto's pool fills up.
        const Libvirt::Volume fill = fillPool(3);
        QVERIFY(fill);
        WorkloadChange change(m_fleet.get(), api);
        change.make(plan.nodeIds, plan.pools);
        QVERIFY(run(change));
        QVERIFY(!change.succeeded());
        QVERIFY2(change.summary().startsWith(u"Nothing was changed: 1 replica failed"_s), qPrintable(change.summary()));
        int undone = 0;
        for (const WorkloadChange::Step &step : change.steps()) {
            if (step.nodeId == nodeId(3)) {
                QCOMPARE(step.state, WorkloadChange::Step::State::Failed);
                QVERIFY2(step.error.contains(u"free"_s), qPrintable(step.error));
            } else {
                QCOMPARE(step.state, WorkloadChange::Step::State::Undone);
                ++undone;
            }
        }
        QCOMPARE(undone, 4);
        QCOMPARE(onNodes(u"api-"_s), QStringList()); // nothing left behind, machines nor volumes
        virStorageVolDelete(fill.get(), 0);
    }

    void bestEffortTriesTheNextBestNode()
    {
        const Workload cache{.id = Workloads::newId(),
            .name = u"cache"_s,
            .machineTemplate = withBigData(u"cache"_s),
            .policy = {.replicas = 5,
                .onFailure = WorkloadPolicy::OnFailure::BestEffort,
                .changed = QDateTime::currentDateTimeUtc()}};
        // Toronto's pool has room again, as a fresh reading shows.
        m_fleet->readStock(nodeId(3));
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet->nodes().at(3).pools.first().availableBytes > 50 * GiB, timeoutMs);
        const Placement::Plan plan = FleetWorkloads::place(*m_fleet, cache, 5);
        QVERIFY(plan.nodeIds.contains(nodeId(3)));
        const Libvirt::Volume fill = fillPool(3);
        QVERIFY(fill);
        WorkloadChange change(m_fleet.get(), cache);
        change.make(plan.nodeIds, plan.pools);
        QVERIFY(run(change));
        QVERIFY2(change.succeeded(), qPrintable(change.summary()));
        QCOMPARE(change.summary(), u"5 replicas made."_s);
        const auto moved = std::ranges::find_if(change.steps(), [](const auto &step) { return step.retried; });
        QVERIFY(moved != change.steps().end());
        QVERIFY(moved->nodeId != nodeId(3));
        QVERIFY2(moved->error.startsWith(u"Failed on Toronto ("_s), qPrintable(moved->error));
        QCOMPARE(onNode(3, u"cache-"_s), QStringList());
        virStorageVolDelete(fill.get(), 0);

        // The whole workload deleted, data disks too.
        const std::optional<Workload> made = settled(*m_fleet, cache.id, 5, 5);
        QVERIFY(made);
        WorkloadChange removal(m_fleet.get(), *made);
        removal.remove(made->replicas, true);
        QVERIFY(run(removal));
        QVERIFY2(removal.succeeded(), qPrintable(removal.summary()));
        QCOMPARE(onNodes(u"cache-"_s), QStringList());
    }

    void onlyTheLeaseHolderAutoscales()
    {
        // The web workload's autoscaler on, at least 5 replicas: with no load
        // known (the test driver reports none), it grows to its minimum.
        QTRY_COMPARE_WITH_TIMEOUT(FleetWorkloads::gather(*m_fleet).size(), 1, timeoutMs); // the others have gone
        Workload web = FleetWorkloads::gather(*m_fleet).first();
        QCOMPARE(web.replicas.size(), 4);
        web.policy.autoscale = true;
        web.policy.autoscaling.minimum = 5;
        web.policy.autoscaling.maximum = 8;
        web.policy.changed = QDateTime::currentDateTimeUtc();
        WorkloadChange turnOn(m_fleet.get(), web);
        QVERIFY(run(turnOn));
        QVERIFY2(turnOn.succeeded(), qPrintable(turnOn.summary()));

        const std::unique_ptr<Fleet> second = startFleet();
        QVERIFY(connect(*second));
        FleetAutoscaler alice(m_fleet.get(), u"alice@desktop#1"_s);
        FleetAutoscaler bob(second.get(), u"bob@laptop#2"_s);
        const auto leaseHolder = [&](const Fleet &fleet) {
            const QList<Workload> found = FleetWorkloads::gather(fleet);
            return found.isEmpty() ? QString() : found.first().lease.holder;
        };
        alice.decideNow(); // takes the lease, and acts from the next round
        QTRY_COMPARE_WITH_TIMEOUT(leaseHolder(*second), u"alice@desktop#1"_s, timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(leaseHolder(*m_fleet), u"alice@desktop#1"_s, timeoutMs);
        QCOMPARE(FleetWorkloads::gather(*m_fleet).first().replicas.size(), 4);

        bob.decideNow(); // sees it held, and leaves it
        QVERIFY(!bob.isChanging(web.id));
        QCOMPARE(bob.events(web.id).last().text, u"Scaled by alice@desktop while their Flotilla is open."_s);

        alice.decideNow();
        QVERIFY(alice.isChanging(web.id));
        QVERIFY2(alice.events(web.id).last().text.contains(u"4 → 5"_s), qPrintable(alice.events(web.id).last().text));
        QVERIFY(settled(*m_fleet, web.id, 5, 5));
        QTRY_VERIFY_WITH_TIMEOUT(!alice.isChanging(web.id), timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(FleetWorkloads::gather(*second).first().replicas.size(), 5, timeoutMs);

        // Alice's Flotilla closes; two minutes on, her lease has run out and Bob's takes it over.
        bob.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(120); });
        bob.decideNow();
        QCOMPARE(bob.events(web.id).last().text, u"This Flotilla scales the workload from now on."_s);
        QTRY_COMPARE_WITH_TIMEOUT(leaseHolder(*m_fleet), u"bob@laptop#2"_s, timeoutMs);

        // Off again, for the tests after this one.
        Workload off = FleetWorkloads::gather(*m_fleet).first();
        off.policy.autoscale = false;
        off.policy.changed = QDateTime::currentDateTimeUtc();
        WorkloadChange turnOff(m_fleet.get(), off);
        QVERIFY(run(turnOff));
        QTRY_VERIFY_WITH_TIMEOUT(!FleetWorkloads::gather(*m_fleet).first().policy.autoscale, timeoutMs);
    }

    void deploysAK3sClusterServerFirst()
    {
        using Stage = ClusterDeployment::Stage;
        ClusterDeployment cluster(m_fleet.get(), smallCluster(u"kube"_s),
            WorkloadPolicy{.placement = {.spread = Placement::Policy::Spread::Countries}});
        QVERIFY2(cluster.serverPlan().isComplete(), qPrintable(cluster.serverPlan().shortfall));
        const QStringList serverNodes = cluster.serverPlan().nodeIds;
        QCOMPARE(QSet<QString>(serverNodes.begin(), serverNodes.end()).size(), 3); // the servers on three nodes
        QList<Stage> stages;
        QObject::connect(&cluster, &ClusterDeployment::changed, &cluster, [&] {
            if (stages.isEmpty() || stages.last() != cluster.stage()) {
                stages.append(cluster.stage());
            }
        });
        QSignalSpy finished(&cluster, &ClusterDeployment::finished);
        cluster.start();
        QVERIFY(finished.wait(timeoutMs));
        QVERIFY2(cluster.stage() == Stage::Done, qPrintable(cluster.summary()));
        // The first server alone, then its address, then the rest.
        QCOMPARE(stages,
            (QList<Stage>{Stage::KeepingToken, Stage::MakingFirstServer, Stage::WaitingForAddress, Stage::MakingTheRest,
                Stage::Done}));
        QCOMPARE(cluster.changes().first()->steps().size(), 1);
        QVERIFY(!cluster.serverAddress().isEmpty());

        // Every server carries the one template that names the first one's address: no disagreement.
        const std::optional<Workload> servers = settled(*m_fleet, cluster.servers().id, 3, 3);
        QVERIFY(servers);
        QVERIFY(servers->machineTemplate.setup.commands.join(u' ').contains(K3s::serverUrl(cluster.serverAddress())));
        const std::optional<Workload> agents = settled(*m_fleet, cluster.agents().id, 2, 2);
        QVERIFY(agents);
        QCOMPARE(agents->name, u"kube"_s);
        QCOMPARE(agents->machineTemplate.cluster.role, u"agent"_s);
        QCOMPARE(agents->machineTemplate.cluster.server, cluster.serverAddress());

        // The token is in the keyring, and on no replica's record.
        const QStringList secrets = WorkloadSecrets::namesIn(agents->machineTemplate.setup);
        QCOMPARE(secrets.size(), 1);
        const Result<QString> token = secret(secrets.first());
        QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : token.error().text()));
        QCOMPARE(token.value().size(), 64);
        for (const Fleet::Node &node : m_fleet->nodes()) {
            for (const Machine &machine : node.machines.machines()) {
                QVERIFY(!machine.metadata.templateFile.contains(token.value()));
                QVERIFY(!machine.metadata.policy.contains(token.value()));
            }
        }
        QVERIFY(removeAll({servers->id, agents->id}));
        QCOMPARE(onNodes(u"kube"_s), QStringList());
    }

    void aClusterStoppedHalfWayLeavesNothingBehind()
    {
        ClusterDeployment cluster(m_fleet.get(), smallCluster(u"lost"_s), WorkloadPolicy{});
        // Cancelled once the first server is up and the rest are being made.
        QObject::connect(
            &cluster, &ClusterDeployment::changed, &cluster,
            [&cluster] {
                if (cluster.stage() == ClusterDeployment::Stage::MakingTheRest) {
                    cluster.cancel();
                }
            },
            Qt::QueuedConnection);
        QSignalSpy finished(&cluster, &ClusterDeployment::finished);
        cluster.start();
        QVERIFY(finished.wait(timeoutMs));
        QCOMPARE(cluster.stage(), ClusterDeployment::Stage::Failed);
        QVERIFY2(cluster.summary().startsWith(u"Nothing was left behind: lost-"_s), qPrintable(cluster.summary()));
        QCOMPARE(onNodes(u"lost"_s), QStringList()); // the first server is gone too
        const QStringList secrets = WorkloadSecrets::namesIn(cluster.agents().machineTemplate.setup);
        QTRY_VERIFY_WITH_TIMEOUT(!secret(secrets.first()).ok(), timeoutMs); // and the token is forgotten
    }

    void aSecondFlotillaSeesTheSameWorkloads()
    {
        QTRY_COMPARE_WITH_TIMEOUT(FleetWorkloads::gather(*m_fleet).size(), 1, timeoutMs); // the undone one has gone
        const QList<Workload> first = FleetWorkloads::gather(*m_fleet);
        const std::unique_ptr<Fleet> second = startFleet();
        QVERIFY(connect(*second));
        const QList<Workload> seen = FleetWorkloads::gather(*second);
        QCOMPARE(seen.size(), first.size());
        QCOMPARE(seen.first().id, first.first().id);
        QCOMPARE(seen.first().policy, first.first().policy);
        QCOMPARE(seen.first().templateHash, first.first().templateHash);
        QCOMPARE(seen.first().replicas.size(), first.first().replicas.size());
    }
};

QTEST_GUILESS_MAIN(WorkloadDeployTest)
#include "tst_workloaddeploy.moc"
