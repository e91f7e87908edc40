// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "provisioning/imageupload.h"
#include "provisioning/machineprovisioning.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/uploadjournal.h"
#include "qemunode.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <future>

#include <libvirt/virterror.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{
constexpr quint64 MiB = 1ULL << 20;
constexpr int timeoutMs = 60000;
const QString pool = u"flotilla-faults"_s;
const QString image = u"base.qcow2"_s;
} // namespace

// The node's daemon killed (SIGKILL, as a crash or a power cut looks from
// here) in the middle of provisioning, on a real libvirtd with QEMU: during
// an image's upload, and during each step of a machine's plan, define
// among them, with the call under way. The plan cannot undo anything then;
// once the daemon is back and the fleet connects to it, nothing of the
// machine or the upload is left on the node.
class ProvisionFaultsTest : public QObject
{
    Q_OBJECT

    Testing::LibvirtDaemon m_daemon{Testing::LibvirtDaemon::Driver::Qemu};
    QTemporaryDir m_images; ///< the pool's folder, which outlives the daemon
    Libvirt::Connection m_connection;
    HypervisorOffer m_offer;

    /// The daemon started (again), reached, and its pool there (a pool made
    /// for one run of the daemon is forgotten with it; its folder is not).
    Result<bool> startNode()
    {
        m_connection.reset();
        if (Result<bool> started = m_daemon.start(); !started) {
            return started;
        }
        m_connection.reset(virConnectOpen(m_daemon.qemuUri().toUtf8().constData()));
        if (!m_connection) {
            return Libvirt::lastError(u"open"_s);
        }
        return Testing::QemuNode::makeFolderPool(m_connection.get(), pool, m_images.path());
    }

    [[nodiscard]] QStringList whatIsOnTheNode() const
    {
        return Testing::QemuNode::whatIsOnTheNode(m_connection.get(), m_images.path());
    }

    /// A fleet connected to the node, as Flotilla is after the daemon came
    /// back, until what the node holds is @p expected again.
    void reconnectUntil(const QStringList &expected)
    {
        Fleet fleet;
        fleet.addNode(NodeEntry{.id = u"qemu"_s, .name = u"QEMU"_s, .uri = m_daemon.qemuUri()});
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().hasInventory, timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(whatIsOnTheNode(), expected, timeoutMs);
    }

    /// A raw disk image of @p mib MiB in @p folder, data all through: every block is sent.
    static QString writeRawImage(const QTemporaryDir &folder, int mib)
    {
        QFile disk(folder.filePath(u"disk.img"_s));
        if (!disk.open(QIODevice::WriteOnly)) {
            return {};
        }
        QByteArray block(qsizetype(MiB), Qt::Uninitialized);
        for (int i = 0; i < mib; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            if (i == 0) {
                block.replace(510, 2, "\x55\xaa"); // a raw disk: a boot sector's mark
            }
            disk.write(block);
        }
        return disk.fileName();
    }

    MachineOrder order(const QString &name) const
    {
        const QString mac = MachineDefinition::randomMac();
        const Result<CloudInit::Seed> seed = CloudInit::seed({.hostname = name}, u"iid-"_s + name, mac);
        return MachineOrder{.machine = {.name = name,
                                .uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
                                .vcpus = 1,
                                .maxVcpus = 1,
                                .memoryBytes = 128 * MiB,
                                .maxMemoryBytes = 128 * MiB,
                                .mac = mac,
                                .metadata = {.image = image, .creator = MachineProvisioning::creatorHere()}},
            .pool = pool,
            .image = image,
            .imageFormat = u"qcow2"_s,
            .rootBytes = 256 * MiB,
            .dataBytes = 64 * MiB,
            .seed = seed ? seed.value() : CloudInit::Seed{},
            .emulated = true};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(UploadJournal::defaultPath());
        Libvirt::initialize();
        const Result<bool> started = startNode();
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().text() + m_daemon.log()));
        QVERIFY(NodeVolumes::createEmpty(m_connection.get(), pool, image, 64 * MiB, u"qcow2"_s).ok());
        const Result<HypervisorOffer> offer = Testing::QemuNode::emulatedOffer(m_connection.get());
        QVERIFY2(offer.ok(), qPrintable(offer ? QString() : offer.error().text()));
        m_offer = offer.value();
    }

    // The stream is cut with a part of the image on the node's disk; the
    // volume cannot be deleted then, so the journal keeps it until the node is back.
    void killedDuringTheUpload()
    {
        const QStringList before = whatIsOnTheNode();
        QTemporaryDir local;
        const QString path = writeRawImage(local, 64);
        bool killed = false;
        const std::atomic_bool cancel = false;
        // On the thread that sends, after its first block: the upload is under way.
        const Result<ImageHeader::Image> sent = ImageUpload::upload(
            m_connection.get(), pool, u"cut.img"_s, path, cancel,
            [&](const ImageUpload::Progress &progress) {
                if (!killed && progress.doneBytes > 0 && progress.doneBytes < progress.totalBytes) {
                    killed = true;
                    m_daemon.kill();
                }
            },
            m_daemon.qemuUri());
        QVERIFY2(killed, qPrintable(sent ? u"sent whole"_s : sent.error().text()));
        QVERIFY(!sent.ok());
        QVERIFY2(QFile::exists(m_images.filePath(u"cut.img"_s)), "the half-made volume is on the node's disk");
        QCOMPARE(UploadJournal().abandoned(m_daemon.qemuUri()).size(), 1);

        const Result<bool> back = startNode();
        QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().text()));
        reconnectUntil(before);
        QVERIFY(UploadJournal().abandoned(m_daemon.qemuUri()).isEmpty());
    }

    // Flotilla quits while it uploads: the plan is cancelled and deletes the
    // half-sent volume before the application is gone (the fleet waits for
    // plans under way, within its one deadline for quitting).
    void quittingDuringAnUploadLeavesNothing()
    {
        const QStringList before = whatIsOnTheNode();
        QTemporaryDir local;
        const QString path = writeRawImage(local, 128);
        auto fleet = std::make_unique<Fleet>();
        fleet->addNode(NodeEntry{.id = u"qemu"_s, .name = u"QEMU"_s, .uri = m_daemon.qemuUri()});
        QTRY_VERIFY_WITH_TIMEOUT(fleet->nodes().first().hasInventory, timeoutMs);
        bool underWay = false;
        connect(fleet.get(), &Fleet::provisioningUpdated, this, [&](const QString &, const ProvisioningUpdate &update) {
            if (update.doneBytes > 0 && update.doneBytes < update.totalBytes && !underWay) {
                underWay = true;
                m_daemon.pause(); // the rest of the image waits: the quit comes before it is sent
            }
        });
        (void)fleet->provision(u"qemu"_s,
            {.kind = ProvisioningRequest::Kind::ImageFromFile, .pool = pool, .name = u"quit.img"_s, .path = path});
        QTRY_VERIFY_WITH_TIMEOUT(underWay, timeoutMs);
        m_daemon.resume();
        fleet.reset();
        QCOMPARE(whatIsOnTheNode(), before);
        QVERIFY(UploadJournal().abandoned(m_daemon.qemuUri()).isEmpty());
    }

    void killedDuringAStepOfAMachine_data()
    {
        QTest::addColumn<qsizetype>("step");
        QTest::addColumn<bool>("made");
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, order(u"x"_s), false);
        for (qsizetype i = 0; i < plan.size(); ++i) {
            // Started last, when it is whole and no longer marked unfinished:
            // a node lost then keeps the machine made, and off.
            QTest::newRow(qPrintable(plan.step(i).title)) << i << (i == plan.size() - 1);
        }
    }

    // The daemon stops (SIGSTOP) just before the step's call, the plan's
    // thread sends it and waits, and then the daemon is killed: the call is
    // under way and never answered, as when a node dies in the middle of it.
    void killedDuringAStepOfAMachine()
    {
        QFETCH(qsizetype, step);
        QFETCH(bool, made);
        QStringList expected = whatIsOnTheNode();
        const MachineOrder machine = order(u"cut-%1"_s.arg(step));
        const ProvisioningPlan plan = MachineProvisioning::plan(m_connection.get(), m_offer, machine, false);
        ProvisioningPlan cut;
        for (qsizetype i = 0; i < plan.size(); ++i) {
            ProvisioningPlan::Step each = plan.step(i);
            if (i == step) {
                each.run = [this, run = each.run] {
                    m_daemon.pause();
                    QMetaObject::invokeMethod(this, [this] { m_daemon.kill(); }, Qt::QueuedConnection);
                    return run();
                };
            }
            cut.append(each);
        }
        const std::atomic_bool cancel = false;
        std::future<ProvisioningPlan::Outcome> running
            = std::async(std::launch::async, [&cut, &cancel] { return cut.run(cancel); });
        QTRY_VERIFY_WITH_TIMEOUT(running.wait_for(std::chrono::seconds(0)) == std::future_status::ready, timeoutMs);
        const ProvisioningPlan::Outcome outcome = running.get();
        QVERIFY(!outcome.completed);
        QCOMPARE(outcome.failedStep, step);

        if (made) {
            expected.append(u"machine "_s + machine.machine.name);
            for (const NewDisk::Kind kind : {NewDisk::Kind::Root, NewDisk::Kind::Data, NewDisk::Kind::Seed}) {
                expected.append(u"file "_s + MachineProvisioning::volumeName(machine, kind));
            }
            expected.sort();
        }
        const Result<bool> back = startNode();
        QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().text()));
        reconnectUntil(expected);
    }

    void cleanupTestCase()
    {
        m_connection.reset();
        m_daemon.stop();
        QFile::remove(UploadJournal::defaultPath());
    }
};

QTEST_GUILESS_MAIN(ProvisionFaultsTest)
#include "tst_provisionfaults.moc"
