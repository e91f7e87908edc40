// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloadbench.h"

#include "eventloopwatch.h"
#include "provisionbench.h"
#include "workloads/fleetworkloads.h"
#include "workloads/workloadchange.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

namespace Flotilla::Bench
{

namespace
{
const QString image = QStringLiteral("bench-workload-base.qcow2");

void print(const char *name, double value)
{
    std::printf("%s: %.1f\n", name, value);
    std::fflush(stdout);
}

/// Waits for events until @p done, for at most ten minutes.
bool waitFor(const std::function<bool()> &done)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > 600000) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    }
    return true;
}

/// Runs @p change to its end and says how long it took, in seconds; negative when it failed.
double timed(std::unique_ptr<WorkloadChange> change)
{
    QElapsedTimer clock;
    clock.start();
    change->start();
    if (!waitFor([&] { return change->isFinished(); }) || !change->succeeded()) {
        std::fprintf(stderr, "flotilla-bench: %s\n", qPrintable(change->summary()));
        return -1;
    }
    return double(clock.elapsed()) / 1000.0;
}

/// The workload of @p id as the fleet shows it, once it has @p replicas.
std::optional<Workload> seen(const Fleet &fleet, const QString &id, int replicas)
{
    std::optional<Workload> found;
    waitFor([&] {
        for (const Workload &workload : FleetWorkloads::gather(fleet)) {
            if (workload.id == id && workload.replicas.size() == replicas) {
                found = workload;
            }
        }
        return found.has_value();
    });
    return found;
}
} // namespace

int measureWorkload(Fleet &fleet, const BenchNodes &nodes, int replicas)
{
    std::vector<Libvirt::Connection> held;
    if (!nodes.shared() || !makeBaseImages(nodes, image, held)) {
        std::fprintf(stderr, "flotilla-bench: --workload needs a daemon per node (the default)\n");
        return 1;
    }
    for (const Fleet::Node &node : fleet.nodes()) {
        fleet.readStock(node.entry.id);
    }
    waitFor([&] { return std::ranges::all_of(fleet.nodes(), [](const Fleet::Node &node) { return node.hasStock; }); });
    Workload workload{.id = Workloads::newId(),
        .name = QStringLiteral("bench"),
        .machineTemplate = {.name = QStringLiteral("bench"), .image = image, .memoryMiB = 128, .maxMemoryMiB = 256},
        .policy = {.replicas = replicas, .changed = QDateTime::currentDateTimeUtc()}};
    Testing::EventLoopWatch watch;
    watch.start();
    QElapsedTimer clock;
    clock.start();
    const Placement::Plan plan = FleetWorkloads::place(fleet, workload, replicas);
    print("placement_ms", double(clock.nsecsElapsed()) / 1e6);
    if (!plan.isComplete()) {
        std::fprintf(stderr, "flotilla-bench: %s\n(add nodes, or fewer machines per node: --machines 0)\n",
            qPrintable(plan.shortfall));
        return 1;
    }
    auto deploy = std::make_unique<WorkloadChange>(&fleet, workload);
    deploy->make(plan.nodeIds, plan.pools);
    const double deployed = timed(std::move(deploy));
    std::optional<Workload> now = seen(fleet, workload.id, replicas);
    const double up = deployed < 0 || !now ? -1 : timed(WorkloadChange::scaling(&fleet, *now, 2 * replicas, true));
    now = up < 0 ? std::nullopt : seen(fleet, workload.id, 2 * replicas);
    const double down = !now ? -1 : timed(WorkloadChange::scaling(&fleet, *now, replicas, true));
    watch.stop();
    if (deployed < 0 || up < 0 || down < 0) {
        return 1;
    }
    print("deploy_s", deployed);
    print("scale_up_s", up);
    print("scale_down_s", down);
    print("ui_stall_ms_max", double(watch.longestStallMs()));
    return 0;
}

} // namespace Flotilla::Bench
