// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"
#include "session/inventoryreader.h"
#include "testfleet.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Flotilla;
using Kind = MachineRequest::Kind;

// A person's requests for machines, carried out by a real session on
// libvirt's test driver (the test fleet's Berlin node) and seen come back as
// changed machines.
class MachineRequestsTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = 20000;
    static constexpr quint64 gib = 1024ULL * 1024 * 1024;

    Fleet m_fleet;
    QString m_node;

    [[nodiscard]] const Fleet::Node &node() const { return m_fleet.nodes().constFirst(); }

    [[nodiscard]] const Machine *machine(const QString &name) const
    {
        for (const Machine &machine : node().machines.machines()) {
            if (machine.name == name) {
                return &machine;
            }
        }
        return nullptr;
    }

    [[nodiscard]] QString uuidOf(const QString &name) const { return machine(name) ? machine(name)->uuid : QString(); }

    /// Sends @p request and waits for its own result; what went wrong on
    /// the way (no request made, no answer, an answer for another node)
    /// comes back as the result's error.
    MachineRequestResult send(MachineRequest request)
    {
        QSignalSpy finished(&m_fleet, &Fleet::requestFinished);
        const quint64 id = m_fleet.request(m_node, request);
        if (id == 0) {
            return MachineRequestResult{.error = Error{.message = QStringLiteral("the fleet made no request")}};
        }
        do {
            for (const QList<QVariant> &arguments : std::as_const(finished)) {
                const auto result = arguments.at(1).value<MachineRequestResult>();
                if (result.requestId != id) {
                    continue;
                }
                if (arguments.at(0).toString() != m_node) {
                    return MachineRequestResult{
                        .error = Error{
                            .message = QStringLiteral("the result came for node %1").arg(arguments.at(0).toString())}};
                }
                return result;
            }
        } while (finished.wait(timeoutMs));
        return MachineRequestResult{.error = Error{.message = QStringLiteral("no result")}};
    }

    /// Sends @p request; true if it succeeded for its machine (and says why not otherwise).
    [[nodiscard]] bool expectSuccess(const MachineRequest &request)
    {
        [&] {
            const MachineRequestResult result = send(request);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
            QCOMPARE(result.uuid, request.uuid);
        }();
        return !QTest::currentTestFailed();
    }

    [[nodiscard]] quint64 poolAllocation() const { return node().pools.constFirst().allocationBytes; }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        const Result<QList<NodeEntry>> entries = Testing::TestFleet::entries();
        QVERIFY2(entries.ok(), qPrintable(entries.ok() ? QString() : entries.error().text()));
        m_node = entries.value().constFirst().id;
        QVERIFY(entries.value().constFirst().uri.endsWith(QLatin1StringView("berlin-home.xml")));
        m_fleet.addNode(entries.value().constFirst());
        QTRY_VERIFY_WITH_TIMEOUT(node().hasInventory, timeoutMs);
        QVERIFY(machine(QStringLiteral("nextcloud")));
    }

    void pausesResumesStopsAndStarts()
    {
        const QString uuid = uuidOf(QStringLiteral("nextcloud"));
        const auto state = [this] { return machine(QStringLiteral("nextcloud"))->state; };
        QCOMPARE(state(), MachineState::Running);
        const QList<std::pair<Kind, MachineState>> steps = {{Kind::Pause, MachineState::Paused},
            {Kind::Resume, MachineState::Running}, {Kind::Shutdown, MachineState::Off},
            {Kind::Start, MachineState::Running}, {Kind::Reboot, MachineState::Running},
            {Kind::ForceOff, MachineState::Off}, {Kind::Start, MachineState::Running}};
        for (const auto &[kind, expected] : steps) {
            QVERIFY(expectSuccess(MachineRequest{.kind = kind, .uuid = uuid}));
            QTRY_COMPARE_WITH_TIMEOUT(state(), expected, timeoutMs);
        }
    }

    void refusesWhatTheStateDoesNotAllow()
    {
        const MachineRequestResult result
            = send(MachineRequest{.kind = Kind::Resume, .uuid = uuidOf(QStringLiteral("nextcloud"))});
        QCOMPARE(result.error.message, QStringLiteral("Could not resume the machine"));
        QVERIFY2(!result.error.details.isEmpty(), "libvirt's reason is kept");
    }

    void changesVcpusAndMemoryWhileRunning()
    {
        const QString uuid = uuidOf(QStringLiteral("nextcloud"));
        QCOMPARE(machine(QStringLiteral("nextcloud"))->maxVcpus, 8);
        QVERIFY(expectSuccess(MachineRequest{.kind = Kind::SetVcpus, .uuid = uuid, .vcpus = 6}));
        QTRY_COMPARE_WITH_TIMEOUT(machine(QStringLiteral("nextcloud"))->vcpus, 6, timeoutMs);
        QVERIFY(expectSuccess(MachineRequest{.kind = Kind::SetMemory, .uuid = uuid, .memoryBytes = 4 * gib}));
        QTRY_COMPARE_WITH_TIMEOUT(machine(QStringLiteral("nextcloud"))->memoryBytes, 4 * gib, timeoutMs);

        const MachineRequestResult tooMany = send(MachineRequest{.kind = Kind::SetVcpus, .uuid = uuid, .vcpus = 12});
        QCOMPARE(tooMany.error.message, QStringLiteral("Could not change the machine's vCPUs"));
        QVERIFY(!tooMany.error.details.isEmpty());
        QCOMPARE(machine(QStringLiteral("nextcloud"))->vcpus, 6);
    }

    void raisesTheMaximumsForTheNextBoot()
    {
        const QString uuid = uuidOf(QStringLiteral("nextcloud"));
        QVERIFY(expectSuccess(MachineRequest{.kind = Kind::ForceOff, .uuid = uuid}));
        QVERIFY(expectSuccess(MachineRequest{.kind = Kind::SetMaxVcpus, .uuid = uuid, .vcpus = 12}));
        QVERIFY(expectSuccess(MachineRequest{.kind = Kind::SetMaxMemory, .uuid = uuid, .memoryBytes = 24 * gib}));
        QTRY_COMPARE_WITH_TIMEOUT(machine(QStringLiteral("nextcloud"))->maxVcpus, 12, timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(machine(QStringLiteral("nextcloud"))->maxMemoryBytes, 24 * gib, timeoutMs);
        QVERIFY(expectSuccess(MachineRequest{.kind = Kind::Start, .uuid = uuid}));
    }

    void writesTagsIntoTheMachine()
    {
        const QString uuid = uuidOf(QStringLiteral("gitea"));
        MachineMetadata metadata = machine(QStringLiteral("gitea"))->metadata;
        metadata.tags = QStringList{QStringLiteral("code"), QStringLiteral("family")};
        metadata.note = QStringLiteral("Mirrors GitHub nightly <& backs up>");
        QVERIFY(expectSuccess(MachineRequest{.kind = Kind::SetMetadata, .uuid = uuid, .metadata = metadata}));
        QTRY_COMPARE_WITH_TIMEOUT(machine(QStringLiteral("gitea"))->metadata, metadata, timeoutMs);
    }

    void deletesAMachineButKeepsItsDisks()
    {
        const quint64 allocation = poolAllocation();
        QVERIFY(expectSuccess(MachineRequest{.kind = Kind::Delete, .uuid = uuidOf(QStringLiteral("pihole"))}));
        QTRY_VERIFY_WITH_TIMEOUT(!machine(QStringLiteral("pihole")), timeoutMs);
        // Had the session re-read the pools for this request, they would have
        // come before its result: it publishes in order, on one thread.
        QCOMPARE(poolAllocation(), allocation);
    }

    void deletesAMachineWithItsDisks()
    {
        const quint64 allocation = poolAllocation();
        const MachineRequestResult result = send(MachineRequest{.kind = Kind::Delete,
            .uuid = uuidOf(QStringLiteral("jellyfin")),
            .volumes = {QStringLiteral("/var/lib/libvirt/images/jellyfin.qcow2"),
                QStringLiteral("/var/lib/libvirt/images/jellyfin-data.img")}});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(QLatin1Char('\n'))));
        QTRY_VERIFY_WITH_TIMEOUT(!machine(QStringLiteral("jellyfin")), timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(poolAllocation() < allocation, timeoutMs);
    }

    void readsSnapshotNames()
    {
        // A connection of its own: snapshots are made outside Flotilla, by libvirt.
        const Libvirt::Connection connection(virConnectOpen("test:///default"));
        QVERIFY(connection);
        const Libvirt::Domain domain(virDomainLookupByName(connection.get(), "test"));
        QVERIFY(domain);
        for (const char *name : {"before-upgrade", "after-upgrade"}) {
            const QByteArray xml = QByteArrayLiteral("<domainsnapshot><name>") + name + "</name></domainsnapshot>";
            QVERIFY(Libvirt::DomainSnapshot(virDomainSnapshotCreateXML(domain.get(), xml.constData(), 0)));
        }
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        QCOMPARE(virDomainGetUUIDString(domain.get(), uuid), 0);
        const Result<Machine> machine = InventoryReader::readMachine(connection.get(), QString::fromLatin1(uuid));
        QVERIFY2(machine.ok(), machine.ok() ? "" : qPrintable(machine.error().text()));
        QStringList names = machine.value().snapshots;
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("after-upgrade"), QStringLiteral("before-upgrade")}));
        QCOMPARE(machine.value().snapshotCount, 2);
    }

    void reportsAMachineThatIsGone()
    {
        const MachineRequestResult result
            = send(MachineRequest{.kind = Kind::Start, .uuid = QStringLiteral("00000000-0000-0000-0000-000000000000")});
        QCOMPARE(result.error.message, QStringLiteral("Could not start the machine"));
        QVERIFY(!result.error.details.isEmpty());
    }

    void reportsANodeThatIsNotConnected()
    {
        m_fleet.disconnectNode(m_node);
        QTRY_COMPARE_WITH_TIMEOUT(node().status.state, NodeState::Disconnected, timeoutMs);
        const MachineRequestResult result
            = send(MachineRequest{.kind = Kind::Start, .uuid = uuidOf(QStringLiteral("gitea"))});
        QCOMPARE(result.error.details, QStringLiteral("The node is not connected."));
        // A node that does not exist answers at once, with an error (never "id 0, no answer").
        QSignalSpy finished(&m_fleet, &Fleet::requestFinished);
        const quint64 id = m_fleet.request(QStringLiteral("no-such-node"), MachineRequest{});
        QVERIFY(id > 0);
        QVERIFY(finished.wait(timeoutMs));
        QCOMPARE(finished.first().at(1).value<MachineRequestResult>().requestId, id);
        QVERIFY(!finished.first().at(1).value<MachineRequestResult>().error.isEmpty());
    }

    // Deleting storage, on a node of our own whose machines share volumes
    // (tests/data/shared-storage-node.xml; a fresh copy of it per test).

    void deletesOnlyTheConfirmedDisks()
    {
        StorageNode storage;
        QVERIFY(storage.ready());
        const quint64 before = storage.allocation();
        const MachineRequestResult result
            = storage.deleteMachine(QStringLiteral("solo"), {StorageNode::path("solo.qcow2")});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(QLatin1Char('\n'))));
        QTRY_VERIFY_WITH_TIMEOUT(!storage.has(QStringLiteral("solo")), timeoutMs);
        // solo.qcow2 (64 MiB) went; solo-data.img (128 MiB), not confirmed, stays.
        QTRY_COMPARE_WITH_TIMEOUT(before - storage.allocation(), 64 * StorageNode::mib, timeoutMs);
    }

    void keepsAVolumeAnotherMachineUses()
    {
        StorageNode storage;
        QVERIFY(storage.ready());
        const quint64 before = storage.allocation();
        const MachineRequestResult result = storage.deleteMachine(
            QStringLiteral("web-01"), {StorageNode::path("web-01.qcow2"), StorageNode::path("shared.img")});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
        QCOMPARE(result.warnings,
            QStringList{QStringLiteral("Kept %1: used by web-02").arg(StorageNode::path("shared.img"))});
        QTRY_VERIFY_WITH_TIMEOUT(!storage.has(QStringLiteral("web-01")), timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(before - storage.allocation(), 1 * StorageNode::mib, timeoutMs);
    }

    void keepsTheBaseImageOfAnotherMachine()
    {
        StorageNode storage;
        QVERIFY(storage.ready());
        const quint64 before = storage.allocation();
        const MachineRequestResult result = storage.deleteMachine(
            QStringLiteral("builder"), {StorageNode::path("base.qcow2"), StorageNode::path("builder-data.img")});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
        QCOMPARE(result.warnings,
            QStringList{QStringLiteral("Kept %1: used by web-02").arg(StorageNode::path("base.qcow2"))});
        QTRY_VERIFY_WITH_TIMEOUT(!storage.has(QStringLiteral("builder")), timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(before - storage.allocation(), 32 * StorageNode::mib, timeoutMs);
    }

    void keepsWhatIsNotTheMachinesDisk()
    {
        // Confirmed from an older picture: the path is not (or no longer) web-02's disk.
        StorageNode storage;
        QVERIFY(storage.ready());
        const quint64 before = storage.allocation();
        const MachineRequestResult result = storage.deleteMachine(
            QStringLiteral("web-02"), {StorageNode::path("web-02.qcow2"), StorageNode::path("solo-data.img")});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
        QCOMPARE(result.warnings,
            QStringList{QStringLiteral("Kept %1: it is no longer a disk of this machine")
                    .arg(StorageNode::path("solo-data.img"))});
        QTRY_VERIFY_WITH_TIMEOUT(!storage.has(QStringLiteral("web-02")), timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(before - storage.allocation(), 2 * StorageNode::mib, timeoutMs);
    }

    void refusesATagThatWouldComeBackSplit()
    {
        StorageNode storage;
        QVERIFY(storage.ready());
        const MachineRequestResult result = storage.setTags(QStringLiteral("web-01"), {QStringLiteral("my tag")});
        QCOMPARE(result.error.message, QStringLiteral("Could not change the machine's tags and note"));
        QVERIFY2(result.error.details.contains(QStringLiteral("“my tag”")), qPrintable(result.error.details));

        // A rule-abiding tag goes to the node and comes back from it as written.
        const QStringList tags{QStringLiteral("my-tag"), QStringLiteral("web")};
        const MachineRequestResult written = storage.setTags(QStringLiteral("web-01"), tags);
        QVERIFY2(written.error.isEmpty(), qPrintable(written.error.text()));
        QTRY_COMPARE_WITH_TIMEOUT(storage.tagsOf(QStringLiteral("web-01")), tags, timeoutMs);
    }

private:
    /// A fleet of one node, tests/data/shared-storage-node.xml, in a driver instance of its own.
    class StorageNode
    {
    public:
        static constexpr quint64 mib = 1024 * 1024;

        StorageNode()
        {
            m_fleet.addNode(NodeEntry{.id = QStringLiteral("storage"),
                .name = QStringLiteral("Storage"),
                .uri = QStringLiteral("test://") + QFINDTESTDATA("../data/shared-storage-node.xml")});
        }

        static QString path(const char *volume)
        {
            return QStringLiteral("/var/lib/libvirt/images/") + QLatin1StringView(volume);
        }

        /// Waits for the first inventory and the pool.
        [[nodiscard]] bool ready() const
        {
            return QTest::qWaitFor(
                [this] { return node().hasInventory && !node().pools.isEmpty() && has(QStringLiteral("web-01")); },
                timeoutMs);
        }

        [[nodiscard]] bool has(const QString &name) const { return !uuidOf(name).isEmpty(); }
        [[nodiscard]] quint64 allocation() const { return node().pools.constFirst().allocationBytes; }

        /// Deletes @p name with the disks @p volumes confirmed, and waits for the result.
        MachineRequestResult deleteMachine(const QString &name, const QStringList &volumes)
        {
            return send(MachineRequest{.kind = Kind::Delete, .uuid = uuidOf(name), .volumes = volumes});
        }

        MachineRequestResult setTags(const QString &name, const QStringList &tags)
        {
            return send(MachineRequest{.kind = Kind::SetMetadata, .uuid = uuidOf(name), .metadata = {.tags = tags}});
        }

        [[nodiscard]] QStringList tagsOf(const QString &name) const
        {
            return node().machines.machines().value(uuidOf(name)).metadata.tags;
        }

        /// Sends @p request and waits for its result.
        MachineRequestResult send(const MachineRequest &request)
        {
            QSignalSpy finished(&m_fleet, &Fleet::requestFinished);
            const quint64 id = m_fleet.request(QStringLiteral("storage"), request);
            const auto result = [&]() -> std::optional<MachineRequestResult> {
                for (const QList<QVariant> &arguments : std::as_const(finished)) {
                    if (const auto result = arguments.at(1).value<MachineRequestResult>(); result.requestId == id) {
                        return result;
                    }
                }
                return std::nullopt;
            };
            if (id == 0 || !QTest::qWaitFor([&] { return result().has_value(); }, timeoutMs)) {
                return MachineRequestResult{.error = Error{.message = QStringLiteral("no result")}};
            }
            return *result();
        }

    private:
        [[nodiscard]] const Fleet::Node &node() const { return m_fleet.nodes().constFirst(); }

        [[nodiscard]] QString uuidOf(const QString &name) const
        {
            for (const Machine &machine : node().machines.machines()) {
                if (machine.name == name) {
                    return machine.uuid;
                }
            }
            return {};
        }

        Fleet m_fleet;
    };
};

QTEST_GUILESS_MAIN(MachineRequestsTest)
#include "tst_machinerequests.moc"
