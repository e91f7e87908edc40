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
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>

// Every module of the window is a static plugin: whoever shows the window
// (the program, the UI tests, the benchmark) gets them all through here.
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_componentsPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_fleetPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_chartsPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_mapPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_nodesPlugin)
Q_IMPORT_QML_PLUGIN(org_kde_flotilla_machinesPlugin)
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

bool load(QQmlApplicationEngine &engine)
{
    KLocalization::setupLocalizedContext(&engine);
    engine.loadFromModule("org.kde.flotilla.shell", "Main");
    return !engine.rootObjects().isEmpty();
}

} // namespace Flotilla::MainWindow
