// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QString>

/// The options after "?" in a connection URI that Flotilla passes to libvirt.
/// Some of libvirt's options make this computer run a program (command=,
/// the ext transport) or put one into the command run on the node
/// (netcat=, socket= over SSH): those are refused, and so is any option
/// not known to be harmless. docs/NODES.md lists each allowed option and why.
namespace Flotilla::NodeUri
{

struct Options {
    /// The connection does not check who the node is (no_verify other than 0,
    /// known_hosts_verify=auto or ignore): it needs the person's consent.
    bool skipsVerification = false;
};

/// Checks @p query (as written, percent-encoded) for a connection over
/// @p transport ("", "unix", "ssh", ...). The error names the refused option.
[[nodiscard]] Result<Options> checkOptions(const QString &query, const QString &transport);

/// The options of a whole @p uri, as libvirt reads them: the text between "?" and any "#".
[[nodiscard]] QString rawQuery(const QString &uri);

/// Whether an accepted @p uri turns off the check of the node's identity.
[[nodiscard]] bool skipsVerification(const QString &uri);

} // namespace Flotilla::NodeUri
