// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Flotilla;

// End to end: a real libvirtd with the QEMU driver (software emulation)
// boots a tiny guest made at test time from Debian packages (see
// make-guest), and its real CPU, disk and balloon counters must flow
// through Flotilla's ticks into rates and history.
class RealMachineTest : public QObject
{
    Q_OBJECT

    static constexpr int bootTimeoutMs = 180000;

    QTemporaryDir m_guest;
    Testing::LibvirtDaemon m_daemon{Testing::LibvirtDaemon::Driver::Qemu};
    Libvirt::Connection m_control;

    QByteArray domainXml() const
    {
        return QStringLiteral(
            "<domain type='qemu'><name>flotilla-e2e</name>"
            "<memory unit='MiB'>192</memory><currentMemory unit='MiB'>192</currentMemory><vcpu>1</vcpu>"
            "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>%1/vmlinuz</kernel><initrd>%1/initrd</initrd>"
            "<cmdline>console=ttyS0 quiet panic=-1</cmdline></os>"
            "<on_crash>destroy</on_crash>"
            "<devices><emulator>/usr/bin/qemu-system-x86_64</emulator>"
            "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='%1/disk.img'/>"
            "<target dev='vda' bus='virtio'/></disk>"
            "<serial type='file'><source path='%1/console.log'/><target port='0'/></serial>"
            "<memballoon model='virtio'><stats period='2'/></memballoon>"
            "</devices></domain>")
            .arg(m_guest.path())
            .toUtf8();
    }

    QString console() const
    {
        QFile file(m_guest.filePath(QStringLiteral("console.log")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(3000))
                                              : QStringLiteral("(no console log)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QProcess make;
        make.setProcessChannelMode(QProcess::MergedChannels);
        make.start(QStringLiteral(MAKE_GUEST), {m_guest.path()});
        QVERIFY(make.waitForFinished(120000));
        QVERIFY2(make.exitCode() == 0, make.readAll().constData());

        const Result<bool> started = m_daemon.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().text()));
        Libvirt::initialize();
        m_control.reset(virConnectOpen(m_daemon.qemuUri().toUtf8().constData()));
        QVERIFY2(m_control, qPrintable(Libvirt::lastError(QStringLiteral("open")).text() + m_daemon.log()));
        Libvirt::Domain domain(virDomainDefineXML(m_control.get(), domainXml().constData()));
        QVERIFY2(domain, qPrintable(Libvirt::lastError(QStringLiteral("define")).text()));
        QVERIFY2(virDomainCreate(domain.get()) == 0,
            qPrintable(Libvirt::lastError(QStringLiteral("start")).text() + m_daemon.log()));
    }

    void realCountersFlowIntoRatesAndHistory()
    {
        Fleet fleet;
        fleet.addNode(
            NodeEntry{.id = QStringLiteral("qemu"), .name = QStringLiteral("QEMU"), .uri = m_daemon.qemuUri()});
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().hasInventory, 30000);
        const Fleet::Node &node = fleet.nodes().first();
        QCOMPARE(node.facts.hypervisor, QStringLiteral("QEMU"));
        QCOMPARE(node.machines.machines().size(), 1);
        const Machine machine = *node.machines.machines().cbegin();
        QCOMPARE(machine.state, MachineState::Running);
        QCOMPARE(machine.domainType, QStringLiteral("qemu"));
        QCOMPARE(machine.disks.size(), 1);

        const auto live = [&node, &machine](Channel channel) {
            const auto rates = node.machineRates.constFind(machine.uuid);
            return rates == node.machineRates.cend() ? NAN : at(rates->rates, channel);
        };
        QTRY_VERIFY2_WITH_TIMEOUT(live(Channel::CpuPercent) > 1.0, qPrintable(console()), bootTimeoutMs);
        QTRY_VERIFY2_WITH_TIMEOUT(live(Channel::DiskReadBytesPerSecond) > 0.0, qPrintable(console()), bootTimeoutMs);
        // The guest's balloon driver reports its memory every 2 s.
        QTRY_VERIFY2_WITH_TIMEOUT(
            live(Channel::MemoryUsedBytes) > 1 << 20 && live(Channel::MemoryUsedBytes) < 192.0 * (1 << 20),
            qPrintable(console()), bootTimeoutMs);
        QVERIFY(live(Channel::CpuPercent) <= 100.0);
        QVERIFY(!node.simulatedActivity);

        QTRY_VERIFY_WITH_TIMEOUT(node.metrics->machineWindow(machine.uuid, 600).size() >= 3, 10000);
        const QList<MachineHistory::Point> history = node.metrics->machineWindow(machine.uuid, 600);
        QVERIFY(std::ranges::any_of(
            history, [](const MachineHistory::Point &point) { return at(point.rates, Channel::CpuPercent) > 1.0; }));
        const double nodeCpu = at(node.rates, Channel::CpuPercent);
        QVERIFY2(nodeCpu > 0.0 && nodeCpu <= 100.0, qPrintable(QString::number(nodeCpu)));
    }

    void cleanupTestCase()
    {
        if (m_control) {
            Libvirt::Domain domain(virDomainLookupByName(m_control.get(), "flotilla-e2e"));
            if (domain) {
                virDomainDestroy(domain.get());
                virDomainUndefine(domain.get());
            }
        }
        m_control.reset();
        m_daemon.stop();
    }
};

QTEST_MAIN(RealMachineTest)
#include "tst_realmachine.moc"
