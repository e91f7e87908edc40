// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/domainxml.h"
#include "provisioning/machineclone.h"
#include "provisioning/nodefit.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray parentXml = R"(<domain type='kvm'>
  <name>web</name>
  <uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
  <metadata>
    <flotilla:machine xmlns:flotilla="urn:flotilla:machine:1"><flotilla:workload>shop</flotilla:workload><flotilla:replica>2</flotilla:replica></flotilla:machine>
    <other:thing xmlns:other="urn:other:1">kept</other:thing>
  </metadata>
  <memory unit='KiB'>1048576</memory>
  <os firmware='efi'><type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
    <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>
    <nvram template='/usr/share/OVMF/OVMF_VARS_4M.fd'>/var/lib/libvirt/qemu/nvram/web_VARS.fd</nvram></os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/var/lib/libvirt/images/web-root.qcow2'/>
      <backingStore type='file'><format type='qcow2'/><source file='/var/lib/libvirt/images/debian.qcow2'/></backingStore>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='volume' device='disk'>
      <source pool='default' volume='web-data.qcow2'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <source file='/var/lib/libvirt/boot/debian.iso'/>
      <target dev='sda' bus='sata'/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:aa:bb:01'/>
      <source network='default'/>
      <target dev='vnet3'/>
      <model type='virtio'/>
    </interface>
    <interface type='bridge'>
      <mac address='52:54:00:aa:bb:02'/>
      <source bridge='br0'/>
    </interface>
    <graphics type='vnc' port='5901' autoport='no' listen='127.0.0.1'/>
  </devices>
</domain>)";
} // namespace

// A machine's clone on paper: its parent's definition, but for what makes
// it a machine of its own.
class MachineCloneTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCloneIsAMachineOfItsOwn()
    {
        int macs = 0;
        const Result<QByteArray> xml = MachineClone::definition(parentXml,
            CloneIdentity{.name = u"web-copy"_s,
                .uuid = u"11111111-2222-3333-4444-555555555555"_s,
                .disks
                = {{u"/var/lib/libvirt/images/web-root.qcow2"_s, u"/var/lib/libvirt/images/web-copy-root.qcow2"_s},
                    {u"default/web-data.qcow2"_s, u"default/web-copy-data.qcow2"_s}}},
            [&] { return u"52:54:00:00:00:%1"_s.arg(++macs, 2, 10, QLatin1Char('0')); });
        QVERIFY2(xml.ok(), qPrintable(xml ? QString() : xml.error().text()));
        const QString text = QString::fromUtf8(xml.value());
        const Result<DomainDescription> clone = DomainXml::parse(xml.value());
        QVERIFY2(clone.ok(), qPrintable(text));
        QCOMPARE(clone.value().name, u"web-copy"_s);
        QCOMPARE(clone.value().uuid, u"11111111-2222-3333-4444-555555555555"_s);
        QCOMPARE(clone.value().interfaces.size(), 2);
        QCOMPARE(clone.value().interfaces.at(0).mac, u"52:54:00:00:00:01"_s);
        QCOMPARE(clone.value().interfaces.at(1).mac, u"52:54:00:00:00:02"_s);
        QCOMPARE(clone.value().interfaces.at(0).source, u"default"_s);
        QVERIFY2(!text.contains(u"vnet3"_s), qPrintable(text));
        QCOMPARE(clone.value().disks.size(), 3);
        QCOMPARE(clone.value().disks.at(0).source, u"/var/lib/libvirt/images/web-copy-root.qcow2"_s);
        QVERIFY2(!text.contains(u"debian.qcow2"_s), qPrintable(text)); // the node reads the clone's own chain
        QCOMPARE(clone.value().disks.at(1).source, u"default/web-copy-data.qcow2"_s);
        QCOMPARE(clone.value().disks.at(2).source, u"/var/lib/libvirt/boot/debian.iso"_s); // shared as it is
        // No replica of the parent's workload; other tools' metadata kept.
        QCOMPARE(clone.value().metadata.workload, QString());
        QVERIFY(text.contains(u"<other:thing xmlns:other=\"urn:other:1\">kept</other:thing>"_s));
        // A firmware store of its own, and a graphics port the node picks.
        QVERIFY(text.contains(u"template=\"/usr/share/OVMF/OVMF_VARS_4M.fd\""_s));
        QVERIFY(!text.contains(u"web_VARS.fd"_s));
        QVERIFY(text.contains(u"autoport=\"yes\""_s));
        QVERIFY(!text.contains(u"5901"_s));
        QVERIFY(text.contains(u"listen=\"127.0.0.1\""_s));
        QVERIFY(text.contains(u"<memory unit=\"KiB\">1048576</memory>"_s)); // the rest as it was
    }

    // A linked clone's parent moves onto a new layer; nothing else of it changes.
    void theParentMovesOntoANewLayer()
    {
        const Result<QByteArray> xml = MachineClone::withDisks(parentXml,
            {{u"/var/lib/libvirt/images/web-root.qcow2"_s, u"/var/lib/libvirt/images/web-root-2.qcow2"_s},
                {u"default/web-data.qcow2"_s, u"default/web-data-2.qcow2"_s}},
            {{u"default/web-data.qcow2"_s, u"qcow2"_s}}); // named no format: a layer over it is qcow2
        QVERIFY(xml.ok());
        const QString text = QString::fromUtf8(xml.value());
        const Result<DomainDescription> parent = DomainXml::parse(xml.value());
        QVERIFY2(parent.ok(), qPrintable(text));
        QCOMPARE(parent.value().name, u"web"_s);
        QCOMPARE(parent.value().disks.at(0).source, u"/var/lib/libvirt/images/web-root-2.qcow2"_s);
        QCOMPARE(parent.value().disks.at(1).source, u"default/web-data-2.qcow2"_s);
        QCOMPARE(parent.value().disks.at(1).format, u"qcow2"_s);
        QCOMPARE(parent.value().disks.at(0).format, u"qcow2"_s);
        QCOMPARE(parent.value().disks.at(2).source, u"/var/lib/libvirt/boot/debian.iso"_s);
        QVERIFY(!text.contains(u"debian.qcow2"_s)); // the node reads the new layer's chain itself
        QCOMPARE(parent.value().interfaces.at(0).mac, u"52:54:00:aa:bb:01"_s);
        QCOMPARE(parent.value().metadata.workload, u"shop"_s);
        QVERIFY(text.contains(u"web_VARS.fd"_s));
        QVERIFY(text.contains(u"port=\"5901\""_s));
    }

    // On another node: the CD-ROM of an installer that node has not is
    // emptied, its drive kept.
    void aDriveCanBeEmptied()
    {
        const Result<QByteArray> xml
            = MachineClone::withDisks(parentXml, {{u"/var/lib/libvirt/boot/debian.iso"_s, QString()}});
        QVERIFY(xml.ok());
        const Result<DomainDescription> moved = DomainXml::parse(xml.value());
        QVERIFY2(moved.ok(), xml.value().constData());
        QCOMPARE(moved.value().disks.size(), 3);
        QCOMPARE(moved.value().disks.at(2).device, u"cdrom"_s);
        QVERIFY(moved.value().disks.at(2).source.isEmpty());
        QCOMPARE(moved.value().disks.at(0).source, u"/var/lib/libvirt/images/web-root.qcow2"_s);
    }

    // Fitted to another node: its hypervisor, machine type and QEMU; the
    // firmware's paths, which were the first node's, left to the node.
    void fitsAnotherNode()
    {
        const Result<QByteArray> xml = NodeFits::apply(parentXml,
            NodeFit{.domainType = u"qemu"_s, .machineType = u"pc-q35-10.0"_s, .emulator = u"/usr/local/bin/qemu"_s});
        QVERIFY(xml.ok());
        const QString text = QString::fromUtf8(xml.value());
        QVERIFY2(text.startsWith(u"<domain type=\"qemu\">"_s), qPrintable(text));
        QVERIFY2(text.contains(u"machine=\"pc-q35-10.0\""_s), qPrintable(text));
        QVERIFY2(text.contains(u"<emulator>/usr/local/bin/qemu</emulator>"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"OVMF_CODE"_s) && !text.contains(u"web_VARS.fd"_s), qPrintable(text));
        QVERIFY(text.contains(u"firmware=\"efi\""_s));
        QVERIFY(text.contains(u"<other:thing xmlns:other=\"urn:other:1\">kept</other:thing>"_s));
        const Result<DomainDescription> fitted = DomainXml::parse(xml.value());
        QVERIFY(fitted.ok());
        QCOMPARE(fitted.value().disks.size(), 3);
        QCOMPARE(fitted.value().interfaces.size(), 2);
        // An empty fit (a demo node takes anything) changes nothing that matters.
        const Result<QByteArray> same = NodeFits::apply(parentXml, NodeFit{});
        QVERIFY(same.ok());
        QVERIFY(QString::fromUtf8(same.value()).contains(u"machine=\"pc-q35-7.2\""_s));
        QVERIFY(!NodeFits::apply("<domain><os>", NodeFit{}).ok());
    }

    void brokenXmlIsAnError()
    {
        const Result<QByteArray> xml
            = MachineClone::definition("<domain><name>web</name", {}, [] { return QString(); });
        QVERIFY(!xml.ok());
        QVERIFY(!xml.error().details.isEmpty());
    }
};

QTEST_GUILESS_MAIN(MachineCloneTest)
#include "tst_machineclone.moc"
