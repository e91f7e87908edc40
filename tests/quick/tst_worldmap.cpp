// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// Runs the QML TestCases next to this file (tst_*.qml) with Flotilla's QML module.
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(org_kde_flotillaPlugin)

QUICK_TEST_MAIN(worldmap)
