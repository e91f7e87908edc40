// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
//
// flotilla-bench: N generated test-driver nodes of M machines each, served
// by private libvirtd daemons on 127.0.0.1 (one per node by default), opened
// through Flotilla's backend (sessions, events, 1 s ticks with the bulk
// statistics call and the simulated activity on top, every model the window
// builds on the main thread, and the charts' history file kept as the
// application keeps it), while the tool changes machines' states on
// the daemons' side and, if asked, kills and restarts the daemons.
// With --ui, it also opens the window on the machines sorted by CPU and
// scrolls them end to end, measuring frames and stalls.
// Prints one "name: value" line per figure; see docs/BENCHMARKS.md.
#include "benchnodes.h"
#include "churn.h"
#include "eventloopwatch.h"
#include "fleet/fleet.h"
#include "fleet/historykeeper.h"
#include "headlessmodels.h"
#include "historybench.h"
#include "libvirt/libvirthandles.h"
#include "placementbench.h"
#include "provisionbench.h"
#include "provisioning/cloudinit.h"
#include "provisioning/seediso.h"
#include "qemucompare.h"
#include "windowbench.h"
#include "workloadbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <future>
#include <memory>
#include <optional>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

using namespace Flotilla;
using namespace std::chrono_literals;

namespace
{

void print(const char *name, double value)
{
    std::printf("%s: %.1f\n", name, value);
    std::fflush(stdout);
}

double percentile(QList<double> values, double fraction)
{
    if (values.isEmpty()) {
        return NAN;
    }
    std::ranges::sort(values);
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(fraction * double(values.size()))));
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// The CPU time, in seconds, of this process's thread named @p name (NaN,
/// printed as "nan", when there is none: never a figure that looks measured).
double threadCpuSeconds(const QByteArray &name)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(task + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name) {
            continue;
        }
        QFile stat(tasks.filePath(task + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly)) {
            return NAN;
        }
        // Fields 14 and 15 (utime, stime) follow the name in parentheses, which may hold spaces.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        return fields.size() > 12
            ? double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK))
            : NAN;
    }
    return NAN;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

/// The bare libvirt calls the backend builds on, for one node: the floor.
void measureFloor(const QString &uri)
{
    QElapsedTimer clock;
    clock.start();
    Libvirt::Connection connection(virConnectOpen(uri.toUtf8().constData()));
    print("floor_open_ms", double(clock.nsecsElapsed()) / 1e6);
    clock.restart();
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(connection.get(), &domains, 0);
    print("floor_list_ms", double(clock.nsecsElapsed()) / 1e6);
    (void)Libvirt::adoptList<Libvirt::Domain>(domains, count);
    clock.restart();
    virDomainStatsRecordPtr *records = nullptr;
    const int stats = virConnectGetAllDomainStats(connection.get(), 0, &records, 0);
    print("floor_stats_ms", double(clock.nsecsElapsed()) / 1e6);
    if (stats >= 0) {
        virDomainStatsRecordListFree(records);
    }
}

/// The floor of a whole fleet: every node opened, listed and read (each
/// machine's description, every state in bulk) at once, one thread per node,
/// with bare libvirt calls.
void measureFleetFloor(const QStringList &uris)
{
    QElapsedTimer clock;
    clock.start();
    std::vector<std::future<void>> nodes;
    for (const QString &uri : uris) {
        nodes.push_back(std::async(std::launch::async, [address = uri.toUtf8()] {
            Libvirt::Connection connection(virConnectOpen(address.constData()));
            virDomainPtr *raw = nullptr;
            const int count = connection ? virConnectListAllDomains(connection.get(), &raw, 0) : -1;
            for (const Libvirt::Domain &domain : Libvirt::adoptList<Libvirt::Domain>(raw, count)) {
                free(virDomainGetXMLDesc(domain.get(), 0));
            }
            virDomainStatsRecordPtr *records = nullptr;
            if (connection && virConnectGetAllDomainStats(connection.get(), VIR_DOMAIN_STATS_STATE, &records, 0) >= 0) {
                virDomainStatsRecordListFree(records);
            }
        }));
    }
    for (auto &node : nodes) {
        node.get();
    }
    print("floor_fleet_ms", double(clock.nsecsElapsed()) / 1e6);

    // Flotilla's first reading also asks each node its name, which the node
    // looks up in its DNS: on one host with many daemons, that lookup is the
    // host's resolver answering them all at once.
    clock.restart();
    nodes.clear();
    for (const QString &uri : uris) {
        nodes.push_back(std::async(std::launch::async, [address = uri.toUtf8()] {
            Libvirt::Connection connection(virConnectOpen(address.constData()));
            if (connection) {
                free(virConnectGetHostname(connection.get()));
            }
        }));
    }
    for (auto &node : nodes) {
        node.get();
    }
    print("floor_hostnames_ms", double(clock.nsecsElapsed()) / 1e6);
}

/// The floor of a fleet's ticks: every node's statistics asked once a
/// tick (@p tick apart) on a thread of its own, with bare libvirt calls and
/// keepalive as a session sets it, for @p seconds: what any libvirt client
/// pays for these nodes, before Flotilla does anything with the figures.
void measureTickFloor(const QStringList &uris, int seconds, std::chrono::milliseconds tick)
{
    std::vector<std::shared_ptr<Libvirt::Connection>> connections;
    for (const QString &uri : uris) {
        auto connection = std::make_shared<Libvirt::Connection>(virConnectOpen(uri.toUtf8().constData()));
        if (*connection) {
            virConnectSetKeepAlive(connection->get(), 5, 3);
            connections.push_back(connection);
        }
    }
    // The groups StatsReader::readMachines asks for.
    const unsigned int groups = VIR_DOMAIN_STATS_CPU_TOTAL | VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU
        | VIR_DOMAIN_STATS_INTERFACE | VIR_DOMAIN_STATS_BLOCK;
    std::atomic_bool stop = false;
    const double before = cpuSeconds();
    QElapsedTimer clock;
    clock.start();
    std::vector<std::thread> nodes;
    for (const auto &connection : connections) {
        nodes.emplace_back([connection, groups, tick, &stop] {
            auto next = std::chrono::steady_clock::now();
            while (!stop.load()) {
                virDomainStatsRecordPtr *records = nullptr;
                if (virConnectGetAllDomainStats(
                        connection->get(), groups, &records, VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE)
                    >= 0) {
                    virDomainStatsRecordListFree(records);
                }
                next += tick;
                std::this_thread::sleep_until(next);
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop.store(true);
    for (std::thread &node : nodes) {
        node.join();
    }
    print("floor_tick_cpu_percent", (cpuSeconds() - before) / (double(clock.nsecsElapsed()) / 1e9) * 100.0);
}

/// A machine's seed, documents and ISO, made @p rounds times for a full
/// setup (a user, two keys, packages, commands, a static address and a
/// cloud-config of the user's own): what the plan's seed step costs before
/// its upload. The password is hashed once, as the wizard does when it is typed.
void measureSeeds(int rounds)
{
    const QString key = QStringLiteral(
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGtra2tra2tra2tra2tra2tra2tra2tra2tra2tra2tra2tr alice@desk");
    QString ownConfig = QStringLiteral("write_files:\n");
    for (int i = 0; i < 20; ++i) {
        ownConfig += QStringLiteral("  - path: /etc/flotilla/%1.conf\n    content: |\n      setting = %1\n").arg(i);
    }
    const MachineSetup setup{.hostname = QStringLiteral("web-01"),
        .userName = QStringLiteral("alice"),
        .passwordHash = CloudInit::hashPassword(QStringLiteral("correct horse")).value(),
        .sshKeys = {key, key},
        .packages = {QStringLiteral("nginx"), QStringLiteral("qemu-guest-agent"), QStringLiteral("htop")},
        .commands = {QStringLiteral("systemctl enable --now nginx"), QStringLiteral("echo done > /root/done")},
        .timezone = QStringLiteral("Europe/Helsinki"),
        .staticAddress
        = StaticAddress{QStringLiteral("192.0.2.10/24"), QStringLiteral("192.0.2.1"), {QStringLiteral("192.0.2.53")}},
        .ownConfig = ownConfig};
    QList<double> took;
    qsizetype bytes = 0;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer clock;
        clock.start();
        const Result<CloudInit::Seed> seed
            = CloudInit::seed(setup, QStringLiteral("iid-%1").arg(i), QStringLiteral("52:54:00:12:34:56"));
        const Result<QByteArray> iso = seed ? SeedIso::build(seed.value()) : Result<QByteArray>(seed.error());
        took.append(double(clock.nsecsElapsed()) / 1e6);
        if (!iso) {
            std::fprintf(stderr, "flotilla-bench: the seed failed: %s\n", qPrintable(iso.error().text()));
            return;
        }
        bytes = iso.value().size();
    }
    print("seed_ms_median", percentile(took, 0.5));
    print("seed_ms_p99", percentile(took, 0.99));
    print("seed_iso_kib", double(bytes) / 1024.0);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "flotilla-bench: %s\n", qPrintable(message));
    return 1;
}

int measureWindow(Fleet &fleet)
{
    const Result<Bench::WindowFigures> figures = Bench::scrollMachineList(fleet);
    if (!figures) {
        return fail(figures.error().text());
    }
    print("rows", figures.value().rows);
    print("scroll_s", figures.value().scrollSeconds);
    print("frames", double(figures.value().frameMs.size()));
    print("frame_ms_median", percentile(figures.value().frameMs, 0.5));
    print("frame_ms_p99", percentile(figures.value().frameMs, 0.99));
    print("ui_stall_ms_max", double(figures.value().longestStallMs));
    print("rss_mb", peakRssMb());
    return 0;
}

} // namespace

/// The window needs a display: without one, the tool runs itself again on a private Xvfb.
void ensureDisplay(char *argv[])
{
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        return;
    }
    static const QByteArray wrapper = QByteArrayLiteral(FLOTILLA_SOURCE_DIR "/tests/with-xvfb");
    std::vector<char *> arguments{const_cast<char *>(wrapper.constData())};
    for (int i = 0; argv[i]; ++i) {
        arguments.push_back(argv[i]);
    }
    arguments.push_back(nullptr);
    execv(wrapper.constData(), arguments.data());
    std::fprintf(stderr, "flotilla-bench: --ui needs a display, and %s could not start one\n", wrapper.constData());
    std::exit(1);
}

/// What the steady state gathers, and the daemon kill's timeline.
struct Measurement {
    bool on = false;
    QList<double> tickWork;
    qint64 resyncMsMax = -1;
    QList<int> fullReads; ///< per node, as last seen
    qint64 machineEvents = 0;
    std::atomic<qint64> restartedAtMs = -1; ///< on the tool's clock, once every daemon is up again
    qint64 reconnectMs = -1;
};

/// Every node connected again with all its machines.
bool fleetWhole(const Fleet &fleet, int machines)
{
    return std::ranges::all_of(fleet.nodes(), [machines](const Fleet::Node &node) {
        return node.status.state == NodeState::Connected && node.machines.machines().size() == machines;
    });
}

int main(int argc, char *argv[])
{
    const bool window = std::any_of(argv + 1, argv + argc, [](const char *a) { return qstrcmp(a, "--ui") == 0; });
    if (window) {
        ensureDisplay(argv);
        qputenv("QT_QPA_PLATFORM", "xcb");
    }
    // The window needs a widgets application (KDE's colour schemes and style).
    std::unique_ptr<QCoreApplication> application
        = window ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures Flotilla's backend on a generated fleet."));
    parser.addHelpOption();
    const QCommandLineOption nodesOption(
        QStringLiteral("nodes"), QStringLiteral("Number of nodes."), QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption machinesOption(
        QStringLiteral("machines"), QStringLiteral("Machines per node."), QStringLiteral("M"), QStringLiteral("500"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
        QStringLiteral("Length of the steady-state measurement (75: it includes a full resync)."), QStringLiteral("S"),
        QStringLiteral("75"));
    const QCommandLineOption churnOption(QStringLiteral("churn"),
        QStringLiteral("Percent of the machines that change state every second while measuring."), QStringLiteral("P"),
        QStringLiteral("1"));
    const QCommandLineOption daemonsOption(QStringLiteral("daemons"),
        QStringLiteral("Daemons serving the nodes (default: one per node; fewer serve node files, no churn)."),
        QStringLiteral("K"), QStringLiteral("0"));
    const QCommandLineOption killOption(QStringLiteral("kill-daemon-at"),
        QStringLiteral("Kill the daemons S seconds into the measurement and restart them 3 s later."),
        QStringLiteral("S"), QStringLiteral("-1"));
    const QCommandLineOption uiOption(QStringLiteral("ui"),
        QStringLiteral("Also open the window on the machines, sorted by CPU, and scroll them end to end."));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
        QStringLiteral("Only make a machine's cloud-init seed (documents and ISO) 500 times, and print seed_ms."));
    const QCommandLineOption provisionOption(QStringLiteral("provision"),
        QStringLiteral("Make N machines through the fleet (linked clone, data disk, seed, define, start), spread over "
                       "the nodes, and print provision_ms."),
        QStringLiteral("N"));
    const QCommandLineOption compareOption(QStringLiteral("compare-qemu"),
        QStringLiteral("Only compare Flotilla with virsh vol-upload --sparse and virt-install --import --cloud-init "
                       "on a real libvirtd with QEMU, R rounds each (needs root), and print upload_mib_s and "
                       "create_to_console_s."),
        QStringLiteral("R"));
    const QCommandLineOption placementOption(QStringLiteral("placement"),
        QStringLiteral("Only place 100 replicas over 200 generated nodes under each policy, 200 times, and print "
                       "placement_ms."));
    const QCommandLineOption workloadOption(QStringLiteral("workload"),
        QStringLiteral("Deploy a workload of R replicas over the nodes, scale it to 2R and back to R, and print "
                       "placement_ms, deploy_s, scale_up_s and scale_down_s (use --machines 0: the generated "
                       "machines take the test nodes' memory)."),
        QStringLiteral("R"));
    const QCommandLineOption historyOption(QStringLiteral("history"),
        QStringLiteral("Only keep 1,000 machines' histories on disk for 10 minutes simulated at speed, then 30 days, "
                       "and print history_write_cpu_percent, history_mb and history_load_ms."));
    const QCommandLineOption tickOption(QStringLiteral("tick-ms"),
        QStringLiteral("How often each node is asked for its figures, as the application's default unless given."),
        QStringLiteral("MS"), QString::number(Fleet::defaultTickInterval.count()));
    parser.addOptions({nodesOption, machinesOption, secondsOption, churnOption, daemonsOption, killOption, uiOption,
        tickOption, seedOption, provisionOption, compareOption, placementOption, workloadOption, historyOption});
    parser.process(app);
    if (parser.isSet(seedOption)) {
        measureSeeds(500);
        return 0;
    }
    if (parser.isSet(placementOption)) {
        Bench::measurePlacement();
        return 0;
    }
    if (parser.isSet(historyOption)) {
        Bench::measureHistory();
        return 0;
    }
    bool ok = false;
    if (parser.isSet(compareOption)) {
        const int rounds = parser.value(compareOption).toInt(&ok);
        if (!ok || rounds < 1 || rounds > 20) {
            return fail(QStringLiteral("--compare-qemu takes a number of rounds from 1 to 20"));
        }
        return Bench::compareOnQemu(rounds);
    }
    const int nodes = parser.value(nodesOption).toInt(&ok);
    if (!ok || nodes < 1 || nodes > 200) {
        return fail(QStringLiteral("--nodes takes a number from 1 to 200"));
    }
    const int machines = parser.value(machinesOption).toInt(&ok);
    if (!ok || machines < 0 || machines > 20000) {
        return fail(QStringLiteral("--machines takes a number from 0 to 20000"));
    }
    const int seconds = parser.value(secondsOption).toInt(&ok);
    if (!ok || seconds < 1) {
        return fail(QStringLiteral("--seconds takes a positive number"));
    }
    const double churn = parser.value(churnOption).toDouble(&ok);
    if (!ok || churn < 0 || churn > 100) {
        return fail(QStringLiteral("--churn takes a percentage from 0 to 100"));
    }
    int daemons = parser.value(daemonsOption).toInt(&ok);
    daemons = daemons == 0 ? nodes : daemons;
    if (!ok || daemons < 1 || daemons > nodes) {
        return fail(QStringLiteral("--daemons takes a number from 1 to the number of nodes"));
    }
    if (daemons < nodes && churn > 0) {
        return fail(QStringLiteral("--churn needs a daemon per node (with fewer, nodes are files no one else can "
                                   "change); add --churn 0"));
    }
    const std::chrono::milliseconds tick(parser.value(tickOption).toInt(&ok));
    if (!ok || tick.count() < 100 || tick.count() > 10000) {
        return fail(QStringLiteral("--tick-ms takes a number of milliseconds from 100 to 10000"));
    }
    const int killAt = parser.value(killOption).toInt(&ok);
    if (!ok || killAt >= seconds) {
        return fail(QStringLiteral("--kill-daemon-at takes a second within the measurement"));
    }

    Bench::BenchNodes fleetNodes(nodes, machines, daemons);
    if (Result<bool> started = fleetNodes.start(); !started) {
        return fail(started.error().text());
    }
    Libvirt::initialize();
    measureFloor(fleetNodes.uri(0));
    measureFleetFloor(fleetNodes.uris());
    measureTickFloor(fleetNodes.uris(), 15, tick);

    Fleet fleet;
    fleet.setTickInterval(tick);
    // The charts' history file, kept as the application keeps it (its thread's share is printed apart).
    QTemporaryDir historyFolder;
    const HistoryKeeper history(&fleet, historyFolder.filePath(QStringLiteral("history.sqlite")));
    if (!history.problem().isEmpty()) {
        return fail(history.problem());
    }
    // The window has models of its own.
    std::optional<Bench::HeadlessModels> models;
    if (!window) {
        models.emplace(fleet);
    }
    Measurement measured;
    QObject::connect(&fleet, &Fleet::ticked, &fleet, [&](qsizetype, const NodeTick &tick) {
        if (measured.on) {
            measured.tickWork.append(double(tick.workMs));
        }
    });
    // A full re-read (the resync every minute) changes the node.
    measured.fullReads.fill(0, nodes);
    QObject::connect(&fleet, &Fleet::nodeChanged, &fleet, [&](qsizetype index) {
        const Fleet::Node &node = fleet.nodes().at(index);
        if (std::exchange(measured.fullReads[index], node.fullReads) != node.fullReads && measured.on) {
            measured.resyncMsMax = std::max(measured.resyncMsMax, node.lastFullReadMs);
        }
    });
    QObject::connect(fleet.events(), &FleetEvents::recorded, &fleet, [&](const FleetEvent &event) {
        if (measured.on && !event.machineUuid.isEmpty()) {
            ++measured.machineEvents;
        }
    });
    Testing::EventLoopWatch watch;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < nodes; ++i) {
        fleet.addNode(NodeEntry{.id = QStringLiteral("node-%1").arg(i),
            .name = QStringLiteral("Node %1").arg(i),
            .uri = fleetNodes.uri(i)});
    }
    watch.start();
    const auto everyNodeRead = [&fleet] {
        return std::ranges::all_of(fleet.nodes(), [](const Fleet::Node &node) { return node.hasInventory; });
    };
    while (!everyNodeRead()) {
        if (clock.elapsed() > 120000) {
            return fail(QStringLiteral("the fleet was not read within 120 s"));
        }
        // Waits for the next event (a session's reading, the watch's tick):
        // a loop that only polled would spin a core the nodes need.
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    print("inventory_ms", double(clock.elapsed()));
    if (parser.isSet(provisionOption)) {
        const int count = parser.value(provisionOption).toInt(&ok);
        if (!ok || count < 1 || count > 10000) {
            return fail(QStringLiteral("--provision takes a number from 1 to 10000"));
        }
        return Bench::measureProvisioning(fleet, fleetNodes, count);
    }
    if (parser.isSet(workloadOption)) {
        const int count = parser.value(workloadOption).toInt(&ok);
        if (!ok || count < 1 || count > 5000) {
            return fail(QStringLiteral("--workload takes a number from 1 to 5000"));
        }
        return Bench::measureWorkload(fleet, fleetNodes, count);
    }
    Bench::Churn churning(fleetNodes.uris(), churn);
    if (window) {
        churning.start();
        return measureWindow(fleet);
    }
    if (models->machines().rowCount() != nodes * machines || models->sortedMachines().rowCount() != nodes * machines) {
        return fail(QStringLiteral("the machine list has %1 rows, not %2")
                .arg(models->machines().rowCount())
                .arg(nodes * machines));
    }

    // The daemons' kill and restart, off the main thread: the tool's own work stays out of the stalls.
    std::future<Result<bool>> restart;
    QTimer wholeAgain;
    wholeAgain.setInterval(10ms);
    QObject::connect(&wholeAgain, &QTimer::timeout, &app, [&] {
        const qint64 restartedAt = measured.restartedAtMs.load();
        if (restartedAt >= 0 && fleetWhole(fleet, machines)) {
            measured.reconnectMs = clock.elapsed() - restartedAt;
            wholeAgain.stop();
        }
    });

    // Steady state: let ticks settle, then measure.
    QTimer::singleShot(3s, &app, [&] {
        measured.on = true;
        churning.start();
        watch.start();
        const double cpuBefore = cpuSeconds();
        const double churnBefore = churning.cpuSeconds();
        const double historyBefore = threadCpuSeconds("history");
        QElapsedTimer wall;
        wall.start();
        if (killAt >= 0) {
            QTimer::singleShot(std::chrono::seconds(killAt), &app, [&] {
                restart = std::async(std::launch::async, [&]() -> Result<bool> {
                    fleetNodes.killDaemons();
                    std::this_thread::sleep_for(3s);
                    const qint64 restartedAt = clock.elapsed();
                    Result<bool> started = fleetNodes.restartDaemons();
                    measured.restartedAtMs = restartedAt;
                    return started;
                });
                wholeAgain.start();
            });
        }
        QTimer::singleShot(std::chrono::seconds(seconds), &app, [&, cpuBefore, churnBefore, historyBefore, wall] {
            const double elapsed = double(wall.elapsed()) / 1000.0;
            watch.stop();
            churning.stop(); // its last round's time is in cpuSeconds() once it has stopped
            const double process = (cpuSeconds() - cpuBefore) / elapsed * 100.0;
            const double churn = (churning.cpuSeconds() - churnBefore) / elapsed * 100.0;
            print("tick_ms_median", percentile(measured.tickWork, 0.5));
            print("tick_ms_p99", percentile(measured.tickWork, 0.99));
            print("resync_ms_max", double(measured.resyncMsMax));
            print("events_per_s", double(measured.machineEvents) / elapsed);
            print("churn_changes_per_s", double(churning.changes()) / elapsed);
            print("ui_stall_ms_max", double(watch.longestStallMs()));
            print("cpu_percent", process - churn); // Flotilla's: the process but the churn's thread
            print("churn_cpu_percent", churn);
            print("history_thread_cpu_percent", (threadCpuSeconds("history") - historyBefore) / elapsed * 100.0);
            print("rss_mb", peakRssMb());
            if (killAt >= 0) {
                if (Result<bool> restarted = restart.get(); !restarted) {
                    std::fprintf(stderr, "flotilla-bench: %s\n", qPrintable(restarted.error().text()));
                }
                print("refill_ms", double(fleetNodes.fillMs()));
                print("reconnect_ms", double(measured.reconnectMs));
            }
            QCoreApplication::exit(measured.tickWork.isEmpty() ? 1 : 0);
        });
    });
    return app.exec();
}
