// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "qemucompare.h"

#include "fleet/fleet.h"
#include "fleetjobs.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "provisioning/cloudinit.h"
#include "provisioning/nodevolumes.h"
#include "qemunode.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <cstdio>

#include <libvirt/virterror.h>

namespace Flotilla::Bench
{

namespace
{
constexpr quint64 MiB = 1ULL << 20;
constexpr quint64 imageBytes = 2048 * MiB;
constexpr int bootMs = 300000; ///< emulated, on a busy 2-core machine
const QString pool = QStringLiteral("flotilla-bench");
const QString nodeId = QStringLiteral("qemu");
const QString guestInit = QStringLiteral("flotilla-guest: booted from its own disk");
const QString key
    = QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINgMXrSBvNlvtFE4uzOkpQ/g3NEeXaEwck6SH4CZZA4+ bench@flotilla");

void print(const char *name, double value)
{
    std::printf("%s: %.2f\n", name, value);
    std::fflush(stdout);
}

double median(QList<double> values)
{
    std::ranges::sort(values);
    return values.isEmpty() ? NAN : values.at(values.size() / 2);
}

Error problem(const QString &text)
{
    return Error{.message = text};
}

/// The e2e test's bootable disk grown to 2 GiB, with 24 blocks of 16 MiB of
/// random data spread after it and holes between them: a cloud image's shape.
Result<QString> makeImage(const QString &folder)
{
    QProcess make;
    make.setProcessChannelMode(QProcess::MergedChannels);
    make.start(QStringLiteral(FLOTILLA_SOURCE_DIR "/tests/e2e/make-cloud-guest"), {folder});
    if (!make.waitForFinished(300000) || make.exitCode() != 0) {
        return problem(QStringLiteral("make-cloud-guest failed: ") + QString::fromUtf8(make.readAll()));
    }
    const QString path = folder + QStringLiteral("/disk.img");
    QFile image(path);
    if (!image.open(QIODevice::ReadWrite)) {
        return problem(image.errorString());
    }
    QByteArray block(qsizetype(16 * MiB), Qt::Uninitialized);
    for (int i = 0; i < 24; ++i) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        if (!image.seek(qint64((128 + 64 * i) * MiB)) || image.write(block) != block.size()) {
            return problem(image.errorString());
        }
    }
    if (!image.resize(qint64(imageBytes))) {
        return problem(image.errorString());
    }
    return path;
}

Result<bool> run(const QString &program, const QStringList &arguments, int timeoutMs = 600000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    // Waits with the event loop running: the fleet's consoles and sessions go on.
    const bool ended = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!ended || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return problem(program + QLatin1Char(' ') + arguments.join(QLatin1Char(' ')) + QStringLiteral(" failed: ")
            + QString::fromUtf8(process.readAll()));
    }
    return true;
}

/// A new machine's identity and its seed, the same for both tools.
struct NewGuest {
    QString uuid;
    QString mac;
    CloudInit::Seed seed;
};

Result<NewGuest> newGuest(const QString &name)
{
    NewGuest guest{.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces), .mac = MachineDefinition::randomMac()};
    const Result<CloudInit::Seed> seed
        = CloudInit::seed({.hostname = name, .sshKeys = {key}}, QStringLiteral("iid-") + guest.uuid, guest.mac);
    if (!seed) {
        return seed.error();
    }
    guest.seed = seed.value();
    return guest;
}

/// When a machine's console showed its first line, and the guest init's
/// first line, in seconds from @p clock's start.
struct ConsoleTimes {
    double firstLine = NAN;
    double guestInit = NAN;
};

class QemuCompare
{
public:
    Result<bool> start()
    {
        if (Result<bool> started = m_daemon.start(); !started) {
            return started;
        }
        Libvirt::initialize();
        m_connection.reset(virConnectOpen(uri().toUtf8().constData()));
        if (!m_connection) {
            return Libvirt::lastError(QStringLiteral("open"));
        }
        if (Result<bool> made = Testing::QemuNode::makeFolderPool(m_connection.get(), pool, m_pool.path()); !made) {
            return made;
        }
        m_fleet.addNode(NodeEntry{.id = nodeId, .name = QStringLiteral("QEMU"), .uri = uri()});
        if (!QTest::qWaitFor([this] { return m_fleet.nodes().first().hasInventory; }, 60000)) {
            return problem(QStringLiteral("the node was not read within 60 s"));
        }
        return true;
    }

    [[nodiscard]] QString uri() const { return m_daemon.qemuUri(); }
    [[nodiscard]] QString work() const { return m_work.path(); }

    Result<double> flotillaUpload(const QString &name, const QString &path)
    {
        QElapsedTimer clock;
        clock.start();
        const ProvisioningResult uploaded = Testing::provisionAndWait(m_fleet, nodeId,
            {.kind = ProvisioningRequest::Kind::ImageFromFile, .pool = pool, .name = name, .path = path}, 600000);
        if (!uploaded.outcome.completed) {
            return uploaded.outcome.failure;
        }
        return double(clock.elapsed()) / 1000.0;
    }

    Result<double> virshUpload(const QString &name, const QString &path)
    {
        const QString virsh = QStringLiteral("virsh");
        QElapsedTimer clock;
        clock.start();
        Result<bool> done = run(virsh,
            {QStringLiteral("-c"), uri(), QStringLiteral("vol-create-as"), pool, name,
                QString::number(imageBytes / MiB) + QLatin1Char('M'), QStringLiteral("--format"),
                QStringLiteral("raw")});
        if (done) {
            done = run(virsh,
                {QStringLiteral("-c"), uri(), QStringLiteral("vol-upload"), QStringLiteral("--sparse"),
                    QStringLiteral("--pool"), pool, name, path});
        }
        if (!done) {
            return done.error();
        }
        return double(clock.elapsed()) / 1000.0;
    }

    [[nodiscard]] QString pathOf(const QString &volume) const
    {
        return NodeVolumes::pathOf(m_connection.get(), pool, volume);
    }

    Result<ConsoleTimes> flotillaCreate(const QString &name, const QString &image)
    {
        const Result<NewGuest> guest = newGuest(name);
        if (!guest) {
            return guest.error();
        }
        const auto &[uuid, mac, seed] = guest.value();
        const MachineOrder order{.machine = {.name = name,
                                     .uuid = uuid,
                                     .vcpus = 1,
                                     .maxVcpus = 1,
                                     .memoryBytes = 256 * MiB,
                                     .maxMemoryBytes = 256 * MiB,
                                     .mac = mac,
                                     .metadata = {.image = image}},
            .pool = pool,
            .image = image,
            .imageFormat = QStringLiteral("raw"),
            .rootBytes = imageBytes,
            .dataBytes = 64 * MiB,
            .seed = seed,
            .emulated = true};
        QElapsedTimer clock;
        clock.start();
        const ProvisioningResult made = Testing::provisionAndWait(m_fleet, nodeId, {.order = order}, 600000);
        if (!made.outcome.completed) {
            return made.outcome.failure;
        }
        return consoleTimes(uuid, clock);
    }

    Result<ConsoleTimes> virtInstallCreate(const QString &name, const QString &imagePath)
    {
        const Result<NewGuest> guest = newGuest(name);
        if (!guest) {
            return guest.error();
        }
        const auto &[uuid, mac, seed] = guest.value();
        const QString documents = m_work.filePath(name);
        QDir().mkpath(documents);
        const auto write = [&documents](const QString &file, const QByteArray &bytes) {
            QFile out(documents + QLatin1Char('/') + file);
            return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size();
        };
        if (!write(QStringLiteral("user-data"), seed.userData) || !write(QStringLiteral("meta-data"), seed.metaData)
            || !write(QStringLiteral("network-config"), seed.networkConfig)) {
            return problem(QStringLiteral("cannot write the cloud-init documents in ") + documents);
        }
        QElapsedTimer clock;
        clock.start();
        // The same machine as Flotilla's: q35, emulated, a linked clone of
        // the same image, a data disk, user networking, VNC on localhost.
        // virt-install writes its seed into /var/lib/libvirt/boot itself
        // (the node is on this computer), for the daemon to read there; the
        // daemon's is a folder of its own, so it runs where that folder is
        // mounted there (in a mount namespace of its own: a few milliseconds).
        const Result<bool> installed = run(QStringLiteral("unshare"),
            {QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("unchanged"),
                QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("mkdir -p /var/lib/libvirt/boot && mount --bind \"$0\" /var/lib/libvirt/boot && "
                               "exec virt-install \"$@\""),
                m_daemon.bootFolder(), QStringLiteral("--connect"), uri(), QStringLiteral("--name"), name,
                QStringLiteral("--uuid"), uuid, QStringLiteral("--memory"), QStringLiteral("256"),
                QStringLiteral("--vcpus"), QStringLiteral("1"), QStringLiteral("--virt-type"), QStringLiteral("qemu"),
                QStringLiteral("--machine"), QStringLiteral("q35"), QStringLiteral("--osinfo"),
                QStringLiteral("detect=off,require=off"), QStringLiteral("--import"), QStringLiteral("--disk"),
                QStringLiteral("pool=%1,size=%2,backing_store=%3,backing_format=raw,format=qcow2,bus=virtio")
                    .arg(pool)
                    .arg(imageBytes / MiB / 1024)
                    .arg(imagePath),
                QStringLiteral("--disk"), QStringLiteral("pool=%1,size=0.0625,format=qcow2,bus=virtio").arg(pool),
                QStringLiteral("--cloud-init"),
                QStringLiteral("user-data=%1/user-data,meta-data=%1/meta-data,network-config=%1/network-config")
                    .arg(documents),
                QStringLiteral("--network"), QStringLiteral("user,model=virtio,mac=") + mac,
                QStringLiteral("--graphics"), QStringLiteral("vnc,listen=127.0.0.1"),
                QStringLiteral("--noautoconsole")});
        if (!installed) {
            return installed.error();
        }
        return consoleTimes(uuid, clock);
    }

    /// Stops and removes the machine and every volume in the pool but @p keep.
    void clearAway(const QString &name, const QStringList &keep)
    {
        const Libvirt::Domain domain(virDomainLookupByName(m_connection.get(), name.toUtf8().constData()));
        if (domain) {
            virDomainDestroy(domain.get());
            virDomainUndefineFlags(domain.get(), VIR_DOMAIN_UNDEFINE_NVRAM);
        }
        const Libvirt::Pool storage(virStoragePoolLookupByName(m_connection.get(), pool.toUtf8().constData()));
        virStoragePoolRefresh(storage.get(), 0);
        virStorageVolPtr *volumes = nullptr;
        const int count = virStoragePoolListAllVolumes(storage.get(), &volumes, 0);
        for (const Libvirt::Volume &volume : Libvirt::adoptList<Libvirt::Volume>(volumes, count)) {
            if (!keep.contains(QString::fromUtf8(virStorageVolGetName(volume.get())))) {
                virStorageVolDelete(volume.get(), 0);
            }
        }
        virResetLastError();
    }

private:
    /// Opens the machine's console through the fleet, as the wizard's last
    /// step does, and waits for the guest's init to speak.
    Result<ConsoleTimes> consoleTimes(const QString &uuid, const QElapsedTimer &clock)
    {
        ConsoleTimes times;
        QString shown;
        QString ended;
        const quint64 console = m_fleet.openConsole(nodeId, uuid);
        QObject context;
        QObject::connect(&m_fleet, &Fleet::consoleOutput, &context, [&](quint64 id, const QByteArray &bytes) {
            if (id != console) {
                return;
            }
            shown += QString::fromUtf8(bytes);
            const double now = double(clock.elapsed()) / 1000.0;
            // A whole line with something on it (the console may open on blank ones).
            if (std::isnan(times.firstLine) && !shown.left(shown.lastIndexOf(QLatin1Char('\n'))).trimmed().isEmpty()) {
                times.firstLine = now;
            }
            if (std::isnan(times.guestInit) && shown.contains(guestInit)) {
                times.guestInit = now;
            }
        });
        const auto end = [&](quint64 id, const Error &why) {
            if (id == console && !why.isEmpty()) {
                ended = why.text();
            }
        };
        QObject::connect(&m_fleet, &Fleet::consoleOpened, &context, end);
        QObject::connect(&m_fleet, &Fleet::consoleEnded, &context, end);
        (void)QTest::qWaitFor([&] { return !ended.isEmpty() || !std::isnan(times.guestInit); }, bootMs);
        m_fleet.closeConsole(console);
        if (std::isnan(times.guestInit)) {
            return problem(QStringLiteral("the guest's init never spoke (%1): %2").arg(ended, shown.right(1000)));
        }
        return times;
    }

    Testing::LibvirtDaemon m_daemon{Testing::LibvirtDaemon::Driver::Qemu};
    QTemporaryDir m_work;
    QTemporaryDir m_pool;
    Libvirt::Connection m_connection;
    Fleet m_fleet;
};

int fail(const Error &error)
{
    std::fprintf(stderr, "flotilla-bench: %s\n", qPrintable(error.text()));
    return 1;
}

} // namespace

int compareOnQemu(int rounds)
{
    QemuCompare node;
    if (Result<bool> started = node.start(); !started) {
        return fail(started.error());
    }
    const Result<QString> image = makeImage(node.work());
    if (!image) {
        return fail(image.error());
    }
    const double mib = double(imageBytes / MiB);
    const QString base = QStringLiteral("bench-image.raw");
    QList<double> flotilla;
    QList<double> virsh;
    (void)node.flotillaUpload(QStringLiteral("warm-up.raw"), image.value()); // the file in the page cache
    for (int round = 0; round < rounds; ++round) {
        const Result<double> ours = node.flotillaUpload(base, image.value());
        if (!ours) {
            return fail(ours.error());
        }
        flotilla.append(mib / ours.value());
        const Result<double> theirs = node.virshUpload(QStringLiteral("virsh.raw"), image.value());
        if (!theirs) {
            return fail(theirs.error());
        }
        virsh.append(mib / theirs.value());
        node.clearAway({}, round + 1 < rounds ? QStringList{} : QStringList{base});
    }
    print("upload_mib_s", median(flotilla));
    print("virsh_upload_mib_s", median(virsh));
    print("upload_percent_of_virsh", median(flotilla) / median(virsh) * 100.0);

    QList<double> oursFirst;
    QList<double> oursInit;
    QList<double> theirsFirst;
    QList<double> theirsInit;
    const QString imagePath = node.pathOf(base);
    for (int round = 0; round < rounds; ++round) {
        const Result<ConsoleTimes> ours = node.flotillaCreate(QStringLiteral("bench-flotilla"), base);
        node.clearAway(QStringLiteral("bench-flotilla"), {base});
        if (!ours) {
            return fail(ours.error());
        }
        oursFirst.append(ours.value().firstLine);
        oursInit.append(ours.value().guestInit);
        const Result<ConsoleTimes> theirs = node.virtInstallCreate(QStringLiteral("bench-virt-install"), imagePath);
        node.clearAway(QStringLiteral("bench-virt-install"), {base});
        if (!theirs) {
            return fail(theirs.error());
        }
        theirsFirst.append(theirs.value().firstLine);
        theirsInit.append(theirs.value().guestInit);
    }
    print("create_to_console_s", median(oursFirst));
    print("virt_install_to_console_s", median(theirsFirst));
    print("create_to_guest_init_s", median(oursInit));
    print("virt_install_to_guest_init_s", median(theirsInit));
    return 0;
}

} // namespace Flotilla::Bench
