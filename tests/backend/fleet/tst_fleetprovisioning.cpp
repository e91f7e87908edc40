// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demo/demofleet.h"
#include "fleet/fleet.h"
#include "fleetjobs.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "provisioning/imagelibrary.h"
#include "provisioning/nodevolumes.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <libvirt/virterror.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{
constexpr int timeoutMs = 20000;
constexpr quint64 GiB = 1ULL << 30;
const QString image = u"debian-12-genericcloud-amd64.qcow2"_s;
} // namespace

// Machines and images made on a node through the fleet, as the wizard
// makes them: the session runs the plan aside, its steps come back as
// updates, and the machines show up in the fleet's picture. On the demo's
// Helsinki node (libvirt's test driver in this process), and behind a real
// libvirtd for what a reconnect cleans up.
class FleetProvisioningTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_demo;
    Fleet m_fleet;
    QString m_node;

    [[nodiscard]] const Fleet::Node &node() const { return m_fleet.nodes().at(m_fleet.indexOf(m_node)); }

    [[nodiscard]] const Machine *machine(const QString &name) const
    {
        for (const Machine &machine : node().machines.machines()) {
            if (machine.name == name) {
                return &machine;
            }
        }
        return nullptr;
    }

    static MachineOrder order(const QString &name)
    {
        return MachineOrder{.machine = {.name = name,
                                .uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
                                .vcpus = 2,
                                .maxVcpus = 4,
                                .memoryBytes = 2 * GiB,
                                .maxMemoryBytes = 4 * GiB,
                                .network = u"default"_s,
                                .mac = MachineDefinition::randomMac(),
                                .metadata = {.image = image}},
            .pool = u"default"_s,
            .image = image,
            .imageFormat = u"qcow2"_s,
            .rootBytes = 20 * GiB,
            .dataBytes = 10 * GiB,
            .seed = {.userData = "#cloud-config\nhostname: \"" + name.toUtf8() + "\"\n",
                .metaData = "instance-id: \"iid-" + name.toUtf8() + "\"\n"}};
    }

    /// Hands @p request to the fleet and waits for its end; every update on the way goes to @p updates.
    ProvisioningResult provision(const ProvisioningRequest &request, QList<ProvisioningUpdate> *updates = nullptr)
    {
        const QMetaObject::Connection heard = connect(
            &m_fleet, &Fleet::provisioningUpdated, this, [&](const QString &, const ProvisioningUpdate &update) {
                if (updates) {
                    updates->append(update);
                }
            });
        const ProvisioningResult result = Testing::provisionAndWait(m_fleet, m_node, request, timeoutMs);
        disconnect(heard);
        return result;
    }

    [[nodiscard]] QStringList volumeNames() const
    {
        QStringList names;
        for (const NodeVolume &volume : node().stock.volumes) {
            names.append(volume.name);
        }
        return names;
    }

    /// Reads the node's stock again and waits until it is in.
    bool readStock()
    {
        QSignalSpy changed(&m_fleet, &Fleet::nodeChanged);
        m_fleet.readStock(m_node);
        return QTest::qWaitFor(
            [&] {
                return std::ranges::any_of(changed, [this](const QList<QVariant> &arguments) {
                    return arguments.at(0).toLongLong() == m_fleet.indexOf(m_node);
                }) && node().hasStock;
            },
            timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        const Result<QList<NodeEntry>> entries = DemoFleet::unpack(m_demo.path());
        QVERIFY(entries.ok());
        for (const NodeEntry &entry : entries.value()) {
            if (entry.uri.contains(u"helsinki"_s)) {
                m_node = entry.id;
                m_fleet.addNode(entry);
            }
        }
        QVERIFY(!m_node.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(node().hasInventory, timeoutMs);
    }

    // The library is what the pools hold that no machine writes to.
    void theLibraryIsReadFromTheNode()
    {
        QVERIFY(readStock());
        QVERIFY(node().stock.offerProblem.isEmpty());
        QCOMPARE(node().stock.offer.domainType, u"test"_s);
        const QList<LibraryImage> images
            = ImageLibrary::images(node().stock.volumes, node().machines.machines().values());
        QStringList names;
        for (const LibraryImage &found : images) {
            names.append(found.volume.name);
        }
        QVERIFY2(names.contains(image), qPrintable(names.join(u", "_s)));
        QVERIFY(names.contains(u"alpine-virt-3.20.3-x86_64.iso"_s));
        // A machine's own disk is no image.
        for (const Machine &machine : node().machines.machines()) {
            for (const Disk &disk : machine.disks) {
                QVERIFY2(!std::ranges::any_of(images,
                             [&disk](const LibraryImage &i) {
                                 return i.volume.path == disk.source && disk.device != u"cdrom"_s;
                             }),
                    qPrintable(disk.source));
            }
        }
    }

    // Three machines, each with its steps reported, running in the fleet's
    // picture, counted as users of their image.
    void threeMachinesAreMade()
    {
        for (const QString &name : {u"web-01"_s, u"web-02"_s, u"web-03"_s}) {
            QList<ProvisioningUpdate> updates;
            const ProvisioningResult result = provision({.order = order(name)}, &updates);
            QVERIFY2(result.outcome.completed, qPrintable(result.outcome.failure.text()));
            QVERIFY(!updates.isEmpty());
            const QStringList steps = updates.last().steps;
            QCOMPARE(steps.size(), 7); // check, record, root, data, seed, mark as made, start
            QVERIFY(updates.last().simulated.at(4)); // the demo node takes no upload for the seed
            QVERIFY(std::ranges::all_of(updates, [&steps](const ProvisioningUpdate &u) { return u.steps == steps; }));
            QCOMPARE(updates.last().step, steps.size() - 1);
            QCOMPARE(updates.last().state, ProvisioningPlan::StepState::Done);
            QTRY_VERIFY_WITH_TIMEOUT(machine(name) && machine(name)->isRunning(), timeoutMs);
            QCOMPARE(machine(name)->metadata.image, image);
            QVERIFY(machine(name)->metadata.unfinished.isEmpty());
        }
        QVERIFY(readStock());
        // The node changes for other reasons too (a tick, its pools): the stock asked for may come after.
        QTRY_COMPARE_WITH_TIMEOUT(volumeNames().filter(u"web-0"_s).size(), 9, timeoutMs); // root, data and seed each
        const QList<LibraryImage> images
            = ImageLibrary::images(node().stock.volumes, node().machines.machines().values());
        const auto debian
            = std::ranges::find_if(images, [](const LibraryImage &found) { return found.volume.name == image; });
        QVERIFY(debian != images.end());
        // Counted as its users, with the demo's own machines made from it (its workloads' replicas).
        const auto demoUsers = std::ranges::count_if(node().machines.machines(),
            [](const Machine &user) { return user.metadata.image == image && !user.name.startsWith(u"web-0"_s); });
        QCOMPARE(debian->machines, 3 + demoUsers);
    }

    // A cancel reaches the plan, and nothing of the machine is made. (A
    // plan on the test driver ends in microseconds, before any update could
    // come back: a cancel half way, with its undo, is proven on the plan
    // itself in tst_machineprovisioning.)
    void aCancelledMachineLeavesNothing()
    {
        QVERIFY(readStock());
        const QStringList before = volumeNames();
        const qsizetype machines = node().machines.machines().size();
        QSignalSpy finished(&m_fleet, &Fleet::provisioningFinished);
        const quint64 id = m_fleet.provision(m_node, {.order = order(u"cancelled-01"_s)});
        m_fleet.cancelProvisioning(id);
        QVERIFY(finished.wait(timeoutMs));
        const auto result = finished.first().at(1).value<ProvisioningResult>();
        QCOMPARE(result.jobId, id);
        QVERIFY(result.outcome.cancelled);
        QVERIFY(result.outcome.leftovers.isEmpty());
        QVERIFY(readStock());
        QCOMPARE(volumeNames(), before);
        QCOMPARE(node().machines.machines().size(), machines);
        QVERIFY(!machine(u"cancelled-01"_s));
    }

    // A name taken fails at the check, with a message that names it; nothing is made.
    void aTakenNameIsRefused()
    {
        const ProvisioningResult result = provision({.order = order(u"web-01"_s)});
        QVERIFY(!result.outcome.completed);
        QCOMPARE(result.outcome.failedStep, 0);
        QVERIFY2(result.outcome.failure.text().contains(u"web-01"_s), qPrintable(result.outcome.failure.text()));
    }

    // An image from a file: read by its own header, and made on the demo
    // node as an empty volume of its format and size.
    void anImageFromAFileJoinsTheLibrary()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(u"tiny.qcow2"_s);
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, path, u"3G"_s}), 0);
        const ProvisioningResult result = provision({.kind = ProvisioningRequest::Kind::ImageFromFile,
            .pool = u"default"_s,
            .name = u"tiny.qcow2"_s,
            .path = path});
        QVERIFY2(result.outcome.completed, qPrintable(result.outcome.failure.text()));
        QVERIFY(readStock());
        const auto made = std::ranges::find_if(
            node().stock.volumes, [](const NodeVolume &volume) { return volume.name == u"tiny.qcow2"_s; });
        QVERIFY(made != node().stock.volumes.end());
        QCOMPARE(made->format, u"qcow2"_s);
        QCOMPARE(made->capacityBytes, 3 * GiB);
        // The same name again is refused, and the first stays.
        const ProvisioningResult again = provision({.kind = ProvisioningRequest::Kind::ImageFromFile,
            .pool = u"default"_s,
            .name = u"tiny.qcow2"_s,
            .path = path});
        QVERIFY(!again.outcome.completed);
        QVERIFY2(again.outcome.failure.text().contains(u"tiny.qcow2"_s), qPrintable(again.outcome.failure.text()));
        QVERIFY(readStock());
        QVERIFY(volumeNames().contains(u"tiny.qcow2"_s));
    }

    // A job for a node that does not exist ends at once, with the reason.
    void aJobForNoNodeEnds()
    {
        QSignalSpy finished(&m_fleet, &Fleet::provisioningFinished);
        const quint64 id = m_fleet.provision(u"nowhere"_s, {.order = order(u"x"_s)});
        QVERIFY(finished.wait(timeoutMs));
        QCOMPARE(finished.first().at(1).value<ProvisioningResult>().jobId, id);
        QVERIFY(!finished.first().at(1).value<ProvisioningResult>().outcome.failure.isEmpty());
    }

    // What a plan lost with its node left half made (a machine marked
    // unfinished, with its volumes) is gone once the node is connected again.
    void leftoversGoWhenTheNodeConnects()
    {
        Testing::LibvirtDaemon daemon;
        const Result<bool> started = daemon.start();
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().text()));
        const Libvirt::Connection direct(virConnectOpen(daemon.uri().toUtf8().constData()));
        QVERIFY(direct);
        QVERIFY(NodeVolumes::createEmpty(direct.get(), u"default-pool"_s, image, GiB, u"qcow2"_s).ok());
        MachineOrder lost = order(u"lost-01"_s);
        lost.pool = u"default-pool"_s;
        lost.machine.metadata.creator = MachineProvisioning::creatorHere();
        const HypervisorOffer offer{.domainType = u"test"_s,
            .machineType = u"pc-q35-10.0"_s,
            .arch = u"x86_64"_s,
            .emulator = u"/usr/bin/qemu-system-x86_64"_s};
        const ProvisioningPlan plan = MachineProvisioning::plan(direct.get(), offer, lost, true);
        for (qsizetype i = 0; i < 4; ++i) { // checked, recorded, root and data made: then the node was lost
            QVERIFY(plan.step(i).run().ok());
        }
        QVERIFY(NodeVolumes::exists(
            direct.get(), u"default-pool"_s, MachineProvisioning::volumeName(lost, NewDisk::Kind::Root)));

        Fleet fleet;
        fleet.addNode(NodeEntry{.id = u"remote"_s, .name = u"Remote"_s, .uri = daemon.uri()});
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().first().hasInventory, timeoutMs);
        const auto gone = [&] {
            const Libvirt::Domain domain(virDomainLookupByName(direct.get(), "lost-01"));
            virResetLastError();
            return !domain;
        };
        QTRY_VERIFY_WITH_TIMEOUT(gone(), timeoutMs);
        QVERIFY(!NodeVolumes::exists(
            direct.get(), u"default-pool"_s, MachineProvisioning::volumeName(lost, NewDisk::Kind::Root)));
        QVERIFY(!NodeVolumes::exists(
            direct.get(), u"default-pool"_s, MachineProvisioning::volumeName(lost, NewDisk::Kind::Data)));
        QVERIFY(NodeVolumes::exists(direct.get(), u"default-pool"_s, image));
        // The fleet's picture follows.
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::none_of(fleet.nodes().first().machines.machines(),
                                     [](const Machine &m) { return m.name == u"lost-01"_s; }),
            timeoutMs);
    }
};

QTEST_GUILESS_MAIN(FleetProvisioningTest)
#include "tst_fleetprovisioning.moc"
