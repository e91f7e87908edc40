// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/volumedownload.h"
#include "provisioning/volumetransfer.h"
#include "session/inventoryreader.h"
#include "session/noderequest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <sys/stat.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;
using Kind = NodeRequest::Kind;

namespace
{
constexpr quint64 MiB = 1ULL << 20;
}

// A node's storage changed through NodeRequests on a real libvirtd with
// QEMU: a directory pool made where there was no folder, a volume made,
// grown and deleted on the node's disk, a volume a machine uses kept (the
// machine named), a volume saved to this computer as it is, and a pool
// that cannot start leaving nothing behind.
// Networks are not started here: on a real node that makes a bridge,
// firewall rules and a DHCP server on the computer running the tests (see
// docs/BUILDING.md); they are tested on the test driver (tst_noderequests).
class StorageQemuTest : public QObject
{
    Q_OBJECT

    Testing::LibvirtDaemon m_daemon{Testing::LibvirtDaemon::Driver::Qemu};
    QTemporaryDir m_folder;
    Libvirt::Connection m_connection;

    NodeRequestResult perform(const NodeRequest &request) { return NodeRequests::perform(m_connection.get(), request); }

    bool hasPool(const QString &name)
    {
        const Libvirt::Pool pool(virStoragePoolLookupByName(m_connection.get(), name.toUtf8().constData()));
        virResetLastError();
        return bool(pool);
    }

    quint64 capacity(const QString &path)
    {
        const Libvirt::Volume volume(virStorageVolLookupByPath(m_connection.get(), path.toUtf8().constData()));
        virStorageVolInfo info{};
        return volume && virStorageVolGetInfo(volume.get(), &info) == 0 ? info.capacity : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Libvirt::initialize();
        QVERIFY(m_folder.isValid());
        const Result<bool> started = m_daemon.start();
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().text() + m_daemon.log()));
        m_connection.reset(virConnectOpen(m_daemon.qemuUri().toUtf8().constData()));
        QVERIFY(m_connection);
    }

    void aDirectoryPoolAndItsVolumes()
    {
        const QString folder = m_folder.filePath(u"pools/fast"_s);
        QVERIFY(!QFileInfo::exists(folder));
        const NodeRequestResult made = perform({.kind = Kind::CreatePool,
            .poolSpec = {.name = u"fast"_s, .type = PoolSpec::Type::Directory, .path = folder}});
        QVERIFY2(made.error.isEmpty(), qPrintable(made.error.text() + m_daemon.log()));
        QVERIFY2(QFileInfo(folder).isDir(), "the node made the pool's folder");
        const Result<QList<StoragePool>> pools = InventoryReader::readPools(m_connection.get());
        QVERIFY(pools.ok());
        const auto fast
            = std::ranges::find_if(pools.value(), [](const StoragePool &each) { return each.name == u"fast"_s; });
        QVERIFY(fast != pools.value().end());
        QCOMPARE(fast->type, u"dir"_s);
        QCOMPARE(fast->path, folder);
        QVERIFY(fast->active && fast->autostart && fast->capacityBytes > 0);

        QVERIFY(perform({.kind = Kind::CreateVolume,
                            .pool = u"fast"_s,
                            .volumeSpec = {.name = u"data.qcow2"_s, .capacityBytes = 64 * MiB, .format = u"qcow2"_s}})
                .error.isEmpty());
        const QString path = folder + u"/data.qcow2"_s;
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(capacity(path), 64 * MiB);
        const NodeRequestResult grown
            = perform({.kind = Kind::ResizeVolume, .pool = u"fast"_s, .volume = u"data.qcow2"_s, .bytes = 128 * MiB});
        QVERIFY2(grown.error.isEmpty(), qPrintable(grown.error.text()));
        QCOMPARE(capacity(path), 128 * MiB);

        const QString machine
            = u"<domain type='qemu'><name>database</name><memory unit='MiB'>64</memory>"
              "<os><type arch='x86_64'>hvm</type></os><devices>"
              "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
              "<source file='%1'/><target dev='vda' bus='virtio'/></disk></devices></domain>"_s.arg(path);
        const Libvirt::Domain user(virDomainDefineXML(m_connection.get(), machine.toUtf8().constData()));
        QVERIFY2(user, qPrintable(Libvirt::lastError(u"define"_s).text()));
        const NodeRequestResult used
            = perform({.kind = Kind::DeleteVolume, .pool = u"fast"_s, .volume = u"data.qcow2"_s});
        QVERIFY2(used.error.details.contains(u"database uses it"_s), qPrintable(used.error.text()));
        QVERIFY(QFileInfo::exists(path));
        const NodeRequestResult notEmpty = perform({.kind = Kind::DeletePool, .pool = u"fast"_s});
        QVERIFY(notEmpty.error.details.contains(u"holds 1 volume"_s));

        QCOMPARE(virDomainUndefine(user.get()), 0);
        QVERIFY(perform({.kind = Kind::DeleteVolume, .pool = u"fast"_s, .volume = u"data.qcow2"_s}).error.isEmpty());
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(perform({.kind = Kind::DeletePool, .pool = u"fast"_s}).error.isEmpty());
        QVERIFY(!hasPool(u"fast"_s));
        QVERIFY2(QFileInfo(folder).isDir(), "deleting a pool leaves its folder");
    }

    // A volume saved to this computer as it is on the node, through the
    // fleet as the Storage page asks; a cancelled download leaves no file.
    void aVolumeDownloaded()
    {
        const QString pool = u"downloads"_s;
        QVERIFY(perform({.kind = Kind::CreatePool, .poolSpec = {.name = pool, .path = m_folder.filePath(u"dl"_s)}})
                .error.isEmpty());
        QByteArray content(qsizetype(3 * MiB), '\0'); // mostly a hole, data at both ends
        content.replace(0, 5, "start");
        content.replace(content.size() - 3, 3, "end");
        QVERIFY(NodeVolumes::createWith(m_connection.get(), pool, u"disk.img"_s, content, false).ok());

        Fleet fleet;
        fleet.addNode(NodeEntry{.id = u"qemu"_s, .name = u"QEMU"_s, .uri = m_daemon.qemuUri()});
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().hasInventory, 60000);
        QSignalSpy finished(&fleet, &Fleet::provisioningFinished);
        const QString saved = m_folder.filePath(u"saved.img"_s);
        const quint64 job = fleet.provision(u"qemu"_s,
            {.kind = ProvisioningRequest::Kind::VolumeToFile, .pool = pool, .name = u"disk.img"_s, .path = saved});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const auto result = finished.first().at(1).value<ProvisioningResult>();
        QCOMPARE(result.jobId, job);
        QVERIFY2(result.outcome.completed, qPrintable(result.outcome.failure.text()));
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);

        const std::atomic_bool cancelled = true;
        const QString never = m_folder.filePath(u"never.img"_s);
        const Result<quint64> stopped
            = VolumeDownload::download(m_connection.get(), pool, u"disk.img"_s, never, cancelled);
        QVERIFY(!stopped.ok());
        QVERIFY(!QFileInfo::exists(never));
        QVERIFY(NodeVolumes::remove(m_connection.get(), pool, u"disk.img"_s).ok());
        QVERIFY(perform({.kind = Kind::DeletePool, .pool = pool}).error.isEmpty());
    }

    // A volume copied to another node through Flotilla (here the same
    // daemon reached a second way, over TCP, into another pool): the same
    // bytes, its holes sent as holes and left as holes; a cancelled copy
    // and a taken name leave nothing on the target.
    void aVolumeCopiedToAnotherNode()
    {
        for (const QString &pool : {u"here"_s, u"there"_s}) {
            QVERIFY(perform({.kind = Kind::CreatePool, .poolSpec = {.name = pool, .path = m_folder.filePath(pool)}})
                    .error.isEmpty());
        }
        QVERIFY(NodeVolumes::createEmpty(m_connection.get(), u"here"_s, u"disk.img"_s, 64 * MiB, u"raw"_s).ok());
        QFile disk(m_folder.filePath(u"here/disk.img"_s)); // written in place, so the rest stays a hole
        QVERIFY(disk.open(QIODevice::ReadWrite));
        QVERIFY(disk.write("start") == 5 && disk.seek(qint64(40 * MiB)) && disk.write("middle") == 6);
        disk.close();
        const Libvirt::Connection there(virConnectOpen(m_daemon.qemuTcpUri().toUtf8().constData()));
        QVERIFY2(there, qPrintable(Libvirt::lastError(u"open"_s).text()));
        QList<VolumeTransfer::Progress> heard;
        const std::atomic_bool go = false;
        const Result<quint64> sent = VolumeTransfer::copy(m_connection.get(), u"here"_s, u"disk.img"_s, there.get(),
            u"there"_s, u"copy.img"_s, go, [&](const VolumeTransfer::Progress &progress) { heard.append(progress); });
        QVERIFY2(sent.ok(), qPrintable(sent ? QString() : sent.error().text() + m_daemon.log()));
        QVERIFY2(sent.value() < 4 * MiB, qPrintable(QString::number(sent.value()))); // the holes did not travel
        QVERIFY(!heard.isEmpty());
        QCOMPARE(heard.last().doneBytes, 64 * MiB);
        QFile copied(m_folder.filePath(u"there/copy.img"_s));
        QVERIFY(copied.open(QIODevice::ReadOnly));
        QCOMPARE(copied.size(), qint64(64 * MiB));
        QCOMPARE(copied.read(5), QByteArray("start"));
        QVERIFY(copied.seek(qint64(40 * MiB)));
        QCOMPARE(copied.read(6), QByteArray("middle"));
        struct stat status{};
        QCOMPARE(::stat(copied.fileName().toLocal8Bit().constData(), &status), 0);
        QVERIFY2(quint64(status.st_blocks) * 512 < 8 * MiB, "the copy kept its holes");

        const Result<quint64> taken = VolumeTransfer::copy(
            m_connection.get(), u"here"_s, u"disk.img"_s, there.get(), u"there"_s, u"copy.img"_s, go);
        QVERIFY(!taken.ok() && taken.error().message.contains(u"already has a volume"_s));
        const std::atomic_bool stop = true;
        const Result<quint64> cancelled = VolumeTransfer::copy(
            m_connection.get(), u"here"_s, u"disk.img"_s, there.get(), u"there"_s, u"never.img"_s, stop);
        QVERIFY(!cancelled.ok());
        QVERIFY(!NodeVolumes::exists(there.get(), u"there"_s, u"never.img"_s));
        QVERIFY(NodeVolumes::exists(m_connection.get(), u"here"_s, u"disk.img"_s)); // the source as it was
    }

    // The NFS server is not there (nothing listens on 127.0.0.1 for NFS):
    // the pool cannot start, and the node is left without it.
    void aPoolThatCannotStartIsNotKept()
    {
        const NodeRequestResult made = perform({.kind = Kind::CreatePool,
            .poolSpec = {.name = u"shared"_s,
                .type = PoolSpec::Type::Nfs,
                .path = m_folder.filePath(u"mnt/shared"_s),
                .host = u"127.0.0.1"_s,
                .exportPath = u"/nowhere"_s}});
        QCOMPARE(made.error.message, u"Could not create the pool"_s);
        QVERIFY2(made.error.details.contains(u"could not start"_s), qPrintable(made.error.text()));
        QVERIFY(!hasPool(u"shared"_s));
    }
};

QTEST_GUILESS_MAIN(StorageQemuTest)
#include "tst_storageqemu.moc"
