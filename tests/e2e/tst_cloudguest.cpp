// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "cloudguest.h"
#include "console/consolewindow.h"
#include "console/machinescreen.h"
#include "fleet/fleet.h"
#include "fleetjobs.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "model/domainxml.h"
#include "provisioning/nodevolumes.h"
#include "qemunode.h"
#include "sshserver.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <libvirt/virterror.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;
using Flotilla::Testing::CloudGuest::blank;
using Flotilla::Testing::CloudGuest::litSamples;
using Flotilla::Testing::CloudGuest::someText;

namespace
{
constexpr int bootMs = 240000; ///< emulated, on a busy 2-core machine
const QString pool = u"flotilla-guests"_s;
const QString image = u"cloud-guest.raw"_s;
const QString otherPool = u"flotilla-elsewhere"_s; ///< where clones onto "another node" go

/// A machine's screen as its page shows it, connected (or the reason it is not).
struct Screen {
    FleetView view;
    MachineScreen item;
    Screen(Fleet *fleet, const QString &nodeId, const QString &uuid)
        : view(fleet, false)
    {
        item.setProperty("fleet", QVariant::fromValue(&view));
        item.setProperty("nodeId", nodeId);
        item.setProperty("uuid", uuid);
        item.setActive(true);
    }
    [[nodiscard]] bool settled() const
    {
        return item.state() == MachineScreen::Connected || item.state() == MachineScreen::Ended;
    }
};
} // namespace

// What a person does with Flotilla on a real node, on a real libvirtd with
// QEMU (emulated), through the fleet as the wizard does: an image that boots
// from its own disk (made at test time from Debian packages) uploaded; a
// machine made from it with a linked clone, a data disk and a seed; its
// serial console showing that the guest read its seed (host name and key)
// and wrote to its data disk; the machine deleted with its data disk kept,
// and made again on it: the file is still there, as its console shows,
// read this time over TCP, as from a remote node. And clones, linked, full
// and of a paused machine, each booting as a new machine with its parent's data.
class CloudGuestTest : public QObject
{
    Q_OBJECT

    Testing::LibvirtDaemon m_daemon{Testing::LibvirtDaemon::Driver::Qemu};
    QTemporaryDir m_work;
    QTemporaryDir m_pool;
    QTemporaryDir m_otherPool;
    Libvirt::Connection m_connection;
    Fleet m_fleet;
    const QString m_node = u"qemu"_s;
    const QString m_remoteNode = u"qemu-tcp"_s; ///< the same daemon over TCP, as a remote node is reached
    Testing::SshServer m_ssh;
    const QString m_sshNode = u"qemu-ssh"_s; ///< and over SSH
    const QString m_tlsNode = u"qemu-tls"_s; ///< and over TLS

    ProvisioningResult provision(const ProvisioningRequest &request)
    {
        return Testing::provisionAndWait(m_fleet, m_node, request, bootMs);
    }

    MachineOrder order(const QString &name, const QString &dataVolume = {}) const
    {
        return Testing::CloudGuest::order(name, pool, image, dataVolume);
    }

    /// Everything the machine's serial console shows until @p expected has
    /// shown (or the time is up); @p typed is sent once it is open.
    QString consoleUntil(
        const QString &nodeId, const QString &uuid, const QStringList &expected, const QByteArray &typed = {})
    {
        return Testing::CloudGuest::consoleUntil(m_fleet, nodeId, uuid, expected, bootMs, typed);
    }

    /// Forces the machine off, as the plan that clones it wants it.
    void stop(const QString &uuid)
    {
        const Libvirt::Domain domain(virDomainLookupByUUIDString(m_connection.get(), uuid.toLatin1().constData()));
        QVERIFY(domain);
        QCOMPARE(virDomainDestroy(domain.get()), 0);
    }

    /// The MAC address of the machine's first interface, as its node defines it.
    [[nodiscard]] QString macOf(const QString &uuid) const
    {
        const Libvirt::Domain domain(virDomainLookupByUUIDString(m_connection.get(), uuid.toLatin1().constData()));
        char *xml = domain ? virDomainGetXMLDesc(domain.get(), VIR_DOMAIN_XML_INACTIVE) : nullptr;
        const Result<DomainDescription> described = DomainXml::parse(QByteArray(xml));
        free(xml); // NOLINT(cppcoreguidelines-no-malloc)
        return described && !described.value().interfaces.isEmpty() ? described.value().interfaces.first().mac
                                                                    : QString();
    }

    [[nodiscard]] QString uuidOf(const QString &name) const
    {
        for (const Machine &machine : m_fleet.nodes().first().machines.machines()) {
            if (machine.name == name) {
                return machine.uuid;
            }
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const Result<bool> guest = Testing::CloudGuest::make(QStringLiteral(MAKE_CLOUD_GUEST), m_work.path());
        QVERIFY2(guest.ok(), qPrintable(guest ? QString() : guest.error().text()));

        const Result<bool> offered = m_daemon.offerTls();
        QVERIFY2(offered.ok(), qPrintable(offered ? QString() : offered.error().text()));
        const Result<bool> started = m_daemon.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().text()));
        Libvirt::initialize();
        m_connection.reset(virConnectOpen(m_daemon.qemuUri().toUtf8().constData()));
        QVERIFY(m_connection);
        const Result<bool> made = Testing::QemuNode::makeFolderPool(m_connection.get(), pool, m_pool.path());
        QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().text()));
        m_fleet.addNode(NodeEntry{.id = m_node, .name = u"QEMU"_s, .uri = m_daemon.qemuUri()});
        m_fleet.addNode(NodeEntry{.id = m_remoteNode, .name = u"QEMU over TCP"_s, .uri = m_daemon.qemuTcpUri()});
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::all_of(m_fleet.nodes(), [](const Fleet::Node &node) { return node.hasInventory; }), 30000);
    }

    void theImageGoesUp()
    {
        const ProvisioningResult uploaded = provision({.kind = ProvisioningRequest::Kind::ImageFromFile,
            .pool = pool,
            .name = image,
            .path = m_work.filePath(u"disk.img"_s)});
        QVERIFY2(uploaded.outcome.completed, qPrintable(uploaded.outcome.failure.text()));
        QVERIFY(NodeVolumes::exists(m_connection.get(), pool, image));
    }

    // Seen as a person sees it: in the console window, a real terminal.
    void theGuestReadsItsSeedAndWritesItsData()
    {
        const MachineOrder web = order(u"web-04"_s);
        const ProvisioningResult made = provision({.order = web});
        QVERIFY2(made.outcome.completed, qPrintable(made.outcome.failure.text() + m_daemon.log()));
        ConsoleWindow window(&m_fleet, m_node, web.machine.uuid, u"web-04"_s);
        window.show();
        // What the terminal itself took in, not only what reached the window.
        const auto shown = [&window] { return window.shown(); };
        QTRY_VERIFY2_WITH_TIMEOUT(
            shown().contains(u"flotilla-guest: done"_s) || window.status().contains(u"No console"_s),
            qPrintable(window.status() + u"\n"_s + shown().right(2000)), bootMs);
        QVERIFY2(window.status().startsWith(u"Connected"_s), qPrintable(window.status()));
        // The bootloader on the image's own disk (the firmware's first lines may
        // come before the console is open, on a slow machine).
        QVERIFY2(shown().contains(u"SYSLINUX"_s), qPrintable(shown().right(2000)));
        QVERIFY2(shown().contains(u"flotilla-guest: booted from its own disk"_s), qPrintable(shown().right(2000)));
        QVERIFY2(shown().contains(u"flotilla-guest: hostname web-04"_s), qPrintable(shown().right(2000)));
        QVERIFY2(shown().contains(u"flotilla-guest: key alice@laptop"_s), qPrintable(shown().right(2000)));
        QVERIFY2(shown().contains(u"flotilla-guest: wrote note.txt"_s), qPrintable(shown().right(2000)));
        const QString artifacts = qEnvironmentVariable("FLOTILLA_TEST_ARTIFACTS", QDir::tempPath());
        QVERIFY(QDir().mkpath(artifacts));
        QVERIFY(window.grab().save(artifacts + u"/console.png"_s));
        // Closing and opening again reconnects cleanly.
        window.reconnect();
        QTRY_VERIFY_WITH_TIMEOUT(window.status().startsWith(u"Connected"_s), 30000);
    }

    void theDataOutlivesItsMachine()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!uuidOf(u"web-04"_s).isEmpty(), 30000);
        const QString uuid = uuidOf(u"web-04"_s);
        const QString data = u"web-04-data-"_s + uuid.left(8) + u".qcow2"_s;
        // Deleted with its root disk and seed, as the person confirmed; the data disk stays.
        QStringList confirmed;
        for (const Disk &disk : m_fleet.nodes().first().machines.machines().value(uuid).disks) {
            if (!disk.source.contains(u"-data-"_s)) {
                confirmed.append(disk.source);
            }
        }
        QCOMPARE(confirmed.size(), 2);
        QSignalSpy deleted(&m_fleet, &Fleet::requestFinished);
        m_fleet.request(
            m_node, MachineRequest{.kind = MachineRequest::Kind::Delete, .uuid = uuid, .volumes = confirmed});
        QVERIFY(deleted.wait(60000));
        QVERIFY2(deleted.first().at(1).value<MachineRequestResult>().error.isEmpty(),
            qPrintable(deleted.first().at(1).value<MachineRequestResult>().error.text()));
        QVERIFY(NodeVolumes::exists(m_connection.get(), pool, data));
        QVERIFY(!NodeVolumes::exists(m_connection.get(), pool, u"web-04-root-"_s + uuid.left(8) + u".qcow2"_s));
        QVERIFY(!NodeVolumes::exists(m_connection.get(), pool, u"web-04-seed-"_s + uuid.left(8) + u".iso"_s));

        const MachineOrder again = order(u"web-04"_s, data);
        const ProvisioningResult made = provision({.order = again});
        QVERIFY2(made.outcome.completed, qPrintable(made.outcome.failure.text()));
        // Read this time over TCP, as from a remote node.
        const QString shown = consoleUntil(m_remoteNode, again.machine.uuid, {u"flotilla-guest: data disk holds:"_s});
        QVERIFY2(
            shown.contains(u"flotilla-guest: data disk holds: written by web-04"_s), qPrintable(shown.right(2000)));
    }

    // The same console through a node reached over SSH (an OpenSSH server
    // on 127.0.0.1, netcat to the daemon's socket on the far side): what is
    // typed reaches the guest, whose terminal echoes it.
    void theConsoleWorksOverSsh()
    {
        const Result<bool> started = m_ssh.start();
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().text()));
        m_fleet.addNode(
            NodeEntry{.id = m_sshNode, .name = u"QEMU over SSH"_s, .uri = m_ssh.libvirtUri(m_daemon.qemuSocket())});
        const auto sshNode = [this] { return m_fleet.nodes().at(m_fleet.indexOf(m_sshNode)); };
        QTRY_VERIFY2_WITH_TIMEOUT(sshNode().hasInventory, qPrintable(sshNode().status.error.text()), 60000);
        const QString uuid = uuidOf(u"web-04"_s);
        QVERIFY(!uuid.isEmpty());
        const QString shown = consoleUntil(m_sshNode, uuid, {u"typed-over-ssh"_s}, "typed-over-ssh\r");
        QVERIFY2(shown.contains(u"typed-over-ssh"_s), qPrintable(shown.right(2000)));
    }

    // And through a node reached over TLS, with a client certificate.
    void theConsoleWorksOverTls()
    {
        m_fleet.addNode(NodeEntry{.id = m_tlsNode, .name = u"QEMU over TLS"_s, .uri = m_daemon.qemuTlsUri()});
        const auto tlsNode = [this] { return m_fleet.nodes().at(m_fleet.indexOf(m_tlsNode)); };
        QTRY_VERIFY2_WITH_TIMEOUT(
            tlsNode().hasInventory, qPrintable(tlsNode().status.error.text() + m_daemon.log()), 60000);
        const QString shown = consoleUntil(m_tlsNode, uuidOf(u"web-04"_s), {u"typed-over-tls"_s}, "typed-over-tls\r");
        QVERIFY2(shown.contains(u"typed-over-tls"_s), qPrintable(shown.right(2000)));
    }

    // The screen (§1), through the socket libvirt hands over on a local
    // node: the guest's boot text shows on it; a line typed on it reaches
    // the guest, which echoes it there and tells it on its serial console.
    void theScreenShowsTheGuestAndTakesKeys()
    {
        const QString uuid = uuidOf(u"web-04"_s);
        QVERIFY(!uuid.isEmpty());
        Screen screen(&m_fleet, m_node, uuid);
        QTRY_VERIFY_WITH_TIMEOUT(screen.settled(), 30000);
        QVERIFY2(screen.item.state() == MachineScreen::Connected, qPrintable(screen.item.status()));
        QVERIFY2(screen.item.status().contains(u"libvirt"_s), qPrintable(screen.item.status()));
        QTRY_VERIFY_WITH_TIMEOUT(litSamples(screen.item.frame()) > someText, 30000);
        QVERIFY(screen.item.screenSize().width() >= 640);
        const QImage before = screen.item.frame();
        const QString shown = Testing::CloudGuest::consoleUntil(m_fleet, m_node, uuid,
            {u"flotilla-guest: screen typed: Hello-Screen 42"_s}, bootMs, {},
            [&screen] { screen.item.typeText(u"Hello-Screen 42\n"_s); });
        QVERIFY2(shown.contains(u"flotilla-guest: screen typed: Hello-Screen 42"_s), qPrintable(shown.right(2000)));
        // The line the guest echoed is on the screen now.
        QTRY_VERIFY_WITH_TIMEOUT(screen.item.frame() != before, 30000);
        QTemporaryDir folder;
        QCOMPARE(screen.item.saveScreenshot(QUrl::fromLocalFile(folder.filePath(u"screen.png"_s))), QString());
        const QImage saved(folder.filePath(u"screen.png"_s));
        QCOMPARE(saved.size(), screen.item.screenSize());
        const QString artifacts = qEnvironmentVariable("FLOTILLA_TEST_ARTIFACTS", QDir::tempPath());
        QVERIFY(saved.save(artifacts + u"/screen.png"_s));
        // Send Key: Ctrl+Alt+F2 turns the guest to its second terminal, a blank one.
        screen.item.sendCombination(u"Ctrl+Alt+F2"_s);
        QTRY_VERIFY_WITH_TIMEOUT(litSamples(screen.item.frame()) < blank, 30000);
        screen.item.sendCombination(u"Ctrl+Alt+F1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(litSamples(screen.item.frame()) > someText, 30000);
    }

    // Over SSH the screen goes through a tunnel: ssh to the node (as libvirt
    // reaches it), netcat there to the display on the node's loopback.
    void theScreenWorksOverSsh()
    {
        Screen screen(&m_fleet, m_sshNode, uuidOf(u"web-04"_s));
        QTRY_VERIFY_WITH_TIMEOUT(screen.settled(), 60000);
        QVERIFY2(screen.item.state() == MachineScreen::Connected, qPrintable(screen.item.status()));
        QVERIFY2(screen.item.status().contains(u"over SSH"_s), qPrintable(screen.item.status()));
        QTRY_VERIFY_WITH_TIMEOUT(litSamples(screen.item.frame()) > someText, 30000);
    }

    // A TLS node cannot reach a display that listens on the node's loopback,
    // and says so, with what to change.
    void theScreenOverTlsSaysWhyNot()
    {
        Screen screen(&m_fleet, m_tlsNode, uuidOf(u"web-04"_s));
        QTRY_VERIFY_WITH_TIMEOUT(screen.settled(), 30000);
        QCOMPARE(screen.item.state(), MachineScreen::Ended);
        QVERIFY2(screen.item.status().contains(u"listens only on the node's own address (127.0.0.1)"_s),
            qPrintable(screen.item.status()));
        QVERIFY2(screen.item.status().contains(u"qemu+ssh://"_s), qPrintable(screen.item.status()));
    }

    // Clones of a machine that has run once, linked and full: each boots as
    // a new machine (its own name, instance id and MAC address, in the seed
    // and on its network card) with its parent's data; the parent, moved
    // onto a new layer by the linked clone, boots as itself with its data;
    // and a full copy of it paused (QEMU copies the disks it holds locked).
    void clonesBootAsNewMachines()
    {
        const MachineOrder parent = order(u"web-07"_s);
        QVERIFY2(provision({.order = parent}).outcome.completed, qPrintable(m_daemon.log()));
        const QString first = consoleUntil(m_node, parent.machine.uuid, {u"flotilla-guest: done"_s});
        QVERIFY2(first.contains(u"flotilla-guest: wrote note.txt"_s), qPrintable(first.right(2000)));
        stop(parent.machine.uuid);
        for (const bool linked : {true, false}) {
            const QString name = linked ? u"web-07-linked"_s : u"web-07-copy"_s;
            const CloneOrder clone{.parent = parent.machine.uuid,
                .name = name,
                .uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
                .linked = linked,
                .start = true};
            const ProvisioningResult made = provision({.kind = ProvisioningRequest::Kind::Clone, .clone = clone});
            QVERIFY2(made.outcome.completed, qPrintable(made.outcome.failure.text() + m_daemon.log()));
            const QString mac = macOf(clone.uuid);
            QVERIFY(!mac.isEmpty());
            QVERIFY(mac.compare(parent.machine.mac, Qt::CaseInsensitive) != 0);
            const QString shown = consoleUntil(m_node, clone.uuid, {u"flotilla-guest: done"_s});
            for (const QString &line : QStringList{u"hostname "_s + name, u"instance iid-"_s + clone.uuid,
                     u"seed mac "_s + mac, u"nic "_s + mac, u"data disk holds: written by web-07"_s}) {
                QVERIFY2(shown.contains(u"flotilla-guest: "_s + line, Qt::CaseInsensitive),
                    qPrintable(line + u" is not in:\n"_s + shown.right(2000)));
            }
            stop(clone.uuid);
        }
        const Libvirt::Domain domain(
            virDomainLookupByUUIDString(m_connection.get(), parent.machine.uuid.toLatin1().constData()));
        QCOMPARE(virDomainCreate(domain.get()), 0);
        const QString again = consoleUntil(m_node, parent.machine.uuid, {u"flotilla-guest: done"_s});
        for (const QString &line : QStringList{u"hostname web-07"_s, u"instance iid-"_s + parent.machine.uuid,
                 u"data disk holds: written by web-07"_s}) {
            QVERIFY2(again.contains(u"flotilla-guest: "_s + line),
                qPrintable(line + u" is not in:\n"_s + again.right(2000)));
        }
        // A full copy of a running machine paused: its disks are read while
        // QEMU holds them open.
        QCOMPARE(virDomainSuspend(domain.get()), 0);
        const CloneOrder paused{.parent = parent.machine.uuid,
            .name = u"web-07-paused"_s,
            .uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
            .linked = false,
            .start = true};
        const ProvisioningResult copied = provision({.kind = ProvisioningRequest::Kind::Clone, .clone = paused});
        QVERIFY2(copied.outcome.completed, qPrintable(copied.outcome.failure.text()));
        QVERIFY(
            NodeVolumes::exists(m_connection.get(), pool, u"web-07-paused-vda-"_s + paused.uuid.left(8) + u".qcow2"_s));
        stop(parent.machine.uuid);
        const QString copy = consoleUntil(m_node, paused.uuid, {u"flotilla-guest: done"_s});
        for (const QString &line : QStringList{u"hostname web-07-paused"_s, u"data disk holds: written by web-07"_s}) {
            QVERIFY2(
                copy.contains(u"flotilla-guest: "_s + line), qPrintable(line + u" is not in:\n"_s + copy.right(2000)));
        }
        stop(paused.uuid);
    }

    // A clone onto another node (here the same daemon reached over TCP,
    // into a pool of its own): its disks travel through Flotilla, the
    // parent's layer flattened first, with progress told; it boots as a new
    // machine with its parent's data.
    void clonesOntoAnotherNode()
    {
        const QString parent = uuidOf(u"web-07"_s);
        QVERIFY(!parent.isEmpty());
        const Result<bool> made = Testing::QemuNode::makeFolderPool(m_connection.get(), otherPool, m_otherPool.path());
        QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().text()));
        QSignalSpy progress(&m_fleet, &Fleet::provisioningUpdated);
        const TransferOrder order{.kind = TransferOrder::Kind::Clone,
            .machine = parent,
            .name = u"web-07-away"_s,
            .uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
            .pool = otherPool,
            .start = true};
        const ProvisioningResult result
            = provision({.kind = ProvisioningRequest::Kind::Transfer, .transfer = order, .targetNode = m_remoteNode});
        QVERIFY2(result.outcome.completed, qPrintable(result.outcome.failure.text() + m_daemon.log()));
        QVERIFY(std::ranges::any_of(progress, [](const QList<QVariant> &arguments) {
            const auto update = arguments.at(1).value<ProvisioningUpdate>();
            return update.totalBytes > 0 && update.doneBytes == update.totalBytes;
        }));
        QVERIFY(QFile::exists(m_otherPool.filePath(u"web-07-away-vda-"_s + order.uuid.left(8) + u".qcow2"_s)));
        QCOMPARE(
            QDir(m_pool.path()).entryList({u"*.flotilla-*"_s}, QDir::Files), QStringList()); // flattened, sent, gone
        const QString mac = macOf(order.uuid);
        const QString shown = consoleUntil(m_remoteNode, order.uuid, {u"flotilla-guest: done"_s});
        for (const QString &line : QStringList{u"hostname web-07-away"_s, u"instance iid-"_s + order.uuid,
                 u"nic "_s + mac, u"data disk holds: written by web-07"_s}) {
            QVERIFY2(shown.contains(u"flotilla-guest: "_s + line, Qt::CaseInsensitive),
                qPrintable(line + u" is not in:\n"_s + shown.right(2000)));
        }
        stop(order.uuid);
    }

    // A cold move to a second QEMU daemon, a node of its own: the machine
    // arrives whole, as itself (its UUID, MAC and instance id) with its
    // data, and is gone from the first node with its volumes; then a live
    // move back.
    void movesToAnotherNode()
    {
        Testing::LibvirtDaemon second{Testing::LibvirtDaemon::Driver::Qemu};
        const Result<bool> started = second.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().text()));
        const Libvirt::Connection there(virConnectOpen(second.qemuUri().toUtf8().constData()));
        QVERIFY(there);
        QTemporaryDir folder;
        const Result<bool> made = Testing::QemuNode::makeFolderPool(there.get(), pool, folder.path());
        QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().text()));
        m_fleet.addNode(NodeEntry{.id = u"qemu-2"_s, .name = u"Second QEMU"_s, .uri = second.qemuUri()});
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet.node(u"qemu-2"_s)->hasInventory, 30000);

        const QString uuid = uuidOf(u"web-07-away"_s);
        QVERIFY(!uuid.isEmpty());
        const QString mac = macOf(uuid);
        const TransferOrder order{
            .kind = TransferOrder::Kind::Move, .machine = uuid, .name = u"web-07-away"_s, .uuid = uuid, .pool = pool};
        const ProvisioningResult result
            = provision({.kind = ProvisioningRequest::Kind::Transfer, .transfer = order, .targetNode = u"qemu-2"_s});
        QVERIFY2(result.outcome.completed, qPrintable(result.outcome.failure.text() + second.log()));
        QVERIFY(!Libvirt::Domain(virDomainLookupByUUIDString(m_connection.get(), uuid.toLatin1().constData())));
        virResetLastError();
        QCOMPARE(QDir(m_otherPool.path()).entryList({u"web-07-away*"_s}, QDir::Files), QStringList());
        const Libvirt::Domain moved(virDomainLookupByUUIDString(there.get(), uuid.toLatin1().constData()));
        QVERIFY(moved);
        QCOMPARE(virDomainCreate(moved.get()), 0);
        const QString shown = consoleUntil(u"qemu-2"_s, uuid, {u"flotilla-guest: done"_s});
        for (const QString &line : QStringList{u"hostname web-07-away"_s, u"instance iid-"_s + uuid, u"nic "_s + mac,
                 u"data disk holds: written by web-07"_s}) {
            QVERIFY2(shown.contains(u"flotilla-guest: "_s + line, Qt::CaseInsensitive),
                qPrintable(line + u" is not in:\n"_s + shown.right(2000)));
        }

        // And back live, while it runs, to the first daemon reached over
        // TCP (as a remote node: QEMU's migration goes to 127.0.0.1): its
        // memory and disks travel, it goes on running there, and it is gone
        // from the second daemon with its volumes.
        QSignalSpy progress(&m_fleet, &Fleet::provisioningUpdated);
        const TransferOrder live{.kind = TransferOrder::Kind::LiveMove,
            .machine = uuid,
            .name = u"web-07-away"_s,
            .uuid = uuid,
            .pool = pool};
        const ProvisioningResult back = Testing::provisionAndWait(m_fleet, u"qemu-2"_s,
            {.kind = ProvisioningRequest::Kind::Transfer, .transfer = live, .targetNode = m_remoteNode}, bootMs);
        QVERIFY2(back.outcome.completed, qPrintable(back.outcome.failure.text() + second.log()));
        QVERIFY(std::ranges::any_of(progress, [](const QList<QVariant> &arguments) {
            return arguments.at(1).value<ProvisioningUpdate>().totalBytes > 0;
        }));
        const Libvirt::Domain home(virDomainLookupByUUIDString(m_connection.get(), uuid.toLatin1().constData()));
        QVERIFY(home);
        QCOMPARE(virDomainIsActive(home.get()), 1);
        QVERIFY(!Libvirt::Domain(virDomainLookupByUUIDString(there.get(), uuid.toLatin1().constData())));
        virResetLastError();
        QCOMPARE(QDir(folder.path()).entryList({u"web-07-away*"_s}, QDir::Files), QStringList());
        const QString typed = consoleUntil(m_remoteNode, uuid, {u"typed-after-the-move"_s}, "typed-after-the-move\r");
        QVERIFY2(typed.contains(u"typed-after-the-move"_s), qPrintable(typed.right(2000)));
        QVERIFY(!typed.contains(u"SeaBIOS"_s)); // it went on running: no boot again
        virDomainDestroy(home.get());
        QVERIFY(m_fleet.removeNode(u"qemu-2"_s));
    }

    void cleanupTestCase()
    {
        if (!m_connection) {
            return;
        }
        const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), "web-04"));
        if (domain) {
            virDomainDestroy(domain.get());
            virDomainUndefine(domain.get());
        }
        virResetLastError();
    }
};

QTEST_MAIN(CloudGuestTest)
#include "tst_cloudguest.moc"
