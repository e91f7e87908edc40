// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/libvirthandles.h"
#include "model/domainxml.h"
#include "provisioning/machineprovisioning.h"
#include "provisioning/machinetransfer.h"
#include "provisioning/nodevolumes.h"
#include "session/inventoryreader.h"
#include "session/provisioningjob.h"
#include "testfleet.h"

#include <QTest>
#include <QUuid>

#include <libvirt/virterror.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{
const QString pool = u"default"_s;
const QString folder = u"/var/lib/libvirt/images"_s; ///< the test fleet's pools'
} // namespace

// Machines cloned onto another node and moved there, between two nodes of
// libvirt's test driver in this process (each node file opened is a node of
// its own); and both nodes as they were when a step fails or a check refuses.
// The disks' bytes travelling between real daemons: tst_cloudguest.
class MachineTransferTest : public QObject
{
    Q_OBJECT

    Libvirt::Connection m_saoPaulo; ///< the source: its machines are on the network "default"
    std::shared_ptr<Libvirt::Connection> m_singapore; ///< the target, which has "default" too
    Libvirt::Connection m_berlin; ///< a node whose machines are on "homelan", which Singapore has not
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);

    static Libvirt::Connection open(const QString &file)
    {
        return Libvirt::Connection(
            virConnectOpen((u"test://"_s + Testing::TestFleet::folder() + u'/' + file).toUtf8().constData()));
    }

    MachineTransfer::Context context(virConnectPtr source, const QString &name) const
    {
        return {.source = source,
            .sourceName = name,
            .simulated = true,
            .target = TransferTarget{.connection = m_singapore, .name = u"singapore-edge"_s, .simulated = true},
            .users = [](virConnectPtr node, const QStringList &paths,
                         const QString &except) { return InventoryReader::machinesUsing(node, paths, except); },
            .cancel = m_cancel};
    }

    static QString uuidOf(virConnectPtr node, const QString &name)
    {
        const Libvirt::Domain domain(virDomainLookupByName(node, name.toUtf8().constData()));
        std::array<char, VIR_UUID_STRING_BUFLEN> uuid{};
        virResetLastError();
        return domain && virDomainGetUUIDString(domain.get(), uuid.data()) == 0 ? QString::fromLatin1(uuid.data())
                                                                                : QString();
    }

    /// Starts the machine afresh, whatever its state in the node's file.
    static void runs(virConnectPtr node, const QString &name)
    {
        const Libvirt::Domain domain(virDomainLookupByName(node, name.toUtf8().constData()));
        QVERIFY(domain);
        if (virDomainIsActive(domain.get()) == 1) {
            QCOMPARE(virDomainDestroy(domain.get()), 0);
        }
        QCOMPARE(virDomainCreate(domain.get()), 0);
    }

    static int stateOf(virConnectPtr node, const QString &name)
    {
        const Libvirt::Domain domain(virDomainLookupByName(node, name.toUtf8().constData()));
        int state = -1;
        virResetLastError();
        return domain && virDomainGetState(domain.get(), &state, nullptr, 0) == 0 ? state : -1;
    }

    static DomainDescription describe(virConnectPtr node, const QString &name)
    {
        const Libvirt::Domain domain(virDomainLookupByName(node, name.toUtf8().constData()));
        virResetLastError();
        const QByteArray xml
            = domain ? Libvirt::takeText(virDomainGetXMLDesc(domain.get(), VIR_DOMAIN_XML_INACTIVE)) : QByteArray();
        const Result<DomainDescription> described = DomainXml::parse(xml);
        return described ? described.value() : DomainDescription{};
    }

    /// Every machine (with its state) and volume of the node, by name.
    static QStringList whatIsOn(virConnectPtr node)
    {
        QStringList names;
        virDomainPtr *domains = nullptr;
        const int count = virConnectListAllDomains(node, &domains, 0);
        for (const Libvirt::Domain &domain : Libvirt::adoptList<Libvirt::Domain>(domains, count)) {
            const QString name = QString::fromUtf8(virDomainGetName(domain.get()));
            names.append(u"machine %1 in state %2"_s.arg(name).arg(stateOf(node, name)));
        }
        const Libvirt::Pool handle(virStoragePoolLookupByName(node, pool.toUtf8().constData()));
        virStorageVolPtr *volumes = nullptr;
        const int volumeCount = handle ? virStoragePoolListAllVolumes(handle.get(), &volumes, 0) : -1;
        for (int i = 0; i < volumeCount; ++i) {
            names.append(u"volume "_s + QString::fromUtf8(virStorageVolGetName(volumes[i])));
            virStorageVolFree(volumes[i]);
        }
        free(volumes); // NOLINT(cppcoreguidelines-no-malloc)
        names.sort();
        return names;
    }

    static TransferOrder clone(virConnectPtr node, const QString &machine, const QString &name)
    {
        return {.kind = TransferOrder::Kind::Clone,
            .machine = uuidOf(node, machine),
            .name = name,
            .uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
            .pool = pool};
    }

    static TransferOrder move(virConnectPtr node, const QString &machine)
    {
        const QString uuid = uuidOf(node, machine);
        return {.kind = TransferOrder::Kind::Move, .machine = uuid, .name = machine, .uuid = uuid, .pool = pool};
    }

    ProvisioningPlan::Outcome run(const ProvisioningPlan &plan) const { return plan.run(*m_cancel); }

    /// @p plan with a step that fails inserted before step @p at.
    static ProvisioningPlan failingAt(const ProvisioningPlan &plan, qsizetype at)
    {
        ProvisioningPlan injected;
        for (qsizetype i = 0; i < plan.size(); ++i) {
            if (i == at) {
                injected.append(
                    {.title = u"fail"_s, .run = []() -> Result<bool> { return Error{.message = u"injected"_s}; }});
            }
            injected.append(plan.step(i));
        }
        return injected;
    }

    void refused(const ProvisioningPlan &plan, const QString &why)
    {
        const QStringList source = whatIsOn(m_saoPaulo.get());
        const QStringList target = whatIsOn(m_singapore->get());
        const ProvisioningPlan::Outcome outcome = run(plan);
        QCOMPARE(outcome.failedStep, 0);
        QVERIFY2(outcome.failure.message.contains(why), qPrintable(outcome.failure.text()));
        QCOMPARE(whatIsOn(m_saoPaulo.get()), source);
        QCOMPARE(whatIsOn(m_singapore->get()), target);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Libvirt::initialize();
        m_saoPaulo = open(u"saopaulo-mini.xml"_s);
        m_singapore = std::make_shared<Libvirt::Connection>(open(u"singapore-edge.xml"_s));
        m_berlin = open(u"berlin-home.xml"_s);
        QVERIFY(m_saoPaulo && *m_singapore && m_berlin);
    }

    // A clone on the other node: its own name, UUID and MAC, disks in the
    // target's pool named as a clone's are; the parent stays as it was.
    void clonesOntoAnotherNode()
    {
        const Libvirt::Domain parent(virDomainLookupByName(m_saoPaulo.get(), "jitsi"));
        if (virDomainIsActive(parent.get()) == 1) {
            QCOMPARE(virDomainDestroy(parent.get()), 0);
        }
        const QStringList source = whatIsOn(m_saoPaulo.get());
        const DomainDescription before = describe(m_saoPaulo.get(), u"jitsi"_s);
        const TransferOrder order = clone(m_saoPaulo.get(), u"jitsi"_s, u"jitsi-sg"_s);
        const ProvisioningPlan plan = MachineTransfer::plan(context(m_saoPaulo.get(), u"saopaulo-mini"_s), order);
        const ProvisioningPlan::Outcome outcome = run(plan);
        QVERIFY2(outcome.completed, qPrintable(outcome.failure.text()));

        const DomainDescription made = describe(m_singapore->get(), u"jitsi-sg"_s);
        QCOMPARE(made.uuid, order.uuid);
        QCOMPARE(made.interfaces.size(), before.interfaces.size());
        QVERIFY(made.interfaces.first().mac != before.interfaces.first().mac);
        QCOMPARE(made.interfaces.first().source, u"default"_s);
        const QString volume = u"jitsi-sg-vda-"_s + order.uuid.left(8) + u".qcow2"_s;
        QCOMPARE(made.disks.first().source, folder + u'/' + volume);
        QVERIFY(NodeVolumes::exists(m_singapore->get(), pool, volume));
        QVERIFY(made.metadata.unfinished.isEmpty());
        QCOMPARE(stateOf(m_singapore->get(), u"jitsi-sg"_s), int(VIR_DOMAIN_SHUTOFF));
        QCOMPARE(whatIsOn(m_saoPaulo.get()), source);
        QVERIFY(plan.step(2).title.contains(u"singapore-edge"_s));
        QVERIFY(plan.step(2).simulated); // the test driver takes no uploads: made empty, and labelled so
    }

    // A running machine moved: shut down here, recorded, copied and started
    // there, and only then removed here with its own volume; the same
    // machine (name, UUID, MAC) on the other node.
    void movesARunningMachine()
    {
        runs(m_saoPaulo.get(), u"node-red"_s);
        const DomainDescription before = describe(m_saoPaulo.get(), u"node-red"_s);
        const TransferOrder order = move(m_saoPaulo.get(), u"node-red"_s);
        const ProvisioningPlan plan = MachineTransfer::plan(context(m_saoPaulo.get(), u"saopaulo-mini"_s), order);
        QStringList titles;
        for (qsizetype i = 0; i < plan.size(); ++i) {
            titles.append(plan.step(i).title);
        }
        QVERIFY2(titles.last() == u"Remove node-red from saopaulo-mini"_s, qPrintable(titles.join(u'\n')));
        QVERIFY2(titles.contains(u"Shut node-red down on saopaulo-mini"_s), qPrintable(titles.join(u'\n')));
        QVERIFY(titles.contains(u"Start the machine"_s));
        const ProvisioningPlan::Outcome outcome = run(plan);
        QVERIFY2(outcome.completed, qPrintable(outcome.failure.text()));

        QVERIFY(uuidOf(m_saoPaulo.get(), u"node-red"_s).isEmpty());
        QVERIFY(!NodeVolumes::exists(m_saoPaulo.get(), pool, u"node-red.qcow2"_s));
        const DomainDescription moved = describe(m_singapore->get(), u"node-red"_s);
        QCOMPARE(moved.uuid, before.uuid);
        QCOMPARE(moved.interfaces.first().mac, before.interfaces.first().mac);
        QCOMPARE(moved.disks.first().source, folder + u"/node-red.qcow2"_s);
        QVERIFY(moved.metadata.unfinished.isEmpty());
        QCOMPARE(moved.metadata.creator, before.metadata.creator); // its own history travels with it
        QCOMPARE(stateOf(m_singapore->get(), u"node-red"_s), int(VIR_DOMAIN_RUNNING));
    }

    // A failure at any step before the last leaves the machine where it
    // was, complete and running as before, and the target as it was.
    void aMoveFailingAtAnyStepLeavesItWhereItWas()
    {
        runs(m_saoPaulo.get(), u"sensor-gateway"_s);
        const TransferOrder order = move(m_saoPaulo.get(), u"sensor-gateway"_s);
        const ProvisioningPlan plan = MachineTransfer::plan(context(m_saoPaulo.get(), u"saopaulo-mini"_s), order);
        QVERIFY(plan.size() >= 6);
        for (qsizetype at = 1; at < plan.size(); ++at) {
            const QStringList source = whatIsOn(m_saoPaulo.get());
            const QStringList target = whatIsOn(m_singapore->get());
            const ProvisioningPlan::Outcome outcome = run(failingAt(plan, at));
            QCOMPARE(outcome.failedStep, at);
            QVERIFY2(outcome.leftovers.isEmpty(), qPrintable(outcome.leftovers.value(0).text()));
            QCOMPARE(whatIsOn(m_saoPaulo.get()), source);
            QCOMPARE(whatIsOn(m_singapore->get()), target);
        }
        m_cancel->store(true);
        const ProvisioningPlan::Outcome cancelled = run(plan);
        m_cancel->store(false);
        QVERIFY(cancelled.cancelled);
        QCOMPARE(stateOf(m_saoPaulo.get(), u"sensor-gateway"_s), int(VIR_DOMAIN_RUNNING));
    }

    // A live move the nodes cannot make (the test driver has no migration)
    // fails with libvirt's reason at the migration itself, and leaves the
    // machine running where it was and the target as it was; a machine
    // that is off is refused one before anything is made.
    void aLiveMoveThatFailsLeavesItRunning()
    {
        runs(m_saoPaulo.get(), u"minio-mirror"_s);
        const QStringList source = whatIsOn(m_saoPaulo.get());
        const QStringList target = whatIsOn(m_singapore->get());
        TransferOrder order = move(m_saoPaulo.get(), u"minio-mirror"_s);
        order.kind = TransferOrder::Kind::LiveMove;
        const ProvisioningPlan plan = MachineTransfer::plan(context(m_saoPaulo.get(), u"saopaulo-mini"_s), order);
        QCOMPARE(plan.step(plan.size() - 2).title, u"Move minio-mirror to singapore-edge while it runs"_s);
        const ProvisioningPlan::Outcome outcome = run(plan);
        QCOMPARE(outcome.failedStep, plan.size() - 2);
        QVERIFY2(outcome.failure.text().contains(u"not supported"_s), qPrintable(outcome.failure.text()));
        QVERIFY2(outcome.leftovers.isEmpty(), qPrintable(outcome.leftovers.value(0).text()));
        QCOMPARE(whatIsOn(m_saoPaulo.get()), source);
        QCOMPARE(whatIsOn(m_singapore->get()), target);

        const Libvirt::Domain domain(virDomainLookupByName(m_saoPaulo.get(), "minio-mirror"));
        QCOMPARE(virDomainDestroy(domain.get()), 0);
        refused(MachineTransfer::plan(context(m_saoPaulo.get(), u"saopaulo-mini"_s), order), u"not running"_s);
    }

    // What cannot go is refused by the first step, saying why, with nothing touched.
    void refusesWhatCannotGo()
    {
        refused(MachineTransfer::plan(context(m_berlin.get(), u"berlin-home"_s), move(m_berlin.get(), u"pihole"_s)),
            u"singapore-edge has no virtual network named homelan"_s);
        const Libvirt::Domain off(virDomainLookupByName(m_saoPaulo.get(), "tor-bridge"));
        if (virDomainIsActive(off.get()) == 1) {
            QCOMPARE(virDomainDestroy(off.get()), 0);
        }
        refused(MachineTransfer::plan(context(m_saoPaulo.get(), u"saopaulo-mini"_s),
                    clone(m_saoPaulo.get(), u"tor-bridge"_s, u"edge-proxy-sg"_s)),
            u"already has a machine named edge-proxy-sg"_s);
        runs(m_saoPaulo.get(), u"old-wordpress"_s);
        const Libvirt::Domain paused(virDomainLookupByName(m_saoPaulo.get(), "old-wordpress"));
        QCOMPARE(virDomainSuspend(paused.get()), 0);
        refused(MachineTransfer::plan(
                    context(m_saoPaulo.get(), u"saopaulo-mini"_s), move(m_saoPaulo.get(), u"old-wordpress"_s)),
            u"neither running nor shut down"_s);
        QCOMPARE(virDomainDestroy(paused.get()), 0);
        const Libvirt::DomainSnapshot snapshot(
            virDomainSnapshotCreateXML(paused.get(), "<domainsnapshot><name>s1</name></domainsnapshot>", 0));
        QVERIFY(snapshot);
        refused(MachineTransfer::plan(
                    context(m_saoPaulo.get(), u"saopaulo-mini"_s), move(m_saoPaulo.get(), u"old-wordpress"_s)),
            u"snapshots, which do not travel"_s);
        TransferOrder noPool = clone(m_saoPaulo.get(), u"old-wordpress"_s, u"wp-sg"_s);
        noPool.pool = u"nowhere"_s;
        refused(MachineTransfer::plan(context(m_saoPaulo.get(), u"saopaulo-mini"_s), noPool), u"nowhere"_s);
        // The same node reached twice: the machine is there already.
        const TransferOrder back = move(m_singapore->get(), u"edge-proxy-sg"_s);
        MachineTransfer::Context again = context(m_singapore->get(), u"singapore-edge"_s);
        const ProvisioningPlan::Outcome same = run(MachineTransfer::plan(again, back));
        QCOMPARE(same.failedStep, 0);
        QVERIFY2(same.failure.message.contains(u"already holds this machine"_s), qPrintable(same.failure.text()));
    }

    // While a plan of this process makes a machine on a node (whichever
    // session runs it), that node's clean-up leaves it alone; after, it goes.
    void aMachineUnderwayOnTheTargetIsNoLeftover()
    {
        const TransferOrder order = clone(m_saoPaulo.get(), u"jitsi"_s, u"jitsi-half"_s);
        ProvisioningPlan plan = MachineTransfer::plan(context(m_saoPaulo.get(), u"saopaulo-mini"_s), order);
        ProvisioningPlan firstTwo;
        firstTwo.append(plan.step(0));
        firstTwo.append(plan.step(1)); // recorded on the target, marked unfinished
        QVERIFY(run(firstTwo).completed);
        const MachineProvisioning::LeftoverRule rule{.inProgress = ProvisioningJob::Underway::isMaking};
        {
            const ProvisioningJob::Underway underway(order.uuid);
            QCOMPARE(MachineProvisioning::removeLeftovers(m_singapore->get(), rule).value(), 0);
            QVERIFY(!uuidOf(m_singapore->get(), u"jitsi-half"_s).isEmpty());
        }
        QCOMPARE(MachineProvisioning::removeLeftovers(m_singapore->get(), rule).value(), 1);
        QVERIFY(uuidOf(m_singapore->get(), u"jitsi-half"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(MachineTransferTest)
#include "tst_machinetransfer.moc"
