// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisionbench.h"

#include "eventloopwatch.h"
#include "libvirt/libvirthandles.h"
#include "provisioning/cloudinit.h"
#include "provisioning/nodevolumes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace Flotilla::Bench
{

namespace
{
constexpr quint64 MiB = 1ULL << 20;
constexpr qsizetype plansAtOnce = 2; ///< per node, as the wizard runs them
const QString pool = QStringLiteral("default-pool"); ///< the test driver's own, in each daemon's shared node
const QString image = QStringLiteral("bench-base.qcow2");

MachineOrder orderFor(int index)
{
    const QString name = QStringLiteral("bench-new-%1").arg(index, 4, 10, QLatin1Char('0'));
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString mac = MachineDefinition::randomMac();
    const MachineSetup setup{.hostname = name,
        .sshKeys = {QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINgMXrSBvNlvtFE4uzOkpQ/g3NEeXaEwck6SH4CZZA4+ "
                                   "bench@flotilla")},
        .packages = {QStringLiteral("nginx")}};
    const Result<CloudInit::Seed> seed = CloudInit::seed(setup, QStringLiteral("iid-") + uuid, mac);
    return MachineOrder{.machine = {.name = name,
                            .uuid = uuid,
                            .vcpus = 1,
                            .maxVcpus = 2,
                            .memoryBytes = 512 * MiB,
                            .maxMemoryBytes = 1024 * MiB,
                            .mac = mac,
                            .metadata = {.image = image}},
        .pool = pool,
        .image = image,
        .imageFormat = QStringLiteral("qcow2"),
        .rootBytes = 2048 * MiB,
        .dataBytes = 1024 * MiB,
        .seed = seed ? seed.value() : CloudInit::Seed{}};
}

double percentile(QList<double> values, double fraction)
{
    if (values.isEmpty()) {
        return NAN;
    }
    std::ranges::sort(values);
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(fraction * double(values.size()))));
}

} // namespace

bool makeBaseImages(const BenchNodes &nodes, const QString &name, std::vector<Libvirt::Connection> &held)
{
    // These connections also keep each daemon's shared node as it is (the
    // test driver forgets it when the last connection to it closes).
    for (int i = 0; i < nodes.nodes(); ++i) {
        held.emplace_back(virConnectOpen(nodes.uri(i).toUtf8().constData()));
        if (!held.back()
            || !NodeVolumes::createEmpty(held.back().get(), pool, name, 2048 * MiB, QStringLiteral("qcow2"))) {
            std::fprintf(stderr, "flotilla-bench: could not make the base image on node %d\n", i);
            return false;
        }
    }
    return true;
}

int measureProvisioning(Fleet &fleet, const BenchNodes &nodes, int machines)
{
    if (!nodes.shared()) {
        std::fprintf(stderr, "flotilla-bench: --provision needs a daemon per node (the default)\n");
        return 1;
    }
    std::vector<Libvirt::Connection> held;
    if (!makeBaseImages(nodes, image, held)) {
        return 1;
    }
    QList<double> took;
    int failed = 0;
    int next = 0;
    std::vector<qsizetype> running(size_t(nodes.nodes()), 0);
    QHash<quint64, std::pair<int, QElapsedTimer>> jobs; // by job id: the node, the clock
    const auto launch = [&](int node) {
        while (next < machines && running[size_t(node)] < plansAtOnce) {
            QElapsedTimer clock;
            clock.start();
            const quint64 id = fleet.provision(QStringLiteral("node-%1").arg(node), {.order = orderFor(next++)});
            jobs.insert(id, {node, clock});
            ++running[size_t(node)];
        }
    };
    QObject::connect(
        &fleet, &Fleet::provisioningFinished, &fleet, [&](const QString &, const ProvisioningResult &result) {
            const auto job = jobs.constFind(result.jobId);
            if (job == jobs.cend()) {
                return;
            }
            const auto [node, clock] = *job;
            jobs.erase(job);
            --running[size_t(node)];
            if (result.outcome.completed) {
                took.append(double(clock.nsecsElapsed()) / 1e6);
            } else {
                ++failed;
                std::fprintf(
                    stderr, "flotilla-bench: a machine failed: %s\n", qPrintable(result.outcome.failure.text()));
            }
            launch(node);
        });
    Testing::EventLoopWatch watch;
    watch.start();
    QElapsedTimer wall;
    wall.start();
    // Round robin: each node gets its first two plans before any gets a third.
    for (int node = 0; node < nodes.nodes(); ++node) {
        launch(node);
    }
    while (took.size() + failed < machines) {
        if (wall.elapsed() > 600000) {
            std::fprintf(stderr, "flotilla-bench: the machines were not made within 600 s\n");
            return 1;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    watch.stop();
    const auto print = [](const char *name, double value) {
        std::printf("%s: %.1f\n", name, value);
        std::fflush(stdout);
    };
    print("provision_machines", double(took.size()));
    print("provision_failed", double(failed));
    print("provision_ms_p50", percentile(took, 0.5));
    print("provision_ms_p99", percentile(took, 0.99));
    print("provision_all_s", double(wall.elapsed()) / 1000.0);
    print("ui_stall_ms_max", double(watch.longestStallMs()));
    return failed == 0 ? 0 : 1;
}

} // namespace Flotilla::Bench
