// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
//
// flotilla-bench: N generated test-driver nodes of M machines each, served
// by a libvirtd of its own on 127.0.0.1, opened through Flotilla's backend
// (sessions, events, 1 s ticks with the simulated activity feeding every
// running machine, the fleet and the list models on the main thread).
// With --ui, it also opens the window on the machines sorted by CPU and
// scrolls them end to end, measuring frames and stalls.
// Prints one "name: value" line per figure; see docs/BENCHMARKS.md.
#include "eventloopwatch.h"
#include "fleet.h"
#include "generatedfleet.h"
#include "libvirtdaemon.h"
#include "libvirthandles.h"
#include "machinelistmodel.h"
#include "nodelistmodel.h"
#include "windowbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <sys/resource.h>
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
        QStringLiteral("Length of the steady-state measurement."), QStringLiteral("S"), QStringLiteral("20"));
    const QCommandLineOption uiOption(QStringLiteral("ui"),
        QStringLiteral("Also open the window on the machines, sorted by CPU, and scroll them end to end."));
    parser.addOptions({nodesOption, machinesOption, secondsOption, uiOption});
    parser.process(app);
    bool ok = false;
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

    QTemporaryDir folder;
    for (int i = 0; i < nodes; ++i) {
        if (Result<bool> written
            = Bench::writeNodeFile(folder.filePath(QStringLiteral("node-%1.xml").arg(i)), machines, i);
            !written) {
            return fail(written.error().text());
        }
    }
    Testing::LibvirtDaemon daemon;
    if (Result<bool> started = daemon.start(); !started) {
        return fail(started.error().text());
    }
    Libvirt::initialize();
    measureFloor(daemon.uri(folder.filePath(QStringLiteral("node-0.xml"))));

    Fleet fleet;
    // The window has list models of its own.
    std::optional<NodeListModel> nodeModel;
    std::optional<MachineListModel> machineModel;
    if (!window) {
        nodeModel.emplace(&fleet);
        machineModel.emplace(&fleet);
    }
    QList<double> tickWork;
    bool measuring = false;
    QObject::connect(&fleet, &Fleet::ticked, &fleet, [&](qsizetype, const NodeTick &tick) {
        if (measuring) {
            tickWork.append(double(tick.workMs));
        }
    });
    Testing::EventLoopWatch watch;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < nodes; ++i) {
        fleet.addNode(NodeEntry{.id = QStringLiteral("node-%1").arg(i),
            .name = QStringLiteral("Node %1").arg(i),
            .uri = daemon.uri(folder.filePath(QStringLiteral("node-%1.xml").arg(i)))});
    }
    watch.start();
    const auto everyNodeRead = [&fleet] {
        return std::ranges::all_of(fleet.nodes(), [](const Fleet::Node &node) { return node.hasInventory; });
    };
    while (!everyNodeRead()) {
        if (clock.elapsed() > 120000) {
            return fail(QStringLiteral("the fleet was not read within 120 s"));
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    print("inventory_ms", double(clock.elapsed()));
    if (window) {
        return measureWindow(fleet);
    }
    if (machineModel->rowCount() != nodes * machines) {
        return fail(
            QStringLiteral("the machine list has %1 rows, not %2").arg(machineModel->rowCount()).arg(nodes * machines));
    }

    // Steady state: let ticks settle, then measure.
    QTimer::singleShot(3s, &app, [&] {
        measuring = true;
        watch.start();
        const double cpuBefore = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        QTimer::singleShot(std::chrono::seconds(seconds), &app, [&, cpuBefore, wall] {
            const double cpu = (cpuSeconds() - cpuBefore) / (double(wall.elapsed()) / 1000.0) * 100.0;
            watch.stop();
            print("tick_ms_median", percentile(tickWork, 0.5));
            print("tick_ms_p99", percentile(tickWork, 0.99));
            print("ui_stall_ms_max", double(watch.longestStallMs()));
            print("cpu_percent", cpu);
            print("rss_mb", peakRssMb());
            QCoreApplication::exit(tickWork.isEmpty() ? 1 : 0);
        });
    });
    return app.exec();
}
