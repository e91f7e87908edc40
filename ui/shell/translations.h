// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QString>

/// Where Flotilla's translations come from.
namespace Flotilla::Translations
{

/// Sets Flotilla's translation domain and, when Flotilla runs from its build
/// folder, points KI18n at the catalogues built there. Call it before the
/// first string is translated: KI18n looks for a catalogue once.
void setUp();

/// The build folder's catalogues (BUILD/locale) when @p programFolder is
/// BUILD/bin of a CMake build folder; empty for an installed program, whose
/// catalogues KI18n finds in the system's places by itself.
[[nodiscard]] QString buildFolderCatalogues(const QString &programFolder);

} // namespace Flotilla::Translations
