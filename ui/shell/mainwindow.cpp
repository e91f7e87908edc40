// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// First: KLocalizedString's i18n macros would rewrite this header's declarations.
#include <KLocalizedQmlContext>

#include "shell/mainwindow.h"

#include <KColorSchemeManager>
#include <KColorSchemeModel>
#include <KIconTheme>
#include <KLocalizedString>

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/QQmlExtensionPlugin>

// Every module of the window is a static plugin: whoever shows the window
// (the program, the UI tests, the benchmark) gets them all through here.
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_componentsPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_fleetPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_chartsPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_mapPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_createPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_consolePlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_nodesPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_machinesPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_workloadsPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_dashboardPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_shellPlugin)

namespace Flotilla::MainWindow
{

Result<bool> applyDesktopLook(const QString &colorScheme)
{
    KIconTheme::initTheme();
    QApplication::setStyle(QStringLiteral("breeze"));
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE")) {
        QQuickStyle::setStyle(QStringLiteral("org.kde.desktop"));
    }
    KColorSchemeManager *schemes = KColorSchemeManager::instance();
    schemes->setAutosaveChanges(false);
    const bool plasma = qEnvironmentVariable("XDG_CURRENT_DESKTOP").contains(QLatin1StringView("KDE"));
    const QString scheme = colorScheme.isEmpty() && !plasma ? QStringLiteral("BreezeLight") : colorScheme;
    if (scheme.isEmpty()) {
        return true;
    }
    const QModelIndex index = schemes->indexForSchemeId(scheme);
    if (!index.isValid()) {
        QStringList known;
        for (int row = 0; row < schemes->model()->rowCount(); ++row) {
            known.append(schemes->model()->index(row, 0).data(KColorSchemeModel::IdRole).toString());
        }
        known.removeAll(QString());
        return Error{.message = i18nc("@info", "There is no colour scheme called '%1'", scheme),
            .details = i18nc("@info", "known schemes: %1", known.join(QStringLiteral(", ")))};
    }
    schemes->activateScheme(index);
    return true;
}

namespace
{

/// Whether OpenGL here can only be drawn by the CPU (Mesa's llvmpipe): a
/// VM, a remote X display, a machine without a GPU driver. Asking OpenGL
/// itself would load Mesa and its compiler, 60 MB of the very memory this
/// choice saves; so this asks the system: a GPU that Mesa can use has a
/// render node, and NVIDIA's own driver has its control device.
bool openGlIsSoftware()
{
    if (qEnvironmentVariableIntValue("LIBGL_ALWAYS_SOFTWARE") != 0) {
        return true;
    }
    if (QFileInfo::exists(QStringLiteral("/dev/nvidiactl"))) {
        return false;
    }
    const QDir devices(QStringLiteral("/dev/dri"));
    for (const QFileInfo &node : devices.entryInfoList({QStringLiteral("renderD*")}, QDir::System)) {
        if (node.isReadable() && node.isWritable()) {
            return false;
        }
    }
    return true;
}

} // namespace

void chooseRenderer()
{
    // Qt Quick draws through OpenGL, which is the right choice on a GPU.
    // Where OpenGL itself runs on the CPU, Qt Quick's own software renderer
    // draws the same window in 160 MB instead of 260 (1,000 machines) at
    // the same frame times: see docs/BENCHMARKS.md. The person's own
    // choice (QT_QUICK_BACKEND, QSG_RHI_BACKEND) stands.
    if (!qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND") || !qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND")
        || QGuiApplication::platformName() == QLatin1StringView("offscreen")) {
        return;
    }
    if (openGlIsSoftware()) {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }
}

bool load(QQmlApplicationEngine &engine)
{
    chooseRenderer();
    KLocalization::setupLocalizedContext(&engine);
    engine.loadFromModule("org.kde.flotilla.shell", "Main");
    return !engine.rootObjects().isEmpty();
}

} // namespace Flotilla::MainWindow
