// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demofleet.h"
#include "fleet.h"
#include "fleetview.h"
#include "flotilla-version.h"
#include "libvirthandles.h"
#include "mainwindow.h"
#include "nodeliststore.h"
#include "nodeuri.h"

#include <KAboutData>
#include <KLocalizedString>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(org_kde_flotillaPlugin)

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
    QApplication app(argc, argv);
    KLocalizedString::setApplicationDomain("flotilla");
    describeApplication();

    QCommandLineParser parser;
    const QCommandLineOption demo(
        QStringLiteral("demo"), i18nc("@info:shell", "Open the bundled demo fleet of simulated nodes."));
    const QCommandLineOption connect(QStringLiteral("connect"),
        i18nc("@info:shell", "Also open the node at this libvirt URI, for this run only (repeatable)."),
        i18nc("@info:shell value name", "uri"));
    const QCommandLineOption colorScheme(QStringLiteral("color-scheme"),
        i18nc("@info:shell", "Use this colour scheme, e.g. BreezeLight or BreezeDark."),
        i18nc("@info:shell value name", "name"));
    parser.addOptions({demo, connect, colorScheme});
    KAboutData::applicationData().setupCommandLine(&parser);
    parser.process(app);
    KAboutData::applicationData().processCommandLine(&parser);

    // Mistakes on the command line are reported before any window opens.
    QList<NodeEntry> connectNodes;
    for (const QString &uri : parser.values(connect)) {
        const Result<NodeUri::Parts> parts = NodeUri::validate(uri);
        if (!parts) {
            return fail(parts.error());
        }
        const QString name = parts.value().host.isEmpty() ? uri : parts.value().host;
        connectNodes.append(
            NodeEntry{.id = QStringLiteral("connect-%1").arg(connectNodes.size() + 1), .name = name, .uri = uri});
    }
    if (Result<bool> look = MainWindow::applyDesktopLook(parser.value(colorScheme)); !look) {
        return fail(look.error());
    }
    Libvirt::initialize();

    Fleet fleet;
    Error startupProblem;
    QTemporaryDir demoFolder;
    Result<QList<NodeEntry>> nodes = parser.isSet(demo) ? DemoFleet::unpack(demoFolder.path()) : NodeListStore().load();
    if (!nodes && parser.isSet(demo)) {
        return fail(nodes.error());
    }
    if (!nodes) {
        startupProblem = nodes.error(); // shown in the window; the damaged list is kept aside
    }
    for (const NodeEntry &node : (nodes ? nodes.value() : QList<NodeEntry>{}) + connectNodes) {
        fleet.addNode(node);
    }
    FleetView::setFleet(&fleet, parser.isSet(demo), startupProblem);

    QQmlApplicationEngine engine;
    if (!MainWindow::load(engine)) {
        return 1;
    }
    return app.exec();
}
