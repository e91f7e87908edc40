// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demofleet.h"
#include "fleet.h"
#include "fleetview.h"
#include "flotilla-version.h"
#include "libvirthandles.h"
#include "mainwindow.h"

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
    return 1;
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
    const QCommandLineOption colorScheme(QStringLiteral("color-scheme"),
        i18nc("@info:shell", "Use this colour scheme, e.g. BreezeLight or BreezeDark."),
        i18nc("@info:shell value name", "name"));
    parser.addOptions({demo, colorScheme});
    KAboutData::applicationData().setupCommandLine(&parser);
    parser.process(app);
    KAboutData::applicationData().processCommandLine(&parser);

    if (Result<bool> look = MainWindow::applyDesktopLook(parser.value(colorScheme)); !look) {
        return fail(look.error());
    }
    Libvirt::initialize();

    Fleet fleet;
    QTemporaryDir demoFolder;
    if (parser.isSet(demo)) {
        Result<QList<NodeEntry>> nodes = DemoFleet::unpack(demoFolder.path());
        if (!nodes) {
            return fail(nodes.error());
        }
        for (const NodeEntry &node : nodes.value()) {
            fleet.addNode(node);
        }
    }
    FleetView::setFleet(&fleet, parser.isSet(demo));

    QQmlApplicationEngine engine;
    if (!MainWindow::load(engine)) {
        return 1;
    }
    return app.exec();
}
