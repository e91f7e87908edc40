// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QString>

class QQmlApplicationEngine;

/// Starting the window, shared by main() and the UI tests so that both see
/// the same application.
namespace Flotilla::MainWindow
{

/// The Breeze look on any desktop: the Breeze widget style behind KDE's
/// desktop Qt Quick style, Breeze icons, and a Breeze colour scheme
/// (@p colorScheme, e.g. "BreezeDark"; empty: the desktop's own, or Breeze
/// Light where the desktop has none). Call after the QApplication exists.
/// An unknown scheme is an error naming the known ones.
[[nodiscard]] Result<bool> applyDesktopLook(const QString &colorScheme = {});

/// Picks how Qt Quick draws: its software renderer where OpenGL is only
/// emulated on the CPU, OpenGL otherwise. load() calls it; call it before
/// any other Qt Quick window exists.
void chooseRenderer();

/// Loads the main window into @p engine; false if QML failed to load.
bool load(QQmlApplicationEngine &engine);

} // namespace Flotilla::MainWindow
