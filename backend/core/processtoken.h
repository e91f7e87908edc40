// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QString>

/// A running process, told apart from every other one on this computer,
/// before and after: its PID and the moment it started ("4242:918273"),
/// so a PID used again by a later process is not taken for it. What marks
/// a half-made machine or upload as this Flotilla's: a second Flotilla of
/// the same person on the same computer is another process.
namespace Flotilla::ProcessToken
{

/// This process's token.
[[nodiscard]] QString here();
/// The token of the running process @p pid, or empty when there is none.
[[nodiscard]] QString of(qint64 pid);
/// Whether the process @p token names still runs (false for a token that is no token).
[[nodiscard]] bool isRunning(const QString &token);

} // namespace Flotilla::ProcessToken
