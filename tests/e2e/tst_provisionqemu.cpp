// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "provisioning/machineprovisioning.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/seediso.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <libvirt/virterror.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{
constexpr quint64 MiB = 1ULL << 20;
const QString pool = u"flotilla-test"_s;
const QString image = u"base.qcow2"_s;
} // namespace

// The provisioning plan on a real libvirtd with the QEMU driver (software
// emulation): the node's own domain capabilities, a linked clone over a
// qcow2 image made by the node, a data disk, the seed sent through a real
// stream, define and start; and nothing left when a step fails or the
// plan stops half way.
class ProvisionQemuTest : public QObject
{
    Q_OBJECT

    Testing::LibvirtDaemon m_daemon{Testing::LibvirtDaemon::Driver::Qemu};
    QTemporaryDir m_images;
    Libvirt::Connection m_connection;
    HypervisorOffer m_offer;

    MachineOrder order(const QString &name) const
    {
        MachineSetup setup{.hostname = name};
        const Result<CloudInit::Seed> seed = CloudInit::seed(setup, u"iid-"_s + name, u"52:54:00:12:34:56"_s);
        return MachineOrder{.machine = {.name = name,
                                .uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
                                .vcpus = 1,
                                .maxVcpus = 2,
                                .memoryBytes = 128 * MiB,
                                .maxMemoryBytes = 256 * MiB,
                                .mac = u"52:54:00:12:34:56"_s},
            .pool = pool,
            .image = image,
            .imageFormat = u"qcow2"_s,
            .rootBytes = 256 * MiB,
            .dataBytes = 64 * MiB,
            .seed = seed ? seed.value() : CloudInit::Seed{}};
    }

    /// The machines this test makes, gone: the QEMU driver keeps definitions
    /// in the build root, so a run that crashed would leave them to the next.
    void removeOurMachines() const
    {
        for (const char *name : {"web-01", "web-02", "web-03"}) {
            const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), name));
            if (domain) {
                virDomainDestroy(domain.get());
                virDomainUndefineFlags(domain.get(), VIR_DOMAIN_UNDEFINE_NVRAM);
            }
        }
        virResetLastError();
    }

    QStringList whatIsOnTheNode() const
    {
        QStringList names;
        virDomainPtr *domains = nullptr;
        const int domainCount = virConnectListAllDomains(m_connection.get(), &domains, 0);
        for (const Libvirt::Domain &domain : Libvirt::adoptList<Libvirt::Domain>(domains, domainCount)) {
            names.append(u"machine "_s + QString::fromUtf8(virDomainGetName(domain.get())));
        }
        for (const QString &file : QDir(m_images.path()).entryList(QDir::Files)) {
            names.append(u"file "_s + file);
        }
        names.sort();
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_images.isValid());
        const Result<bool> started = m_daemon.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().text()));
        Libvirt::initialize();
        m_connection.reset(virConnectOpen(m_daemon.qemuUri().toUtf8().constData()));
        QVERIFY2(m_connection, qPrintable(Libvirt::lastError(u"open"_s).text() + m_daemon.log()));
        removeOurMachines();
        const QByteArray poolXml = "<pool type='dir'><name>" + pool.toUtf8() + "</name><target><path>"
            + m_images.path().toUtf8() + "</path></target></pool>";
        Libvirt::Pool created(virStoragePoolCreateXML(m_connection.get(), poolXml.constData(), 0));
        QVERIFY2(created, qPrintable(Libvirt::lastError(u"pool"_s).text()));
        QVERIFY(NodeVolumes::createEmpty(m_connection.get(), pool, image, 64 * MiB, u"qcow2"_s).ok());
        char *capabilities = virConnectGetDomainCapabilities(m_connection.get(), nullptr, "x86_64", "q35", "qemu", 0);
        QVERIFY2(capabilities, qPrintable(Libvirt::lastError(u"capabilities"_s).text()));
        const Result<HypervisorOffer> offer = MachineDefinition::parseOffer(capabilities);
        free(capabilities); // NOLINT(cppcoreguidelines-no-malloc)
        QVERIFY(offer.ok());
        m_offer = offer.value();
        QVERIFY(m_offer.isEmulated());
    }

    void makesAndStartsAMachine()
    {
        const MachineOrder web = order(u"web-01"_s);
        QVERIFY(!web.seed.userData.isEmpty());
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, web, false);
        const std::atomic_bool cancel = false;
        const ProvisioningPlan::Outcome outcome = plan.run(cancel);
        QVERIFY2(outcome.completed, qPrintable(outcome.failure.text() + m_daemon.log()));

        const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), "web-01"));
        QVERIFY(domain);
        int state = 0;
        QCOMPARE(virDomainGetState(domain.get(), &state, nullptr, 0), 0);
        QCOMPARE(state, int(VIR_DOMAIN_RUNNING));
        // The seed went through the stream byte for byte.
        QFile seed(m_images.filePath(MachineProvisioning::volumeName(web, NewDisk::Kind::Seed)));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QCOMPARE(seed.readAll(), SeedIso::build(web.seed).value());
        // The root disk is an overlay on the image, with the image's format named.
        Libvirt::Pool handle(virStoragePoolLookupByName(m_connection.get(), pool.toUtf8().constData()));
        Libvirt::Volume root(virStorageVolLookupByName(
            handle.get(), MachineProvisioning::volumeName(web, NewDisk::Kind::Root).toUtf8().constData()));
        char *xml = virStorageVolGetXMLDesc(root.get(), 0);
        const QString rootXml = QString::fromUtf8(xml);
        free(xml); // NOLINT(cppcoreguidelines-no-malloc)
        QVERIFY2(rootXml.contains(m_images.filePath(image)) && rootXml.contains(u"<format type='qcow2'/>"_s),
            qPrintable(rootXml));
    }

    void aFailureWhileRunningLeavesNothing()
    {
        removeOurMachines();
        const QStringList before = whatIsOnTheNode();
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, order(u"web-02"_s), false);
        ProvisioningPlan failing;
        for (qsizetype i = 0; i < plan.size(); ++i) {
            failing.append(plan.step(i));
        }
        failing.append({.title = u"fail"_s, .run = []() -> Result<bool> { return Error{.message = u"injected"_s}; }});
        const std::atomic_bool cancel = false;
        const ProvisioningPlan::Outcome outcome = failing.run(cancel);
        QCOMPARE(outcome.failedStep, plan.size());
        QVERIFY(outcome.leftovers.isEmpty());
        QCOMPARE(whatIsOnTheNode(), before);
    }

    void leftoversOfALostPlanAreRemoved()
    {
        const QStringList before = whatIsOnTheNode();
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, order(u"web-03"_s), false);
        for (qsizetype i = 0; i < plan.size() - 2; ++i) { // everything made but the mark taken off and the start
            QVERIFY(plan.step(i).run().ok());
        }
        QVERIFY(whatIsOnTheNode() != before);
        const Result<int> removed = MachineProvisioning::removeLeftovers(m_connection.get());
        QVERIFY2(removed.ok(), qPrintable(removed ? QString() : removed.error().text()));
        QCOMPARE(removed.value(), 1);
        QCOMPARE(whatIsOnTheNode(), before);
    }

    void cleanupTestCase()
    {
        if (m_connection) {
            removeOurMachines();
        }
        m_connection.reset();
        m_daemon.stop();
    }
};

QTEST_GUILESS_MAIN(ProvisionQemuTest)
#include "tst_provisionqemu.moc"
