// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"
#include "session/inventoryreader.h"
#include "session/noderequest.h"

#include <QSignalSpy>
#include <QTest>

#include <libvirt/libvirt.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;
using Kind = NodeRequest::Kind;

namespace
{
constexpr quint64 GiB = 1ULL << 30;
}

// A node's storage pools, volumes and virtual networks changed through
// NodeRequests on libvirt's test driver: made, started, stopped, grown,
// deleted, and refused (naming the machine) while a machine needs them.
class NodeRequestsTest : public QObject
{
    Q_OBJECT

    Libvirt::Connection m_connection;

    NodeRequestResult perform(const NodeRequest &request) { return NodeRequests::perform(m_connection.get(), request); }

    std::optional<StoragePool> pool(const QString &name)
    {
        const Result<QList<StoragePool>> pools = InventoryReader::readPools(m_connection.get());
        for (const StoragePool &each : pools.ok() ? pools.value() : QList<StoragePool>{}) {
            if (each.name == name) {
                return each;
            }
        }
        return std::nullopt;
    }

    std::optional<VirtualNetwork> network(const QString &name)
    {
        const Result<QList<VirtualNetwork>> networks = InventoryReader::readNetworks(m_connection.get());
        for (const VirtualNetwork &each : networks.ok() ? networks.value() : QList<VirtualNetwork>{}) {
            if (each.name == name) {
                return each;
            }
        }
        return std::nullopt;
    }

    /// A machine of the test driver with the disk @p disk and an interface on @p network (either may be empty).
    Libvirt::Domain defineMachine(const QString &name, const QString &disk, const QString &network)
    {
        QString xml = u"<domain type='test'><name>%1</name><memory>131072</memory><os><type>hvm</type></os>"
                      "<devices>"_s.arg(name);
        if (!disk.isEmpty()) {
            xml += u"<disk type='file' device='disk'><source file='%1'/><target dev='vda'/></disk>"_s.arg(disk);
        }
        if (!network.isEmpty()) {
            xml += u"<interface type='network'><source network='%1'/></interface>"_s.arg(network);
        }
        xml += u"</devices></domain>"_s;
        return Libvirt::Domain(virDomainDefineXML(m_connection.get(), xml.toUtf8().constData()));
    }

    QString volumePath(const QString &inPool, const QString &volume)
    {
        const Libvirt::Pool handle(virStoragePoolLookupByName(m_connection.get(), inPool.toUtf8().constData()));
        const Libvirt::Volume found(
            handle ? virStorageVolLookupByName(handle.get(), volume.toUtf8().constData()) : nullptr);
        char *path = found ? virStorageVolGetPath(found.get()) : nullptr;
        const QString result = QString::fromUtf8(path);
        free(path);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Libvirt::initialize();
        m_connection.reset(virConnectOpen("test:///default"));
        QVERIFY(m_connection);
    }

    void readsPoolsAndNetworks()
    {
        const std::optional<StoragePool> defaultPool = pool(u"default-pool"_s);
        QVERIFY(defaultPool);
        QCOMPARE(defaultPool->type, u"dir"_s);
        QCOMPARE(defaultPool->path, u"/default-pool"_s);
        QVERIFY(defaultPool->active);
        const std::optional<VirtualNetwork> defaultNetwork = network(u"default"_s);
        QVERIFY(defaultNetwork);
        QCOMPARE(defaultNetwork->mode, u"nat"_s);
        QCOMPARE(defaultNetwork->prefix, 24);
        QVERIFY(!defaultNetwork->dhcpStart.isEmpty());
    }

    void poolsAndVolumes()
    {
        const NodeRequestResult made = perform({.kind = Kind::CreatePool,
            .poolSpec = {.name = u"fast"_s, .type = PoolSpec::Type::Directory, .path = u"/fast"_s}});
        QVERIFY2(made.error.isEmpty(), qPrintable(made.error.text()));
        QVERIFY(pool(u"fast"_s));
        QVERIFY(pool(u"fast"_s)->active);
        QVERIFY(pool(u"fast"_s)->autostart);
        QCOMPARE(pool(u"fast"_s)->path, u"/fast"_s);

        const NodeRequestResult volume = perform({.kind = Kind::CreateVolume,
            .pool = u"fast"_s,
            .volumeSpec = {.name = u"data.qcow2"_s, .capacityBytes = GiB, .format = u"qcow2"_s}});
        QVERIFY2(volume.error.isEmpty(), qPrintable(volume.error.text()));
        const QString path = volumePath(u"fast"_s, u"data.qcow2"_s);
        QVERIFY(!path.isEmpty());

        const NodeRequestResult shrunk
            = perform({.kind = Kind::ResizeVolume, .pool = u"fast"_s, .volume = u"data.qcow2"_s, .bytes = GiB / 2});
        QVERIFY(shrunk.error.details.contains(u"only grows"_s));

        const Libvirt::Domain user = defineMachine(u"database"_s, path, {});
        QVERIFY(user);
        const NodeRequestResult usedVolume
            = perform({.kind = Kind::DeleteVolume, .pool = u"fast"_s, .volume = u"data.qcow2"_s});
        QCOMPARE(usedVolume.error.message, u"Could not delete the volume"_s);
        QVERIFY2(usedVolume.error.details.contains(u"database uses it"_s), qPrintable(usedVolume.error.text()));
        QVERIFY(!volumePath(u"fast"_s, u"data.qcow2"_s).isEmpty());

        QCOMPARE(virDomainCreate(user.get()), 0);
        const NodeRequestResult stopWhileUsed = perform({.kind = Kind::StopPool, .pool = u"fast"_s});
        QVERIFY2(stopWhileUsed.error.details.contains(u"database runs on its volumes"_s),
            qPrintable(stopWhileUsed.error.text()));
        const NodeRequestResult growWhileRunning
            = perform({.kind = Kind::ResizeVolume, .pool = u"fast"_s, .volume = u"data.qcow2"_s, .bytes = 2 * GiB});
        QVERIFY(growWhileRunning.error.details.contains(u"database runs on it"_s));
        QCOMPARE(virDomainDestroy(user.get()), 0);

        const NodeRequestResult notEmpty = perform({.kind = Kind::DeletePool, .pool = u"fast"_s});
        QVERIFY2(notEmpty.error.details.contains(u"holds 1 volume"_s), qPrintable(notEmpty.error.text()));
        QCOMPARE(virDomainUndefine(user.get()), 0);
        QVERIFY(perform({.kind = Kind::DeleteVolume, .pool = u"fast"_s, .volume = u"data.qcow2"_s}).error.isEmpty());
        QVERIFY(volumePath(u"fast"_s, u"data.qcow2"_s).isEmpty());

        QVERIFY(perform({.kind = Kind::SetPoolAutostart, .pool = u"fast"_s, .autostart = false}).error.isEmpty());
        QVERIFY(!pool(u"fast"_s)->autostart);
        QVERIFY(perform({.kind = Kind::StopPool, .pool = u"fast"_s}).error.isEmpty());
        QVERIFY(!pool(u"fast"_s)->active);
        QVERIFY(perform({.kind = Kind::StartPool, .pool = u"fast"_s}).error.isEmpty());
        QVERIFY(perform({.kind = Kind::RefreshPool, .pool = u"fast"_s}).error.isEmpty());
        QVERIFY(perform({.kind = Kind::DeletePool, .pool = u"fast"_s}).error.isEmpty());
        QVERIFY(!pool(u"fast"_s));

        const NodeRequestResult gone = perform({.kind = Kind::StartPool, .pool = u"fast"_s});
        QCOMPARE(gone.error.message, u"Could not start the pool"_s);
        QVERIFY(gone.error.details.contains(u"fast"_s));
    }

    void networks()
    {
        const NodeRequestResult made = perform({.kind = Kind::CreateNetwork,
            .networkSpec = {.name = u"lab"_s,
                .subnet = u"192.168.130.0/24"_s,
                .dhcpStart = u"192.168.130.100"_s,
                .dhcpEnd = u"192.168.130.254"_s}});
        QVERIFY2(made.error.isEmpty(), qPrintable(made.error.text()));
        std::optional<VirtualNetwork> lab = network(u"lab"_s);
        QVERIFY(lab);
        QVERIFY(lab->active);
        QVERIFY(lab->autostart);
        QCOMPARE(lab->mode, u"nat"_s);
        QCOMPARE(lab->address, u"192.168.130.1"_s);
        QCOMPARE(lab->dhcpEnd, u"192.168.130.254"_s);

        const Libvirt::Domain web = defineMachine(u"web"_s, {}, u"lab"_s);
        QVERIFY(web);
        QCOMPARE(virDomainCreate(web.get()), 0);
        const NodeRequestResult stopWhileUsed = perform({.kind = Kind::StopNetwork, .network = u"lab"_s});
        QCOMPARE(stopWhileUsed.error.message, u"Could not stop the network"_s);
        QVERIFY2(stopWhileUsed.error.details.contains(u"web runs on it"_s), qPrintable(stopWhileUsed.error.text()));
        QCOMPARE(virDomainDestroy(web.get()), 0);
        QVERIFY(perform({.kind = Kind::StopNetwork, .network = u"lab"_s}).error.isEmpty());
        QVERIFY(!network(u"lab"_s)->active);
        const NodeRequestResult deleteWhileUsed = perform({.kind = Kind::DeleteNetwork, .network = u"lab"_s});
        QVERIFY2(deleteWhileUsed.error.details.contains(u"web is on it"_s), qPrintable(deleteWhileUsed.error.text()));
        QVERIFY(network(u"lab"_s));

        QCOMPARE(virDomainUndefine(web.get()), 0);
        QVERIFY(perform({.kind = Kind::StartNetwork, .network = u"lab"_s}).error.isEmpty());
        QVERIFY(perform({.kind = Kind::SetNetworkAutostart, .network = u"lab"_s, .autostart = false}).error.isEmpty());
        QVERIFY(!network(u"lab"_s)->autostart);
        QVERIFY(perform({.kind = Kind::DeleteNetwork, .network = u"lab"_s}).error.isEmpty());
        QVERIFY(!network(u"lab"_s));
    }

    void throughTheFleet()
    {
        Fleet fleet;
        fleet.addNode(NodeEntry{.id = u"test"_s, .name = u"Test"_s, .uri = u"test:///default"_s});
        QTRY_VERIFY(fleet.nodes().first().hasInventory);
        QSignalSpy finished(&fleet, &Fleet::nodeRequestFinished);
        const quint64 id = fleet.request(u"test"_s,
            NodeRequest{.kind = Kind::CreatePool, .poolSpec = {.name = u"through"_s, .path = u"/through"_s}});
        QTRY_COMPARE(finished.count(), 1);
        const auto result = finished.first().at(1).value<NodeRequestResult>();
        QCOMPARE(result.requestId, id);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
        // The session reads the pools again after a request: the page shows it without waiting for a resync.
        QTRY_VERIFY(std::ranges::any_of(
            fleet.nodes().first().pools, [](const StoragePool &each) { return each.name == u"through"_s; }));

        fleet.request(u"nowhere"_s, NodeRequest{.kind = Kind::RefreshPool, .pool = u"x"_s});
        QTRY_COMPARE(finished.count(), 2);
        const auto refused = finished.last().at(1).value<NodeRequestResult>();
        QCOMPARE(refused.error.message, u"Could not refresh the pool"_s);
        QVERIFY(refused.error.details.contains(u"nowhere"_s));
        QVERIFY(perform({.kind = Kind::DeletePool, .pool = u"through"_s}).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(NodeRequestsTest)
#include "tst_noderequests.moc"
