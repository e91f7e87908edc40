// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/storagepool.h"
#include "model/virtualnetwork.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

// A node's storage pools and virtual networks on paper: what their XML
// says, what a person may ask for (and why not), and the XML that asks.
class PoolsAndNetworksTest : public QObject
{
    Q_OBJECT

    static VirtualNetwork network(const QString &name, const QString &address, int prefix)
    {
        return VirtualNetwork{.name = name, .address = address, .prefix = prefix};
    }

private Q_SLOTS:
    void readsPools()
    {
        StoragePool nfs{.name = u"shared"_s};
        QVERIFY(StoragePools::readXml("<pool type='netfs'><name>shared</name><source><host name='nas.lan'/>"
                                      "<dir path='/export/vms'/><format type='nfs'/></source>"
                                      "<target><path>/mnt/shared</path></target></pool>",
            nfs)
                .ok());
        QCOMPARE(nfs.type, u"netfs"_s);
        QCOMPARE(nfs.source, u"nas.lan:/export/vms"_s);
        QCOMPARE(nfs.path, u"/mnt/shared"_s);
        StoragePool lvm{.name = u"fast"_s};
        QVERIFY(StoragePools::readXml("<pool type='logical'><name>fast</name><source><device path='/dev/sdb'/>"
                                      "<name>vg0</name></source><target><path>/dev/vg0</path></target></pool>",
            lvm)
                .ok());
        QCOMPARE(lvm.source, u"vg0"_s);
        StoragePool broken{.name = u"x"_s};
        const Result<bool> read = StoragePools::readXml("<pool type='dir'><name>x</name", broken);
        QVERIFY(!read.ok());
        QVERIFY(read.error().message.contains(u"x"_s));
    }

    void asksForPools()
    {
        const QList<StoragePool> existing{{.name = u"default"_s}};
        const auto problem = [&](PoolSpec spec) { return StoragePools::problem(spec, existing); };
        QCOMPARE(problem({.name = u"fast"_s, .path = u"/srv/pools/fast"_s}), QString());
        QVERIFY(problem({.name = u"default"_s, .path = u"/srv/x"_s}).contains(u"already has a pool named “default”"_s));
        QVERIFY(!problem({.name = u"a/b"_s, .path = u"/srv/x"_s}).isEmpty());
        QVERIFY(problem({.name = u"fast"_s, .path = u"srv/x"_s}).contains(u"absolute path"_s));
        QVERIFY(problem({.name = u"fast"_s, .path = u"/srv/../etc"_s}).contains(u"absolute path"_s));
        QVERIFY(!problem({.name = u"fast"_s, .type = PoolSpec::Type::Lvm}).isEmpty());
        QVERIFY(!problem({.name = u"fast"_s, .type = PoolSpec::Type::Lvm, .volumeGroup = u"-vg"_s}).isEmpty());
        QCOMPARE(problem({.name = u"fast"_s, .type = PoolSpec::Type::Lvm, .volumeGroup = u"vg0"_s}), QString());
        const PoolSpec nfs{.name = u"shared"_s,
            .type = PoolSpec::Type::Nfs,
            .path = u"/mnt/shared"_s,
            .host = u"nas.lan"_s,
            .exportPath = u"/export/vms"_s};
        QCOMPARE(problem(nfs), QString());
        PoolSpec noHost = nfs;
        noHost.host = u"nas lan"_s;
        QVERIFY(problem(noHost).contains(u"not a host name"_s));

        const Result<QByteArray> xml = StoragePools::definition(nfs);
        QVERIFY(xml.ok());
        StoragePool back{.name = u"shared"_s};
        QVERIFY(StoragePools::readXml(xml.value(), back).ok());
        QCOMPARE(back.type, u"netfs"_s);
        QCOMPARE(back.source, u"nas.lan:/export/vms"_s);
        QCOMPARE(back.path, u"/mnt/shared"_s);
        const Result<QByteArray> lvm
            = StoragePools::definition({.name = u"fast"_s, .type = PoolSpec::Type::Lvm, .volumeGroup = u"vg0"_s});
        QVERIFY(lvm.ok());
        QVERIFY2(lvm.value().contains("<path>/dev/vg0</path>"), lvm.value().constData());
    }

    void asksForVolumes()
    {
        const QStringList existing{u"disk-1.qcow2"_s};
        const auto problem = [&](VolumeSpec spec) { return StoragePools::volumeProblem(spec, existing); };
        QCOMPARE(problem({.name = u"data.qcow2"_s, .capacityBytes = 1 << 30}), QString());
        QVERIFY(problem({.name = u"disk-1.qcow2"_s, .capacityBytes = 1 << 30}).contains(u"already has a volume"_s));
        QVERIFY(!problem({.name = u"../x"_s, .capacityBytes = 1 << 30}).isEmpty());
        QVERIFY(!problem({.name = u"x"_s, .capacityBytes = 0}).isEmpty());
        QVERIFY(!problem({.name = u"x"_s, .capacityBytes = 1, .format = u"vmdk"_s}).isEmpty());
        QCOMPARE(StoragePools::resizeProblem(10, 20), QString());
        QVERIFY(StoragePools::resizeProblem(20, 10).contains(u"only grows"_s));
        QVERIFY(!StoragePools::resizeProblem(20, 20).isEmpty());
    }

    void readsNetworks()
    {
        VirtualNetwork nat{.name = u"default"_s};
        QVERIFY(VirtualNetworks::readXml("<network><name>default</name><forward mode='nat'/><bridge name='virbr0'/>"
                                         "<ip family='ipv6' address='fd00::1' prefix='64'/>"
                                         "<ip address='192.168.122.1' netmask='255.255.255.0'><dhcp>"
                                         "<range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip></network>",
            nat)
                .ok());
        QCOMPARE(nat.mode, u"nat"_s);
        QCOMPARE(nat.address, u"192.168.122.1"_s);
        QCOMPARE(nat.prefix, 24);
        QCOMPARE(nat.dhcpStart, u"192.168.122.2"_s);
        QCOMPARE(nat.dhcpEnd, u"192.168.122.254"_s);
        VirtualNetwork isolated{.name = u"lab"_s};
        QVERIFY(VirtualNetworks::readXml(
            "<network><name>lab</name><ip address='10.9.0.1' prefix='16'/></network>", isolated)
                .ok());
        QCOMPARE(isolated.mode, QString());
        QCOMPARE(isolated.prefix, 16);
        QCOMPARE(isolated.dhcpStart, QString());
    }

    void asksForNetworks()
    {
        const QList<VirtualNetwork> existing{network(u"default"_s, u"192.168.122.1"_s, 24)};
        const auto problem = [&](NetworkSpec spec) { return VirtualNetworks::problem(spec, existing); };
        const NetworkSpec good{.name = u"lab"_s,
            .subnet = u"192.168.130.0/24"_s,
            .dhcpStart = u"192.168.130.100"_s,
            .dhcpEnd = u"192.168.130.254"_s};
        QCOMPARE(problem(good), QString());
        NetworkSpec overlap = good;
        overlap.subnet = u"192.168.0.0/16"_s;
        overlap.dhcpStart = overlap.dhcpEnd = QString();
        QCOMPARE(problem(overlap), u"192.168.0.0/16 overlaps the network “default” (192.168.122.0/24)."_s);
        NetworkSpec taken = good;
        taken.name = u"default"_s;
        QVERIFY(problem(taken).contains(u"already has a network"_s));
        NetworkSpec gateway = good;
        gateway.dhcpStart = u"192.168.130.1"_s;
        QVERIFY(problem(gateway).contains(u"192.168.130.1, the node's own address"_s));
        NetworkSpec outside = good;
        outside.dhcpEnd = u"192.168.131.5"_s;
        QVERIFY(problem(outside).contains(u"inside 192.168.130.0/24"_s));
        NetworkSpec backwards = good;
        std::swap(backwards.dhcpStart, backwards.dhcpEnd);
        QVERIFY(problem(backwards).contains(u"ends before it starts"_s));
        NetworkSpec notSubnet = good;
        notSubnet.subnet = u"192.168.130.0"_s;
        QVERIFY(problem(notSubnet).contains(u"prefix length"_s));
        NetworkSpec tiny = good;
        tiny.subnet = u"192.168.130.0/31"_s;
        QVERIFY(problem(tiny).contains(u"/30"_s));
        const QList<VirtualNetwork> host{network(u"host"_s, u"192.168.130.7"_s, 32)};
        QVERIFY(VirtualNetworks::problem(good, host).contains(u"overlaps the network “host” (192.168.130.7/32)"_s));
        NetworkSpec beside = good;
        beside.subnet = u"192.168.131.0/24"_s;
        beside.dhcpStart = u"192.168.131.100"_s;
        beside.dhcpEnd = u"192.168.131.254"_s;
        QCOMPARE(VirtualNetworks::problem(beside, host), QString());
        QCOMPARE(problem({.name = u"lan"_s, .mode = NetworkSpec::Mode::Bridge, .bridge = u"br0"_s}), QString());
        QVERIFY(!problem({.name = u"lan"_s, .mode = NetworkSpec::Mode::Bridge, .bridge = u"br 0"_s}).isEmpty());
    }

    void writesNetworks()
    {
        const Result<QByteArray> nat = VirtualNetworks::definition({.name = u"lab"_s,
            .subnet = u"10.20.0.0/16"_s,
            .dhcpStart = u"10.20.128.0"_s,
            .dhcpEnd = u"10.20.255.254"_s});
        QVERIFY(nat.ok());
        VirtualNetwork back{.name = u"lab"_s};
        QVERIFY(VirtualNetworks::readXml(nat.value(), back).ok());
        QCOMPARE(back.mode, u"nat"_s);
        QCOMPARE(back.address, u"10.20.0.1"_s);
        QCOMPARE(back.prefix, 16);
        QCOMPARE(back.dhcpStart, u"10.20.128.0"_s);
        const Result<QByteArray> isolated = VirtualNetworks::definition(
            {.name = u"quiet"_s, .mode = NetworkSpec::Mode::Isolated, .subnet = u"10.30.0.0/24"_s});
        QVERIFY(isolated.ok());
        QVERIFY(!isolated.value().contains("forward"));
        QVERIFY(!isolated.value().contains("dhcp"));
        const Result<QByteArray> bridge
            = VirtualNetworks::definition({.name = u"lan"_s, .mode = NetworkSpec::Mode::Bridge, .bridge = u"br0"_s});
        QVERIFY(bridge.ok());
        QVERIFY2(
            bridge.value().contains("<forward mode=\"bridge\"/><bridge name=\"br0\"/>"), bridge.value().constData());
    }

    void suggestsAFreeNetwork()
    {
        const QList<VirtualNetwork> existing{
            network(u"net100"_s, u"10.0.0.1"_s, 24), network(u"other"_s, u"192.168.101.1"_s, 24)};
        const NetworkSpec suggested = VirtualNetworks::suggestion(existing);
        QCOMPARE(suggested.name, u"net102"_s);
        QCOMPARE(suggested.subnet, u"192.168.102.0/24"_s);
        QCOMPARE(suggested.dhcpStart, u"192.168.102.100"_s);
        QCOMPARE(suggested.dhcpEnd, u"192.168.102.254"_s);
        QCOMPARE(VirtualNetworks::problem(suggested, existing), QString());
        QCOMPARE(VirtualNetworks::dhcpRangeFor(u"10.1.0.0/30"_s), std::make_pair(u"10.1.0.2"_s, u"10.1.0.2"_s));
        QCOMPARE(VirtualNetworks::dhcpRangeFor(u"nonsense"_s), std::make_pair(QString(), QString()));
    }
};

QTEST_GUILESS_MAIN(PoolsAndNetworksTest)
#include "tst_poolsandnetworks.moc"
