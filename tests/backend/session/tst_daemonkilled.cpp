// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "model/domainxml.h"
#include "nodefile.h"

#include <QMap>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <libvirt/virterror.h>

using namespace Flotilla;
using Testing::NodeFile::MachineSpec;

// A node's libvirtd killed (SIGKILL, by its PID) in the middle of Flotilla's
// work: its first inventory of 1,000 machines, a bulk action on 50 machines,
// a resync. While it is down the node's machines change (the test rewrites
// the node's file, as a real node's machines go on while its daemon
// restarts). Once it is back, Flotilla's picture must be the node's exactly:
// every machine, its state and its tags, as a fresh connection of bare
// libvirt calls reads them.
class DaemonKilledTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = 60000;

    /// One line per machine: uuid → "name state [tags]".
    using Picture = QMap<QString, QString>;

    static QString line(const QString &name, MachineState state, const QStringList &tags)
    {
        return QStringLiteral("%1 state %2 [%3]").arg(name).arg(int(state)).arg(tags.join(QLatin1Char('|')));
    }

    static Picture pictureOf(const Fleet &fleet)
    {
        Picture picture;
        for (const Machine &machine : fleet.nodes().constFirst().machines.machines()) {
            picture.insert(machine.uuid, line(machine.name, machine.state, machine.metadata.tags));
        }
        return picture;
    }

    static Picture pictureOf(const QList<MachineSpec> &machines)
    {
        Picture picture;
        for (const MachineSpec &machine : machines) {
            picture.insert(machine.uuid, line(machine.name, machine.state, machine.tags));
        }
        return picture;
    }

    /// What a fresh connection to @p uri reads with bare libvirt calls.
    static Result<Picture> pictureOfNode(const QString &uri)
    {
        const Libvirt::Connection connection(virConnectOpen(uri.toUtf8().constData()));
        if (!connection) {
            return Libvirt::lastError(QStringLiteral("cannot open %1").arg(uri));
        }
        virDomainPtr *domains = nullptr;
        const int count = virConnectListAllDomains(connection.get(), &domains, 0);
        if (count < 0) {
            return Libvirt::lastError(QStringLiteral("cannot list the machines"));
        }
        std::vector<Libvirt::Domain> owned(domains, domains + count);
        free(domains);
        Picture picture;
        for (const Libvirt::Domain &domain : owned) {
            char uuid[VIR_UUID_STRING_BUFLEN] = {};
            int state = 0;
            int reason = 0;
            if (virDomainGetUUIDString(domain.get(), uuid) < 0
                || virDomainGetState(domain.get(), &state, &reason, 0) < 0) {
                return Libvirt::lastError(QStringLiteral("cannot read a machine"));
            }
            QStringList tags;
            if (char *metadata
                = virDomainGetMetadata(domain.get(), VIR_DOMAIN_METADATA_ELEMENT, DomainXml::metadataNamespace, 0)) {
                const Result<MachineMetadata> parsed = DomainXml::parseMetadataElement(QByteArrayView(metadata));
                free(metadata);
                if (!parsed) {
                    return parsed.error();
                }
                tags = parsed.value().tags;
            } else {
                virResetLastError(); // no metadata: no tags
            }
            picture.insert(QString::fromLatin1(uuid),
                line(QString::fromUtf8(virDomainGetName(domain.get())), MachineState(state), tags));
        }
        return picture;
    }

    /// Where @p shown and @p node differ, the first few; empty if they do not.
    static QString differences(const Picture &shown, const Picture &node)
    {
        QStringList lines;
        int count = 0;
        const auto note = [&](const QString &text) {
            if (++count <= 10) {
                lines.append(text);
            }
        };
        for (auto it = node.cbegin(); it != node.cend(); ++it) {
            if (!shown.contains(it.key())) {
                note(QStringLiteral("missing: %1").arg(it.value()));
            } else if (shown.value(it.key()) != it.value()) {
                note(QStringLiteral("shown %1, the node has %2").arg(shown.value(it.key()), it.value()));
            }
        }
        for (auto it = shown.cbegin(); it != shown.cend(); ++it) {
            if (!node.contains(it.key())) {
                note(QStringLiteral("not on the node: %1").arg(it.value()));
            }
        }
        if (count == 0) {
            return {};
        }
        lines.prepend(QStringLiteral("%1 differences (%2 machines shown, %3 on the node):")
                .arg(count)
                .arg(shown.size())
                .arg(node.size()));
        return lines.join(QLatin1Char('\n'));
    }

    /// @p machines as they are after the daemon's restart: some paused, some
    /// stopped, some started, some tags changed, five gone and three new.
    static QList<MachineSpec> changedWhileDown(QList<MachineSpec> machines)
    {
        for (qsizetype index = 0; index < machines.size(); ++index) {
            MachineSpec &machine = machines[index];
            if (index % 97 == 3) {
                machine.state = MachineState::Paused;
            } else if (index % 89 == 5) {
                machine.state = MachineState::Off;
            } else if (index % 83 == 8) {
                machine.state = MachineState::Running;
            }
            if (index % 50 == 1) {
                machine.tags = {QStringLiteral("moved"), QStringLiteral("rack-9")};
            }
        }
        const int count = int(machines.size());
        machines.remove(count - 5, 5);
        for (int index = count; index < count + 3; ++index) {
            machines.append(Testing::NodeFile::sampleMachine(index));
        }
        return machines;
    }

    static NodeState nodeState(const Fleet &fleet) { return fleet.nodes().constFirst().status.state; }

    /// Writes @p machines into the node's file, starts the daemon again, and
    /// waits until the fleet shows what a fresh connection reads.
    [[nodiscard]] static bool comesBackAsTheNode(
        Fleet &fleet, Testing::LibvirtDaemon &daemon, const QString &path, const QList<MachineSpec> &machines)
    {
        [&] {
            const Result<bool> written = Testing::NodeFile::write(path, machines);
            QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().text()));
            const Result<bool> started = daemon.start();
            QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().text()));
            const Result<Picture> node = pictureOfNode(daemon.uri(path));
            QVERIFY2(node.ok(), qPrintable(node.ok() ? QString() : node.error().text()));
            QVERIFY2(differences(node.value(), pictureOf(machines)).isEmpty(),
                "a fresh connection does not read the file the test wrote");
            QTRY_COMPARE_WITH_TIMEOUT(nodeState(fleet), NodeState::Connected, timeoutMs);
            QTRY_VERIFY2_WITH_TIMEOUT(differences(pictureOf(fleet), node.value()).isEmpty(),
                qPrintable(differences(pictureOf(fleet), node.value())), timeoutMs);
        }();
        return !QTest::currentTestFailed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
    }

    void killedDuringTheFirstInventory()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("node.xml"));
        const QList<MachineSpec> machines = Testing::NodeFile::sample(1000);
        QVERIFY(Testing::NodeFile::write(path, machines).ok());
        Testing::LibvirtDaemon daemon;
        QVERIFY(daemon.start().ok());

        Fleet fleet;
        fleet.setResyncInterval(std::chrono::hours(1));
        fleet.addNode(NodeEntry{.id = QStringLiteral("big"), .name = QStringLiteral("Big"), .uri = daemon.uri(path)});
        // Connected: the session has its connection and is reading the inventory.
        QTRY_COMPARE_WITH_TIMEOUT(nodeState(fleet), NodeState::Connected, timeoutMs);
        daemon.kill();
        QTRY_COMPARE_WITH_TIMEOUT(nodeState(fleet), NodeState::Reconnecting, timeoutMs);
        // Whatever the session published came before it noticed the loss.
        QVERIFY2(!fleet.nodes().constFirst().hasInventory, "the inventory was read before the kill");
        QVERIFY(comesBackAsTheNode(fleet, daemon, path, changedWhileDown(machines)));
        QVERIFY(fleet.nodes().constFirst().hasInventory);
    }

    void killedDuringABulkActionOn50Machines()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("node.xml"));
        QList<MachineSpec> machines = Testing::NodeFile::sample(200);
        QVERIFY(Testing::NodeFile::write(path, machines).ok());
        Testing::LibvirtDaemon daemon;
        QVERIFY(daemon.start().ok());
        Fleet fleet;
        fleet.setResyncInterval(std::chrono::hours(1));
        fleet.addNode(NodeEntry{.id = QStringLiteral("busy"), .name = QStringLiteral("Busy"), .uri = daemon.uri(path)});
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().constFirst().hasInventory, timeoutMs);
        QVERIFY(differences(pictureOf(fleet), pictureOf(machines)).isEmpty());

        // Pause 25 running machines and retag 25 others, as a person's
        // selection of 50 would; each change is what the node keeps.
        QSignalSpy finished(&fleet, &Fleet::requestFinished);
        QList<MachineRequest> requests;
        for (MachineSpec &machine : machines) {
            if (requests.size() < 25 && machine.state == MachineState::Running) {
                machine.state = MachineState::Paused;
                requests.append(MachineRequest{.kind = MachineRequest::Kind::Pause, .uuid = machine.uuid});
            } else if (requests.size() >= 25 && requests.size() < 50) {
                machine.tags = {QStringLiteral("bulk"), QStringLiteral("edited")};
                requests.append(MachineRequest{.kind = MachineRequest::Kind::SetMetadata,
                    .uuid = machine.uuid,
                    .metadata = MachineMetadata{.tags = machine.tags}});
            }
        }
        QCOMPARE(requests.size(), 50);
        for (const MachineRequest &request : std::as_const(requests)) {
            QVERIFY(fleet.request(QStringLiteral("busy"), request) > 0);
        }
        // The first results are in: the daemon dies in the middle of the rest.
        QVERIFY(finished.wait(timeoutMs));
        daemon.kill();
        QTRY_COMPARE_WITH_TIMEOUT(nodeState(fleet), NodeState::Reconnecting, timeoutMs);
        // Every request ends with a result, carried out or not.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 50, timeoutMs);
        const auto failed = std::ranges::count_if(finished, [](const QList<QVariant> &arguments) {
            return !arguments.at(1).value<MachineRequestResult>().error.isEmpty();
        });
        QVERIFY2(failed > 0, "every request was done before the kill");
        QVERIFY2(failed < 50, "no request was done before the kill");

        QVERIFY(comesBackAsTheNode(fleet, daemon, path, machines));
    }

    void killedDuringAResync()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("node.xml"));
        const QList<MachineSpec> machines = Testing::NodeFile::sample(1000);
        QVERIFY(Testing::NodeFile::write(path, machines).ok());
        Testing::LibvirtDaemon daemon;
        QVERIFY(daemon.start().ok());
        Fleet fleet;
        // Re-read whole without a pause: the session is (nearly) always inside a resync.
        fleet.setResyncInterval(std::chrono::milliseconds(1));
        fleet.addNode(NodeEntry{.id = QStringLiteral("big"), .name = QStringLiteral("Big"), .uri = daemon.uri(path)});
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().constFirst().hasInventory, timeoutMs);
        QVERIFY(differences(pictureOf(fleet), pictureOf(machines)).isEmpty());
        // A resync has ended (each one tells the node's facts); the next one has begun.
        QSignalSpy nodeChanged(&fleet, &Fleet::nodeChanged);
        QVERIFY(nodeChanged.wait(timeoutMs));
        daemon.kill();
        QTRY_COMPARE_WITH_TIMEOUT(nodeState(fleet), NodeState::Reconnecting, timeoutMs);
        QVERIFY(comesBackAsTheNode(fleet, daemon, path, changedWhileDown(machines)));
    }
};

QTEST_GUILESS_MAIN(DaemonKilledTest)
#include "tst_daemonkilled.moc"
