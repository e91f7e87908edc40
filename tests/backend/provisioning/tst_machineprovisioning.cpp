// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "core/processtoken.h"
#include "libvirt/libvirthandles.h"
#include "model/domainxml.h"
#include "provisioning/machinecloning.h"
#include "provisioning/machineprovisioning.h"
#include "provisioning/nodevolumes.h"

#include <QProcess>
#include <QTest>
#include <QUuid>

#include <libvirt/virterror.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{
constexpr quint64 GiB = 1ULL << 30;
const QString pool = u"default-pool"_s;
const QString image = u"debian-base.qcow2"_s;
} // namespace

// A machine made on a node by a plan, on libvirt's test driver in this
// process; and nothing left on the node when a step fails, the plan is
// cancelled, or the node is lost half way.
class MachineProvisioningTest : public QObject
{
    Q_OBJECT

    Libvirt::Connection m_connection;
    HypervisorOffer m_offer{.domainType = u"test"_s,
        .machineType = u"pc-q35-10.0"_s,
        .arch = u"x86_64"_s,
        .emulator = u"/usr/bin/qemu-system-x86_64"_s,
        .virtioVideo = true,
        .virtioRng = true};

    static MachineOrder order(const QString &name)
    {
        return MachineOrder{.machine = {.name = name,
                                .uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
                                .vcpus = 1,
                                .maxVcpus = 2,
                                .memoryBytes = GiB,
                                .maxMemoryBytes = 2 * GiB,
                                .network = u"default"_s,
                                .mac = MachineDefinition::randomMac(),
                                .metadata = {.image = image}},
            .pool = pool,
            .image = image,
            .imageFormat = u"qcow2"_s,
            .rootBytes = 20 * GiB,
            .dataBytes = 5 * GiB,
            .seed = {.userData = "#cloud-config\nhostname: \"" + name.toUtf8() + "\"\n",
                .metaData = "instance-id: \"iid-1\"\n"}};
    }

    /// Every machine and volume on the node, by name.
    QStringList whatIsOnTheNode() const
    {
        QStringList names;
        virDomainPtr *domains = nullptr;
        const int domainCount = virConnectListAllDomains(m_connection.get(), &domains, 0);
        for (const Libvirt::Domain &domain : Libvirt::adoptList<Libvirt::Domain>(domains, domainCount)) {
            names.append(u"machine "_s + QString::fromUtf8(virDomainGetName(domain.get())));
        }
        Libvirt::Pool handle(virStoragePoolLookupByName(m_connection.get(), pool.toUtf8().constData()));
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

    MachineMetadata metadataOf(const QString &name) const
    {
        const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), name.toUtf8().constData()));
        char *xml = domain ? virDomainGetMetadata(domain.get(), VIR_DOMAIN_METADATA_ELEMENT,
                                 DomainXml::metadataNamespace, VIR_DOMAIN_AFFECT_CONFIG)
                           : nullptr;
        const Result<MachineMetadata> metadata = DomainXml::parseMetadataElement(xml ? QByteArrayView(xml) : "");
        free(xml); // NOLINT(cppcoreguidelines-no-malloc)
        return metadata ? metadata.value() : MachineMetadata{};
    }

    void setMetadataOf(const QString &name, const MachineMetadata &metadata) const
    {
        const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), name.toUtf8().constData()));
        const Result<QString> element = DomainXml::metadataElement(metadata);
        QVERIFY(domain && element.ok());
        QCOMPARE(virDomainSetMetadata(domain.get(), VIR_DOMAIN_METADATA_ELEMENT, element.value().toUtf8().constData(),
                     DomainXml::metadataPrefix, DomainXml::metadataNamespace, VIR_DOMAIN_AFFECT_CONFIG),
            0);
    }

    /// @p name's inactive definition, or empty.
    QByteArray definitionOf(const QString &name) const
    {
        const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), name.toUtf8().constData()));
        char *xml = domain ? virDomainGetXMLDesc(domain.get(), VIR_DOMAIN_XML_INACTIVE) : nullptr;
        const QByteArray definition(xml);
        free(xml); // NOLINT(cppcoreguidelines-no-malloc)
        return definition;
    }

    DomainDescription describe(const QString &name) const
    {
        const Result<DomainDescription> described = DomainXml::parse(definitionOf(name));
        return described ? described.value() : DomainDescription{};
    }

    /// The path of the image right under @p volume, or empty.
    QString backingOf(const QString &volume) const
    {
        const Libvirt::Pool handle(virStoragePoolLookupByName(m_connection.get(), pool.toUtf8().constData()));
        const Libvirt::Volume found(virStorageVolLookupByName(handle.get(), volume.toUtf8().constData()));
        char *xml = found ? virStorageVolGetXMLDesc(found.get(), 0) : nullptr;
        const QString text = QString::fromUtf8(xml);
        free(xml); // NOLINT(cppcoreguidelines-no-malloc)
        const qsizetype at = text.indexOf(u"<backingStore>"_s);
        return at < 0 ? QString() : text.mid(at).section(u"<path>"_s, 1, 1).section(u"</path>"_s, 0, 0);
    }

    /// A stopped machine to clone, made as the wizard makes one, with a tag.
    MachineOrder parentMachine(const QString &name)
    {
        MachineOrder parent = order(name);
        parent.start = false;
        parent.machine.metadata.tags = {u"shop"_s};
        const std::atomic_bool cancel = false;
        const ProvisioningPlan::Outcome made
            = MachineProvisioning::plan(m_connection.get(), m_offer, parent, true).run(cancel);
        [&] { QVERIFY2(made.completed, qPrintable(made.failure.text())); }();
        return parent;
    }

    static CloneOrder cloneOf(const MachineOrder &parent, const QString &name, bool linked)
    {
        return CloneOrder{.parent = parent.machine.uuid,
            .name = name,
            .uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
            .linked = linked};
    }

    /// @p plan with a step that fails inserted before step @p at.
    static ProvisioningPlan failingAt(const ProvisioningPlan &plan, qsizetype at)
    {
        const ProvisioningPlan::Step fail{
            .title = u"fail"_s, .run = []() -> Result<bool> { return Error{.message = u"injected"_s}; }};
        ProvisioningPlan injected;
        for (qsizetype i = 0; i <= plan.size(); ++i) {
            if (i == at) {
                injected.append(fail);
            }
            if (i < plan.size()) {
                injected.append(plan.step(i));
            }
        }
        return injected;
    }

    /// Runs @p plan with a failure injected after each of its steps in turn:
    /// each time, everything is undone and the node is as it was (and
    /// whatever @p alsoCheck checks holds).
    void everyFailureLeavesNothing(const ProvisioningPlan &plan, const std::function<void()> &alsoCheck = {})
    {
        for (qsizetype at = 1; at <= plan.size(); ++at) {
            const QStringList before = whatIsOnTheNode();
            const std::atomic_bool cancel = false;
            const ProvisioningPlan::Outcome outcome = failingAt(plan, at).run(cancel);
            QCOMPARE(outcome.failedStep, at);
            QVERIFY2(outcome.leftovers.isEmpty(),
                qPrintable(outcome.leftovers.isEmpty() ? QString() : outcome.leftovers.first().text()));
            QCOMPARE(whatIsOnTheNode(), before);
            if (alsoCheck) {
                alsoCheck();
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        Libvirt::initialize();
        m_connection.reset(virConnectOpen("test:///default"));
        QVERIFY(m_connection);
        QVERIFY(NodeVolumes::createEmpty(m_connection.get(), pool, image, 2 * GiB, u"qcow2"_s).ok());
    }

    void makesAMachine()
    {
        const QStringList before = whatIsOnTheNode();
        const MachineOrder web = order(u"web-01"_s);
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, web, true);
        const std::atomic_bool cancel = false;
        const ProvisioningPlan::Outcome outcome = plan.run(cancel);
        QVERIFY2(outcome.completed, qPrintable(outcome.failure.text()));

        const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), "web-01"));
        QVERIFY(domain);
        QCOMPARE(virDomainIsActive(domain.get()), 1);
        QCOMPARE(Libvirt::uuidOf(domain.get()), web.machine.uuid);
        const MachineMetadata metadata = metadataOf(u"web-01"_s);
        QVERIFY(metadata.unfinished.isEmpty());
        QCOMPARE(metadata.image, image);
        for (const NewDisk::Kind kind : {NewDisk::Kind::Root, NewDisk::Kind::Data, NewDisk::Kind::Seed}) {
            QVERIFY(NodeVolumes::exists(m_connection.get(), pool, MachineProvisioning::volumeName(web, kind)));
        }
        QCOMPARE(whatIsOnTheNode().size(), before.size() + 4); // the machine and its three volumes
        // A linked clone: the root disk names its image and the image's format.
        Libvirt::Pool handle(virStoragePoolLookupByName(m_connection.get(), pool.toUtf8().constData()));
        Libvirt::Volume root(virStorageVolLookupByName(
            handle.get(), MachineProvisioning::volumeName(web, NewDisk::Kind::Root).toUtf8().constData()));
        char *xml = virStorageVolGetXMLDesc(root.get(), 0);
        const QString rootXml = QString::fromUtf8(xml);
        free(xml); // NOLINT(cppcoreguidelines-no-malloc)
        QVERIFY2(rootXml.contains(u"<backingStore>"_s)
                && rootXml.contains(NodeVolumes::pathOf(m_connection.get(), pool, image)),
            qPrintable(rootXml));
        // The seed's step says it was simulated: the test driver takes no uploads.
        QVERIFY(plan.step(plan.size() - 3).simulated);
    }

    void aNameTakenIsRefusedBeforeAnythingIsMade()
    {
        const QStringList before = whatIsOnTheNode();
        const std::atomic_bool cancel = false;
        const ProvisioningPlan::Outcome outcome
            = MachineProvisioning::plan(m_connection.get(), m_offer, order(u"test"_s), true).run(cancel);
        QCOMPARE(outcome.failedStep, 0);
        QVERIFY2(outcome.failure.message.contains(u"already on this node"_s), qPrintable(outcome.failure.text()));
        QCOMPARE(whatIsOnTheNode(), before);
    }

    void aFullPoolIsRefusedBeforeAnythingIsMade()
    {
        const QStringList before = whatIsOnTheNode();
        MachineOrder big = order(u"big-01"_s);
        big.dataBytes = 1000 * GiB;
        const std::atomic_bool cancel = false;
        const ProvisioningPlan::Outcome outcome
            = MachineProvisioning::plan(m_connection.get(), m_offer, big, true).run(cancel);
        QCOMPARE(outcome.failedStep, 0);
        QVERIFY2(outcome.failure.message.contains(u"too full"_s), qPrintable(outcome.failure.text()));
        QCOMPARE(whatIsOnTheNode(), before);
    }

    // A failure after each step leaves the node as it was.
    void aFailureAtAnyStepLeavesNothing()
    {
        const ProvisioningPlan plan
            = MachineProvisioning::plan(m_connection.get(), m_offer, order(u"rollback-01"_s), true);
        everyFailureLeavesNothing(plan);
    }

    void aCancelledPlanLeavesNothing()
    {
        const QStringList before = whatIsOnTheNode();
        std::atomic_bool cancel = false;
        ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, order(u"cancel-01"_s), true);
        const ProvisioningPlan::Outcome outcome
            = plan.run(cancel, [&cancel](qsizetype step, ProvisioningPlan::StepState state) {
                  if (step == 3 && state == ProvisioningPlan::StepState::Done) {
                      cancel = true; // the user presses Cancel
                  }
              });
        QVERIFY(outcome.cancelled);
        QCOMPARE(whatIsOnTheNode(), before);
    }

    // A node lost half way keeps the machine marked unfinished with its
    // volumes; once it is back, the clean-up removes exactly those.
    void leftoversAreRemovedWhenTheNodeIsBack()
    {
        const QStringList before = whatIsOnTheNode();
        const MachineOrder lost = order(u"lost-01"_s);
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, lost, true);
        for (qsizetype i = 0; i < 4; ++i) { // checked, recorded, root and data made: then the node is gone
            QVERIFY(plan.step(i).run().ok());
        }
        QCOMPARE(metadataOf(u"lost-01"_s).unfinished.size(), 3);
        QCOMPARE(whatIsOnTheNode().size(), before.size() + 3);
        const Result<int> removed = MachineProvisioning::removeLeftovers(m_connection.get());
        QVERIFY2(removed.ok(), qPrintable(removed ? QString() : removed.error().text()));
        QCOMPARE(removed.value(), 1);
        QCOMPARE(whatIsOnTheNode(), before);
        // A finished machine is not touched.
        QVERIFY(whatIsOnTheNode().contains(u"machine web-01"_s));
    }

    // A teammate's Flotilla may be making a machine on the node right now:
    // its mark stays until it is a day old. This computer's own mark stays
    // while a plan here is still making that machine.
    void aPlanUnderWayIsNoLeftover()
    {
        const QStringList before = whatIsOnTheNode();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        MachineOrder theirs = order(u"theirs-01"_s);
        theirs.machine.metadata.creator = u"bob@laptop"_s;
        theirs.machine.metadata.created = now.addSecs(-3600).toString(Qt::ISODate);
        MachineOrder mine = order(u"mine-01"_s);
        mine.machine.metadata.creator = MachineProvisioning::creatorHere();
        mine.machine.metadata.created = now.toString(Qt::ISODate);
        for (const MachineOrder &half : {theirs, mine}) {
            const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, half, true);
            QVERIFY(plan.step(0).run().ok());
            QVERIFY(plan.step(1).run().ok()); // recorded, marked unfinished
        }
        const MachineProvisioning::LeftoverRule underWay{
            .inProgress = [&mine](const QString &uuid) { return uuid == mine.machine.uuid; }, .now = now};
        QCOMPARE(MachineProvisioning::removeLeftovers(m_connection.get(), underWay).value(), 0);
        QCOMPARE(whatIsOnTheNode().size(), before.size() + 2);
        // The plan here ended (the node was lost under it, say): its own mark goes at once.
        QCOMPARE(MachineProvisioning::removeLeftovers(m_connection.get(), {.now = now}).value(), 1);
        QVERIFY(whatIsOnTheNode().contains(u"machine theirs-01"_s));
        // A day on, the teammate's plan is no longer under way anywhere.
        QCOMPARE(MachineProvisioning::removeLeftovers(m_connection.get(), {.now = now.addDays(1)}).value(), 1);
        QCOMPARE(whatIsOnTheNode(), before);
    }

    // A second Flotilla of the same person on this computer is another
    // process: its mark stays while that process runs, and goes after.
    void aSecondFlotillaHereIsNotThisOne()
    {
        const QStringList before = whatIsOnTheNode();
        QProcess other;
        other.start(u"sleep"_s, {u"600"_s});
        QVERIFY(other.waitForStarted());
        MachineOrder twin = order(u"twin-01"_s);
        twin.machine.metadata.creator = MachineProvisioning::creatorHere();
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, twin, true);
        QVERIFY(plan.step(0).run().ok());
        QVERIFY(plan.step(1).run().ok()); // recorded, marked unfinished by this process
        QCOMPARE(metadataOf(u"twin-01"_s).maker, ProcessToken::here());
        // Marked by the other process instead.
        MachineMetadata marked = metadataOf(u"twin-01"_s);
        marked.maker = ProcessToken::of(other.processId());
        QVERIFY(!marked.maker.isEmpty());
        setMetadataOf(u"twin-01"_s, marked);
        QCOMPARE(MachineProvisioning::removeLeftovers(m_connection.get()).value(), 0);
        QCOMPARE(whatIsOnTheNode().size(), before.size() + 1);
        other.kill();
        QVERIFY(other.waitForFinished());
        QCOMPARE(MachineProvisioning::removeLeftovers(m_connection.get()).value(), 1);
        QCOMPARE(whatIsOnTheNode(), before);
    }

    // A linked clone of an image that is gone is an error, never a blank disk.
    void anOverlayNeedsItsImage()
    {
        const Result<bool> made = NodeVolumes::createOverlay(
            m_connection.get(), pool, u"orphan.qcow2"_s, GiB, u"no-such-image.qcow2"_s, u"qcow2"_s);
        QVERIFY(!made.ok());
        QVERIFY(!NodeVolumes::exists(m_connection.get(), pool, u"orphan.qcow2"_s));
    }

    // From an installer: an empty root disk (no backing file) and the ISO
    // as a CD-ROM; a plan lost half way takes its own volumes, never the ISO.
    void installsFromAnInstaller()
    {
        const QString iso = u"alpine-virt.iso"_s;
        QVERIFY(NodeVolumes::createEmpty(m_connection.get(), pool, iso, 64ULL << 20, u"raw"_s).ok());
        const QStringList before = whatIsOnTheNode();
        MachineOrder install = order(u"installed-01"_s);
        install.image = iso;
        install.imageFormat = u"iso"_s;
        install.seed = {};
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, install, true);
        for (qsizetype i = 0; i < 3; ++i) { // checked, recorded, root made: then the node is gone
            QVERIFY(plan.step(i).run().ok());
        }
        const QString root = MachineProvisioning::volumeName(install, NewDisk::Kind::Root);
        Libvirt::Pool handle(virStoragePoolLookupByName(m_connection.get(), pool.toUtf8().constData()));
        Libvirt::Volume volume(virStorageVolLookupByName(handle.get(), root.toUtf8().constData()));
        char *volumeXml = virStorageVolGetXMLDesc(volume.get(), 0);
        QVERIFY2(!QByteArrayView(volumeXml).contains("<backingStore>"), volumeXml); // empty, its own
        free(volumeXml); // NOLINT(cppcoreguidelines-no-malloc)
        const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), "installed-01"));
        char *domainXml = virDomainGetXMLDesc(domain.get(), 0);
        const Result<DomainDescription> read = DomainXml::parse(domainXml);
        free(domainXml); // NOLINT(cppcoreguidelines-no-malloc)
        QVERIFY(read.ok());
        QVERIFY(std::ranges::any_of(read.value().disks,
            [&](const Disk &disk) { return disk.device == u"cdrom"_s && disk.source.endsWith(iso); }));
        const QStringList marked{
            pool + u"/"_s + root, pool + u"/"_s + MachineProvisioning::volumeName(install, NewDisk::Kind::Data)};
        QCOMPARE(read.value().metadata.unfinished, marked); // its own volumes, not the ISO
        QCOMPARE(MachineProvisioning::removeLeftovers(m_connection.get()).value(), 1);
        QCOMPARE(whatIsOnTheNode(), before); // the ISO stays
        QVERIFY(NodeVolumes::remove(m_connection.get(), pool, iso).ok());
    }

    // A data disk in a pool of its own (a big, slow one, say): made there,
    // room checked there, and cleaned up from there when the plan is lost.
    void aDataDiskInAPoolOfItsOwn()
    {
        const QByteArray xml = "<pool type='dir'><name>data-pool</name><target><path>/data</path></target></pool>";
        const Libvirt::Pool dataPool(virStoragePoolCreateXML(m_connection.get(), xml.constData(), 0));
        QVERIFY2(dataPool, qPrintable(Libvirt::lastError(u"pool"_s).text()));
        const QStringList before = whatIsOnTheNode();
        MachineOrder split = order(u"split-01"_s);
        split.dataPool = u"data-pool"_s;
        const QString data = MachineProvisioning::volumeName(split, NewDisk::Kind::Data);
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, split, true);
        for (qsizetype i = 0; i < 4; ++i) { // checked, recorded, root and data made: then the node is gone
            QVERIFY(plan.step(i).run().ok());
        }
        QVERIFY(NodeVolumes::exists(m_connection.get(), u"data-pool"_s, data));
        QVERIFY(!NodeVolumes::exists(m_connection.get(), pool, data));
        QCOMPARE(MachineProvisioning::removeLeftovers(m_connection.get()).value(), 1);
        QVERIFY(!NodeVolumes::exists(m_connection.get(), u"data-pool"_s, data));
        QCOMPARE(whatIsOnTheNode(), before);
        // A data disk larger than its pool is refused naming that pool.
        MachineOrder huge = order(u"split-02"_s);
        huge.dataPool = u"data-pool"_s;
        huge.dataBytes = 1ULL << 60;
        const Result<bool> checked = MachineProvisioning::plan(m_connection.get(), m_offer, huge, true).step(0).run();
        QVERIFY(!checked.ok());
        QVERIFY2(checked.error().message.contains(u"data-pool"_s), qPrintable(checked.error().text()));
        virStoragePoolDestroy(dataPool.get());
    }

    // A data disk kept from an earlier machine is attached, never made or deleted.
    void aKeptDataDiskIsAttachedAndKept()
    {
        QVERIFY(NodeVolumes::createEmpty(m_connection.get(), pool, u"kept-data.qcow2"_s, GiB, u"qcow2"_s).ok());
        MachineOrder again = order(u"again-01"_s);
        again.dataVolume = u"kept-data.qcow2"_s;
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, again, true);
        const std::atomic_bool cancel = false;
        const ProvisioningPlan::Outcome outcome = failingAt(plan, plan.size()).run(cancel);
        QCOMPARE(outcome.failedStep, plan.size());
        QVERIFY(NodeVolumes::exists(m_connection.get(), pool, u"kept-data.qcow2"_s));
        QVERIFY(!metadataOf(u"again-01"_s).unfinished.contains(pool + u"/kept-data.qcow2"_s));
        QVERIFY(MachineProvisioning::plan(m_connection.get(), m_offer, again, true).run(cancel).completed);
        QVERIFY(!metadataOf(u"again-01"_s).unfinished.contains(pool + u"/kept-data.qcow2"_s));
    }
    // A linked clone: layers over the parent's disks, which the parent
    // moves onto layers of its own; its own name, UUID, MAC and seed.
    void aLinkedCloneSharesItsParentsDisks()
    {
        const MachineOrder parent = parentMachine(u"clone-src"_s);
        const DomainDescription before = describe(u"clone-src"_s);
        const CloneOrder order = cloneOf(parent, u"clone-dst"_s, true);
        const ProvisioningPlan plan = MachineCloning::plan(m_connection.get(), order, true);
        const std::atomic_bool cancel = false;
        const ProvisioningPlan::Outcome outcome = plan.run(cancel);
        QVERIFY2(outcome.completed, qPrintable(outcome.failure.text()));

        const DomainDescription clone = describe(u"clone-dst"_s);
        const DomainDescription after = describe(u"clone-src"_s);
        QCOMPARE(clone.uuid, order.uuid);
        QCOMPARE(clone.interfaces.size(), 1);
        QVERIFY(clone.interfaces.first().mac != before.interfaces.first().mac);
        QCOMPARE(after.interfaces.first().mac, before.interfaces.first().mac);
        QCOMPARE(clone.metadata.tags, QStringList{u"shop"_s});
        QCOMPARE(clone.metadata.image, image);
        QVERIFY(clone.metadata.unfinished.isEmpty());
        QCOMPARE(after.metadata.tags, QStringList{u"shop"_s}); // the parent's own, kept
        const QString tag = order.uuid.left(8);
        QCOMPARE(clone.disks.at(0).source, pool + u"/clone-dst-vda-"_s + tag + u".qcow2"_s);
        QCOMPARE(after.disks.at(0).source, pool + u"/clone-src-vda-"_s + tag + u".qcow2"_s);
        const QString sharedBase
            = NodeVolumes::pathOf(m_connection.get(), pool, before.disks.at(0).source.section(u'/', 1));
        QCOMPARE(backingOf(u"clone-dst-vda-"_s + tag + u".qcow2"_s), sharedBase);
        QCOMPARE(backingOf(u"clone-src-vda-"_s + tag + u".qcow2"_s), sharedBase);
        QCOMPARE(clone.disks.at(1).source, pool + u"/clone-dst-vdb-"_s + tag + u".qcow2"_s); // the data disk too
        QCOMPARE(clone.disks.at(2).source, pool + u"/clone-dst-seed-"_s + tag + u".iso"_s);
        QVERIFY(NodeVolumes::exists(m_connection.get(), pool, u"clone-dst-seed-"_s + tag + u".iso"_s));
        QVERIFY(plan.step(plan.size() - 2).simulated); // the seed: the test driver takes no uploads
    }

    // A full copy of a paused machine; a running one, or a linked clone of a
    // paused one, is refused before anything is made.
    void aFullCopyOfAPausedMachine()
    {
        const MachineOrder parent = parentMachine(u"paused-src"_s);
        const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), "paused-src"));
        QCOMPARE(virDomainCreate(domain.get()), 0);
        const QStringList before = whatIsOnTheNode();
        const std::atomic_bool cancel = false;
        for (const bool linked : {true, false}) {
            const ProvisioningPlan::Outcome refused
                = MachineCloning::plan(m_connection.get(), cloneOf(parent, u"paused-dst"_s, linked), true).run(cancel);
            QCOMPARE(refused.failedStep, 0);
            QVERIFY2(refused.failure.message.contains(u"Shut paused-src down"_s), qPrintable(refused.failure.text()));
            QCOMPARE(whatIsOnTheNode(), before);
        }
        QCOMPARE(virDomainSuspend(domain.get()), 0);
        const CloneOrder copy = cloneOf(parent, u"paused-dst"_s, false);
        const ProvisioningPlan::Outcome outcome = MachineCloning::plan(m_connection.get(), copy, true).run(cancel);
        QVERIFY2(outcome.completed, qPrintable(outcome.failure.text()));
        const DomainDescription clone = describe(u"paused-dst"_s);
        const QString root = u"paused-dst-vda-"_s + copy.uuid.left(8) + u".qcow2"_s;
        QCOMPARE(clone.disks.at(0).source, pool + u"/"_s + root);
        QVERIFY(NodeVolumes::exists(m_connection.get(), pool, root));
        QCOMPARE(describe(u"paused-src"_s).disks.at(0).source,
            pool + u"/"_s + MachineProvisioning::volumeName(parent, NewDisk::Kind::Root));
        virDomainDestroy(domain.get());
    }

    void aMachineWithSnapshotsGetsNoLinkedClone()
    {
        const MachineOrder parent = parentMachine(u"snapped-src"_s);
        const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), "snapped-src"));
        const Libvirt::DomainSnapshot snapshot(
            virDomainSnapshotCreateXML(domain.get(), "<domainsnapshot><name>s1</name></domainsnapshot>", 0));
        QVERIFY(snapshot);
        const std::atomic_bool cancel = false;
        const ProvisioningPlan::Outcome refused
            = MachineCloning::plan(m_connection.get(), cloneOf(parent, u"snapped-dst"_s, true), true).run(cancel);
        QCOMPARE(refused.failedStep, 0);
        QVERIFY2(refused.failure.message.contains(u"has snapshots"_s), qPrintable(refused.failure.text()));
        const ProvisioningPlan::Outcome taken
            = MachineCloning::plan(m_connection.get(), cloneOf(parent, u"snapped-src"_s, false), true).run(cancel);
        QVERIFY2(taken.failure.message.contains(u"already on this node"_s), qPrintable(taken.failure.text()));
        const ProvisioningPlan::Outcome gone = MachineCloning::plan(m_connection.get(),
            CloneOrder{.parent = QUuid::createUuid().toString(QUuid::WithoutBraces), .name = u"x"_s}, true)
                                                   .run(cancel);
        QVERIFY2(gone.failure.message.contains(u"no longer on its node"_s), qPrintable(gone.failure.text()));
    }

    // A failure after each step leaves the node, and the parent's definition, as they were.
    void aCloneFailingAtAnyStepLeavesNothing()
    {
        const MachineOrder parent = parentMachine(u"undo-src"_s);
        const QByteArray definition = definitionOf(u"undo-src"_s);
        const ProvisioningPlan plan
            = MachineCloning::plan(m_connection.get(), cloneOf(parent, u"undo-dst"_s, true), true);
        QVERIFY(plan.size() > 6);
        everyFailureLeavesNothing(plan, [&] { QCOMPARE(definitionOf(u"undo-src"_s), definition); });
    }
};

QTEST_GUILESS_MAIN(MachineProvisioningTest)
#include "tst_machineprovisioning.moc"
