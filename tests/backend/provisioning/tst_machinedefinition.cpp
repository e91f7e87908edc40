// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/machinedefinition.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

// A new machine's domain XML from what its node offers: domain capability
// documents captured from libvirt 11.3 and QEMU 10.0 (tests/data/domcaps:
// a KVM node with UEFI firmware, one without, and emulation only), checked
// against libvirt's own schema (virt-xml-validate) and read back by
// Flotilla's reader.
class MachineDefinitionTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static HypervisorOffer offer(const QString &name)
    {
        QFile file(QFINDTESTDATA(u"../data/domcaps/"_s + name + u".xml"_s));
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        const Result<HypervisorOffer> read = MachineDefinition::parseOffer(file.readAll());
        return read ? read.value() : HypervisorOffer{};
    }

    static NewMachine webServer()
    {
        return NewMachine{.name = u"web-01"_s,
            .uuid = u"5b3c6a1e-3f9d-4c2a-9d0e-1f2a3b4c5d6e"_s,
            .vcpus = 2,
            .maxVcpus = 4,
            .memoryBytes = 2ULL << 30,
            .maxMemoryBytes = 4ULL << 30,
            .disks = {{NewDisk::Kind::Root, u"default"_s, u"web-01-root.qcow2"_s, u"qcow2"_s},
                {NewDisk::Kind::Data, u"default"_s, u"web-01-data.qcow2"_s, u"qcow2"_s},
                {NewDisk::Kind::Seed, u"default"_s, u"web-01-seed.iso"_s, u"iso"_s}},
            .network = u"default"_s,
            .mac = u"52:54:00:AB:CD:EF"_s,
            .metadata = {.tags = {u"web"_s},
                .image = u"debian-13-generic.qcow2"_s,
                .created = u"2026-11-30T05:20:00Z"_s,
                .creator = u"alice@desktop"_s}};
    }

    /// Whether libvirt's schema takes @p xml as a domain.
    void expectValid(const QByteArray &xml)
    {
        const QString path = m_dir.filePath(u"domain.xml"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(xml);
        file.close();
        const QString validate = QStandardPaths::findExecutable(u"virt-xml-validate"_s);
        QVERIFY2(!validate.isEmpty(), "virt-xml-validate (Debian's libvirt-clients) is needed");
        QProcess process;
        process.start(validate, {path, u"domain"_s});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, QByteArray(process.readAllStandardError() + "\n" + xml).constData());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void readsWhatANodeOffers()
    {
        const HypervisorOffer kvm = offer(u"kvm-q35-uefi"_s);
        QCOMPARE(kvm.domainType, u"kvm"_s);
        QCOMPARE(kvm.machineType, u"pc-q35-10.0"_s);
        QCOMPARE(kvm.arch, u"x86_64"_s);
        QCOMPARE(kvm.emulator, u"/usr/bin/qemu-system-x86_64"_s);
        QVERIFY(kvm.uefi);
        QVERIFY(kvm.hostPassthrough);
        QVERIFY(kvm.virtioRng);
        QVERIFY(kvm.virtioVideo);
        QVERIFY(!kvm.isEmulated());
        QVERIFY(!offer(u"kvm-q35-no-uefi"_s).uefi);
        const HypervisorOffer emulated = offer(u"qemu-q35-no-uefi"_s);
        QCOMPARE(emulated.domainType, u"qemu"_s);
        QVERIFY(emulated.isEmulated());
        QVERIFY(emulated.maximumCpu);
    }

    void refusesWhatIsNoOffer()
    {
        QVERIFY(!MachineDefinition::parseOffer("<capabilities/>").ok());
        QVERIFY(!MachineDefinition::parseOffer("<domainCapabilities><domain>kvm").ok());
        QVERIFY(!MachineDefinition::parseOffer("<domainCapabilities/>").ok());
    }

    void writesAValidDomain_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<bool>("uefi");
        QTest::addColumn<QString>("cpu");
        QTest::newRow("KVM, BIOS") << u"kvm-q35-uefi"_s << false << u"host-passthrough"_s;
        QTest::newRow("KVM, user network") << u"kvm-q35-no-uefi"_s << false << u"host-passthrough"_s;
        QTest::newRow("KVM, UEFI") << u"kvm-q35-uefi"_s << true << u"host-passthrough"_s;
        QTest::newRow("emulated") << u"qemu-q35-no-uefi"_s << false << u"maximum"_s;
    }

    void writesAValidDomain()
    {
        QFETCH(QString, node);
        QFETCH(bool, uefi);
        QFETCH(QString, cpu);
        NewMachine machine = webServer();
        machine.firmware = uefi ? NewMachine::Firmware::Uefi : NewMachine::Firmware::Bios;
        const bool userNetwork = QByteArrayView(QTest::currentDataTag()).contains("user network");
        if (userNetwork) {
            machine.network.clear();
        }
        const HypervisorOffer where = offer(node);
        const Result<QByteArray> xml = MachineDefinition::domainXml(where, machine);
        QVERIFY2(xml.ok(), qPrintable(xml ? QString() : xml.error().text()));
        expectValid(xml.value());
        const QString text = QString::fromUtf8(xml.value());
        QVERIFY(text.contains(u"<domain type=\"%1\">"_s.arg(where.domainType)));
        QVERIFY(text.contains(u"mode=\"%1\""_s.arg(cpu)));
        QCOMPARE(text.contains(u"firmware=\"efi\""_s), uefi);
        QVERIFY(text.contains(u"machine=\"pc-q35-10.0\""_s));
        QVERIFY(text.contains(u"org.qemu.guest_agent.0"_s));
        QVERIFY(text.contains(u"address=\"127.0.0.1\""_s));

        const Result<DomainDescription> read = DomainXml::parse(xml.value());
        QVERIFY2(read.ok(), qPrintable(read ? QString() : read.error().text()));
        const DomainDescription &domain = read.value();
        QCOMPARE(domain.name, machine.name);
        QCOMPARE(domain.uuid, machine.uuid);
        QCOMPARE(domain.vcpus, 2);
        QCOMPARE(domain.maxVcpus, 4);
        QCOMPARE(domain.memoryBytes, machine.memoryBytes);
        QCOMPARE(domain.maxMemoryBytes, machine.maxMemoryBytes);
        QCOMPARE(domain.disks.size(), 3);
        QCOMPARE(domain.disks.at(0).target, u"vda"_s);
        QCOMPARE(domain.disks.at(1).target, u"vdb"_s);
        QCOMPARE(domain.disks.at(2).device, u"cdrom"_s);
        QCOMPARE(domain.disks.at(0).source, u"default/web-01-root.qcow2"_s);
        QCOMPARE(domain.interfaces.size(), 1);
        QCOMPARE(domain.interfaces.first().mac, u"52:54:00:ab:cd:ef"_s);
        QCOMPARE(domain.interfaces.first().type, userNetwork ? u"user"_s : u"network"_s);
        QCOMPARE(domain.interfaces.first().source, userNetwork ? QString() : u"default"_s);
        QCOMPARE(domain.metadata, machine.metadata);
    }

    // From an installer: the ISO as a second CD-ROM next to the seed, and
    // the root disk booted first (an empty one falls through to the ISO).
    void bootsAnInstallerWhileTheDiskIsEmpty()
    {
        NewMachine machine = webServer();
        machine.disks.append({NewDisk::Kind::Installer, u"isos"_s, u"alpine-virt-3.20.3-x86_64.iso"_s, u"iso"_s});
        const Result<QByteArray> xml = MachineDefinition::domainXml(offer(u"kvm-q35-uefi"_s), machine);
        QVERIFY2(xml.ok(), qPrintable(xml ? QString() : xml.error().text()));
        expectValid(xml.value());
        const QString text = QString::fromUtf8(xml.value());
        QVERIFY2(text.indexOf(u"<boot dev=\"hd\"/>"_s) >= 0
                && text.indexOf(u"<boot dev=\"hd\"/>"_s) < text.indexOf(u"<boot dev=\"cdrom\"/>"_s),
            qPrintable(text));
        const Result<DomainDescription> read = DomainXml::parse(xml.value());
        QVERIFY(read.ok());
        QCOMPARE(read.value().disks.size(), 4);
        QCOMPARE(read.value().disks.at(2).target, u"sda"_s); // the seed
        const Disk &installer = read.value().disks.at(3);
        QCOMPARE(installer.device, u"cdrom"_s);
        QCOMPARE(installer.target, u"sdb"_s);
        QCOMPARE(installer.source, u"isos/alpine-virt-3.20.3-x86_64.iso"_s);
        // Without an installer, the disk alone boots.
        QVERIFY(!QString::fromUtf8(MachineDefinition::domainXml(offer(u"kvm-q35-uefi"_s), webServer()).value())
                .contains(u"<boot dev=\"cdrom\"/>"_s));
    }

    void namesWhatIsWrong_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("says");
        QTest::newRow("name") << u"name"_s << u"name"_s;
        QTest::newRow("UUID") << u"uuid"_s << u"UUID"_s;
        QTest::newRow("vCPUs over their maximum") << u"vcpus"_s << u"vCPU"_s;
        QTest::newRow("too little memory") << u"memory"_s << u"64 MiB"_s;
        QTest::newRow("UEFI without firmware") << u"uefi"_s << u"UEFI"_s;
        QTest::newRow("no root disk") << u"disks"_s << u"root disk"_s;
        QTest::newRow("MAC") << u"mac"_s << u"MAC"_s;
        QTest::newRow("network and bridge") << u"bridge"_s << u"not both"_s;
    }

    void namesWhatIsWrong()
    {
        QFETCH(QString, change);
        QFETCH(QString, says);
        NewMachine machine = webServer();
        if (change == u"name"_s) {
            machine.name = u"web 01/../x"_s;
        } else if (change == u"uuid"_s) {
            machine.uuid = u"web-01"_s;
        } else if (change == u"vcpus"_s) {
            machine.vcpus = 8;
        } else if (change == u"memory"_s) {
            machine.memoryBytes = 1 << 20;
        } else if (change == u"uefi"_s) {
            machine.firmware = NewMachine::Firmware::Uefi;
        } else if (change == u"disks"_s) {
            machine.disks.removeFirst();
        } else if (change == u"mac"_s) {
            machine.mac = u"52:54:00:zz:00:01"_s;
        } else if (change == u"bridge"_s) {
            machine.bridge = u"br0"_s;
        }
        const HypervisorOffer node = offer(u"qemu-q35-no-uefi"_s);
        const QStringList problems = MachineDefinition::problems(node, machine);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(says), qPrintable(problems.first()));
        QVERIFY(!MachineDefinition::domainXml(node, machine).ok());
    }

    void makesMacAddressesInQemusRange()
    {
        const QString first = MachineDefinition::randomMac();
        QVERIFY(first.startsWith(u"52:54:00:"_s));
        QCOMPARE(first.size(), 17);
        NewMachine machine = webServer();
        machine.mac = first;
        QVERIFY(MachineDefinition::problems(offer(u"kvm-q35-uefi"_s), machine).isEmpty());
    }
};

QTEST_GUILESS_MAIN(MachineDefinitionTest)
#include "tst_machinedefinition.moc"
