// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QString>

namespace Flotilla::Names
{
/// Why @p name cannot name a snapshot, pool, volume or network; empty when
/// it can: 1 to 64 letters, digits, "-", "_" and ".", not starting with
/// "." (so never a path, and the same on every node). @p missing is what
/// an empty name gets told ("A pool needs a name.").
[[nodiscard]] QString problem(const QString &name, const QString &missing);

/// Why @p name cannot name a machine; empty when it can. A machine's name
/// is its host name too: up to 60 letters, digits and "-", starting with a
/// letter or digit.
[[nodiscard]] QString machineProblem(const QString &name);
} // namespace Flotilla::Names
