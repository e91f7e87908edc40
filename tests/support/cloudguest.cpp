// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "cloudguest.h"

#include "provisioning/cloudinit.h"
#include "provisioning/machinedefinition.h"

#include <QProcess>
#include <QTest>
#include <QUuid>

namespace Flotilla::Testing::CloudGuest
{

const QString key
    = QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINgMXrSBvNlvtFE4uzOkpQ/g3NEeXaEwck6SH4CZZA4+ alice@laptop");

int litSamples(const QImage &frame)
{
    int count = 0;
    for (int y = 0; y < frame.height(); y += 4) {
        for (int x = 0; x < frame.width(); x += 2) {
            count += qGray(frame.pixel(x, y)) > 64 ? 1 : 0;
        }
    }
    return count;
}

QString consoleUntil(Fleet &fleet, const QString &nodeId, const QString &uuid, const QStringList &expected,
    int timeoutMs, const QByteArray &typed, const std::function<void()> &whenOpen)
{
    QString shown;
    QString problem;
    const quint64 console = fleet.openConsole(nodeId, uuid);
    QObject context;
    QObject::connect(&fleet, &Fleet::consoleOutput, &context, [&](quint64 id, const QByteArray &bytes) {
        if (id == console) {
            shown += QString::fromUtf8(bytes);
        }
    });
    QObject::connect(&fleet, &Fleet::consoleOpened, &context, [&](quint64 id, const Error &error) {
        if (id != console) {
            return;
        }
        if (!error.isEmpty()) {
            problem = QStringLiteral("not opened: ") + error.text();
            return;
        }
        if (!typed.isEmpty()) {
            fleet.sendToConsole(console, typed);
        }
        if (whenOpen) {
            whenOpen();
        }
    });
    QObject::connect(&fleet, &Fleet::consoleEnded, &context, [&](quint64 id, const Error &why) {
        if (id == console) {
            problem = QStringLiteral("ended: ") + why.text();
        }
    });
    (void)QTest::qWaitFor(
        [&] {
            return !problem.isEmpty()
                || std::ranges::all_of(expected, [&](const QString &line) { return shown.contains(line); });
        },
        timeoutMs);
    fleet.closeConsole(console);
    return problem.isEmpty() ? shown : shown + QStringLiteral("\n[console ") + problem + u']';
}

Result<bool> make(const QString &script, const QString &folder)
{
    QProcess make;
    make.setProcessChannelMode(QProcess::MergedChannels);
    make.start(script, {folder});
    if (!make.waitForFinished(120000) || make.exitCode() != 0) {
        return Error{
            .message = QStringLiteral("make-cloud-guest failed"), .details = QString::fromLocal8Bit(make.readAll())};
    }
    return true;
}

MachineOrder order(const QString &name, const QString &pool, const QString &image, const QString &dataVolume)
{
    constexpr quint64 MiB = 1ULL << 20;
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString mac = MachineDefinition::randomMac();
    const MachineSetup setup{.hostname = name, .sshKeys = {key}};
    return MachineOrder{.machine = {.name = name,
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
        .rootBytes = 64 * MiB,
        .dataBytes = dataVolume.isEmpty() ? 16 * MiB : 0,
        .dataVolume = dataVolume,
        .seed = CloudInit::seed(setup, QStringLiteral("iid-") + uuid, mac).value(),
        .emulated = true};
}

} // namespace Flotilla::Testing::CloudGuest
