// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "nodes/nodeentry.h"

#include <QStringList>

#include <optional>

/// Flotilla's command line, read before anything graphical exists, so that
/// --help, --version and every mistake answer on the terminal even where
/// no display is.
namespace Flotilla::CommandLine
{

struct Options {
    bool demo = false;
    QList<NodeEntry> connect; ///< --connect URIs, checked, as nodes for this run only
    QString colorScheme;
};

/// What to do: start with these options, or stop with this exit code after
/// @p output was printed (help, version: 0; a mistake: 2, on standard error).
struct Outcome {
    std::optional<Options> start;
    int exitCode = 0;
    QString output;
};

[[nodiscard]] Outcome parse(const QStringList &arguments);

} // namespace Flotilla::CommandLine
