// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "provisioning/imageupload.h"
#include "provisioning/machineprovisioning.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/seediso.h"
#include "qemunode.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <libvirt/virterror.h>
#include <sys/stat.h>

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

    [[nodiscard]] QStringList whatIsOnTheNode() const
    {
        return Testing::QemuNode::whatIsOnTheNode(m_connection.get(), m_images.path());
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
        const Result<bool> made = Testing::QemuNode::makeFolderPool(m_connection.get(), pool, m_images.path());
        QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().text()));
        QVERIFY(NodeVolumes::createEmpty(m_connection.get(), pool, image, 64 * MiB, u"qcow2"_s).ok());
        const Result<HypervisorOffer> offer = Testing::QemuNode::emulatedOffer(m_connection.get());
        QVERIFY2(offer.ok(), qPrintable(offer ? QString() : offer.error().text()));
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

    // A sparse raw disk goes to the node as a sparse file, whole, with
    // progress up to its size.
    void uploadsAnImageSparsely()
    {
        QTemporaryDir local;
        QFile disk(local.filePath(u"disk.img"_s));
        QVERIFY(disk.open(QIODevice::WriteOnly) && disk.resize(64 * MiB));
        disk.seek(510);
        disk.write("\x55\xaa", 2); // an MBR
        disk.seek(32 * MiB);
        disk.write(QByteArray(MiB, 'x'));
        disk.close();
        const std::atomic_bool cancel = false;
        QList<quint64> progress;
        const Result<ImageHeader::Image> sent = ImageUpload::upload(m_connection.get(), pool, u"uploaded.img"_s,
            disk.fileName(), cancel, [&progress](const ImageUpload::Progress &now) { progress.append(now.doneBytes); });
        QVERIFY2(sent.ok(), qPrintable(sent ? QString() : sent.error().text()));
        QCOMPARE(sent.value().format, ImageHeader::Format::Raw);
        QCOMPARE(progress.last(), 64 * MiB);
        QVERIFY(std::ranges::is_sorted(progress));
        QFile onNode(m_images.filePath(u"uploaded.img"_s));
        QVERIFY(onNode.open(QIODevice::ReadOnly));
        QVERIFY(disk.open(QIODevice::ReadOnly));
        QVERIFY(onNode.readAll() == disk.readAll());
        struct stat status{};
        QCOMPARE(::stat(onNode.fileName().toLocal8Bit().constData(), &status), 0);
        QVERIFY2(quint64(status.st_blocks) * 512 < 8 * MiB,
            qPrintable(QString::number(status.st_blocks))); // the holes stayed holes

        // The same name again is refused before anything is sent.
        const Result<ImageHeader::Image> again
            = ImageUpload::upload(m_connection.get(), pool, u"uploaded.img"_s, disk.fileName(), cancel);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(u"already has"_s), qPrintable(again.error().text()));
        QVERIFY(NodeVolumes::remove(m_connection.get(), pool, u"uploaded.img"_s).ok());
    }

    // A qcow2 image arrives as qcow2: the node reads its format and its
    // virtual size itself.
    void uploadsAQcow2Image()
    {
        QTemporaryDir local;
        const QString path = local.filePath(u"image.qcow2"_s);
        QProcess qemuImg;
        qemuImg.start(
            QStandardPaths::findExecutable(u"qemu-img"_s), {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, path, u"1G"_s});
        QVERIFY(qemuImg.waitForFinished() && qemuImg.exitCode() == 0);
        const std::atomic_bool cancel = false;
        const Result<ImageHeader::Image> sent
            = ImageUpload::upload(m_connection.get(), pool, u"uploaded.qcow2"_s, path, cancel);
        QVERIFY2(sent.ok(), qPrintable(sent ? QString() : sent.error().text()));
        QCOMPARE(sent.value().format, ImageHeader::Format::Qcow2);
        Libvirt::Pool handle(virStoragePoolLookupByName(m_connection.get(), pool.toUtf8().constData()));
        QCOMPARE(virStoragePoolRefresh(handle.get(), 0), 0);
        Libvirt::Volume volume(virStorageVolLookupByName(handle.get(), "uploaded.qcow2"));
        virStorageVolInfo info;
        QCOMPARE(virStorageVolGetInfo(volume.get(), &info), 0);
        QCOMPARE(quint64(info.capacity), 1024 * MiB);
        char *xml = virStorageVolGetXMLDesc(volume.get(), 0);
        QVERIFY(QByteArrayView(xml).contains("<format type='qcow2'/>"));
        free(xml); // NOLINT(cppcoreguidelines-no-malloc)
        QVERIFY(NodeVolumes::remove(m_connection.get(), pool, u"uploaded.qcow2"_s).ok());
    }

    void aCancelledUploadLeavesNothing()
    {
        QTemporaryDir local;
        QFile disk(local.filePath(u"disk.img"_s));
        QVERIFY(disk.open(QIODevice::WriteOnly));
        QByteArray data(16 * MiB, 'x');
        data.replace(510, 2, "\x55\xaa");
        disk.write(data);
        disk.close();
        std::atomic_bool cancel = false;
        const Result<ImageHeader::Image> sent = ImageUpload::upload(m_connection.get(), pool, u"cancelled.img"_s,
            disk.fileName(), cancel, [&cancel](const ImageUpload::Progress &) { cancel = true; });
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().message.contains(u"cancelled"_s), qPrintable(sent.error().text()));
        QVERIFY(!NodeVolumes::exists(m_connection.get(), pool, u"cancelled.img"_s));
        QVERIFY(!QFile::exists(m_images.filePath(u"cancelled.img"_s)));
    }

    void anImageThatReachesNodeFilesIsNotSent()
    {
        QTemporaryDir local;
        const QString path = local.filePath(u"reaching.qcow2"_s);
        QProcess qemuImg;
        qemuImg.start(QStandardPaths::findExecutable(u"qemu-img"_s),
            {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-b"_s, u"/etc/shadow"_s, u"-F"_s, u"raw"_s, path, u"1G"_s});
        QVERIFY(qemuImg.waitForFinished() && qemuImg.exitCode() == 0);
        const std::atomic_bool cancel = false;
        const Result<ImageHeader::Image> sent
            = ImageUpload::upload(m_connection.get(), pool, u"reaching.qcow2"_s, path, cancel);
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().details.contains(u"/etc/shadow"_s), qPrintable(sent.error().text()));
        QVERIFY(!NodeVolumes::exists(m_connection.get(), pool, u"reaching.qcow2"_s));
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
