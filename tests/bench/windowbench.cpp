// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "windowbench.h"

#include "appwindow.h"
#include "eventloopwatch.h"
#include "fleet/fleet.h"
#include "fleet/fleetview.h"
#include "machines/machinefiltermodel.h"
#include "shell/mainwindow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

#include <functional>

namespace Flotilla::Bench
{
namespace
{
/// Runs an event loop until @p done or @p timeoutMs: a tool's wait, not the product's.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done()) {
        return true;
    }
    QEventLoop loop;
    QTimer poll;
    QElapsedTimer clock;
    clock.start();
    bool reached = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        reached = done();
        if (reached || clock.elapsed() > timeoutMs) {
            loop.quit();
        }
    });
    poll.start(10);
    loop.exec();
    return reached;
}
} // namespace

Result<WindowFigures> scrollMachineList(Fleet &fleet)
{
    const auto problem = [](const QString &message) { return Error{.message = message}; };
    if (Result<bool> look = MainWindow::applyDesktopLook(QStringLiteral("BreezeLight")); !look) {
        return look.error();
    }
    FleetView view(&fleet, false);
    QQmlApplicationEngine engine;
    view.showIn(engine);
    if (!MainWindow::load(engine)) {
        return problem(QStringLiteral("the window did not load"));
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    window->resize(1280, 800);
    window->show();
    QMetaObject::invokeMethod(window, "showMachines");
    QQuickItem *list = nullptr;
    const int rows = int(fleet.nodes().size()) == 0 ? 0 : [&] {
        int n = 0;
        for (const Fleet::Node &node : fleet.nodes()) {
            n += int(node.machines.machines().size());
        }
        return n;
    }();
    if (!waitUntil(
            [&] {
                list = Testing::AppWindow::find(window->contentItem(), QLatin1StringView("machineList"));
                return list && list->property("count").toInt() == rows;
            },
            30000)) {
        return problem(QStringLiteral("the machine list did not show all %1 machines").arg(rows));
    }
    QQuickItem *page = Testing::AppWindow::find(window->contentItem(), QLatin1StringView("machinesPage"));
    QMetaObject::invokeMethod(page, "sortBy", Q_ARG(int, MachineFilterModel::ByCpu));
    waitUntil([] { return false; }, 3000); // a few ticks re-sort it

    // Scroll at a steady pace, as a fling would, in about 20 s whatever the length.
    const double height = list->height();
    const double end = list->property("contentHeight").toDouble() + list->property("originY").toDouble() - height;
    const double step = std::max(40.0, end / 1200.0);
    WindowFigures figures{.rows = rows};
    QElapsedTimer frameClock;
    qint64 lastFrame = -1;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        const qint64 now = frameClock.nsecsElapsed();
        if (lastFrame >= 0) {
            figures.frameMs.append(double(now - lastFrame) / 1e6);
        }
        lastFrame = now;
    });
    Testing::EventLoopWatch watch;
    QTimer pace;
    pace.setTimerType(Qt::PreciseTimer);
    pace.setInterval(16);
    double y = list->property("originY").toDouble();
    QObject::connect(&pace, &QTimer::timeout, list, [&] {
        y = std::min(end, y + step);
        list->setProperty("contentY", y);
    });
    QElapsedTimer wall;
    wall.start();
    frameClock.start();
    watch.start();
    pace.start();
    const bool reached = waitUntil([&] { return y >= end; }, 600000);
    waitUntil([] { return false; }, 100); // the last frame
    pace.stop();
    watch.stop();
    figures.scrollSeconds = double(wall.elapsed()) / 1000.0;
    figures.longestStallMs = watch.longestStallMs();
    if (!reached || figures.frameMs.size() < 10) {
        return problem(QStringLiteral("the list did not scroll to its end"));
    }
    return figures;
}

} // namespace Flotilla::Bench
