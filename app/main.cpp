// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "commandline.h"
#include "demo/demofleet.h"
#include "fleet/fleet.h"
#include "fleet/fleetview.h"
#include "fleet/historykeeper.h"
#include "flotilla-version.h"
#include "libvirt/libvirthandles.h"
#include "nodes/nodeliststore.h"
#include "shell/mainwindow.h"
#include "shell/translations.h"

#include <KAboutData>
#include <KLocalizedString>

#include <QApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace Flotilla;

namespace
{

void describeApplication()
{
    KAboutData about(QStringLiteral("flotilla"), i18nc("@title", "Flotilla"), QStringLiteral(FLOTILLA_VERSION_STRING),
        i18nc("@info", "Your own fleet of virtual machines, on nodes around the world"), KAboutLicense::GPL_V3,
        i18nc("@info:credit", "© 2026 Flotilla developers"));
    about.setOrganizationDomain("kde.org");
    about.setDesktopFileName(QStringLiteral("org.kde.flotilla"));
    KAboutData::setApplicationData(about);
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("org.kde.flotilla"), QIcon(QStringLiteral(":/flotilla/org.kde.flotilla.svg"))));
}

int fail(const Error &error)
{
    std::fprintf(stderr, "flotilla: %s\n", qPrintable(error.text()));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    Translations::setUp(); // first: the command line's help is translated
    QCoreApplication::setApplicationName(QStringLiteral("flotilla"));
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    // Before QApplication: help and mistakes need no display. ki18n finds
    // its catalogues only with an application object, so a plain one answers.
    CommandLine::Outcome command;
    {
        QCoreApplication parsing(argc, argv);
        command = CommandLine::parse(arguments);
    }
    if (!command.start) {
        std::fprintf(command.exitCode == 0 ? stdout : stderr, "%s%s\n",
            command.exitCode == 0 ? "" : "flotilla: ", qPrintable(command.output));
        return command.exitCode;
    }
    const CommandLine::Options &options = *command.start;

    QApplication app(argc, argv);
    describeApplication();
    if (Result<bool> look = MainWindow::applyDesktopLook(options.colorScheme); !look) {
        return fail(look.error());
    }
    Libvirt::initialize();

    Fleet fleet;
    Error startupProblem;
    QTemporaryDir demoFolder;
    NodeListStore store;
    Result<QList<NodeEntry>> nodes = options.demo ? DemoFleet::unpack(demoFolder.path()) : store.load();
    if (!nodes && options.demo) {
        return fail(nodes.error());
    }
    if (!nodes) {
        startupProblem = nodes.error(); // shown in the window; the damaged list is kept aside
    } else if (!store.skipped().isEmpty()) {
        startupProblem = store.skipped(); // shown in the window; the entries stay in the file
    }
    // The user's list is saved again when the person changes it (with the
    // entries it left out); the demo's and --connect's nodes are for this run only.
    if (!options.demo) {
        fleet.setStore(store);
    } else {
        // A newcomer's first look shows full charts: the demo's simulated
        // activity fills the last day of an empty history (flagged simulated,
        // as the live demo figures are).
        fleet.setSimulatedPast(std::chrono::hours(24));
    }
    // What the charts saw in earlier runs, and will see in this one: the
    // demo's simulated figures kept apart from a real fleet's.
    const HistoryKeeper history(&fleet,
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + (options.demo ? QStringLiteral("/demo-history.sqlite") : QStringLiteral("/history.sqlite")));
    if (startupProblem.isEmpty() && !history.problem().isEmpty()) {
        startupProblem = Error{.message = history.problem()};
    }
    for (const NodeEntry &node : nodes ? nodes.value() : QList<NodeEntry>{}) {
        fleet.addNode(node, !options.demo);
    }
    for (const NodeEntry &node : options.connect) {
        fleet.addNode(node);
    }
    FleetView view(&fleet, options.demo, startupProblem);

    QQmlApplicationEngine engine;
    view.showIn(engine);
    if (!MainWindow::load(engine)) {
        return 1;
    }
    return app.exec();
}
