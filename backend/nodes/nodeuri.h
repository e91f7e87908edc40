// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QString>

/// libvirt connection URIs, checked before use: driver[+transport]://[user@][host][:port]/path[?options]
namespace Flotilla::NodeUri
{

struct Parts {
    QString driver; ///< "qemu" or "test"
    QString transport; ///< "", "unix", "ssh", "libssh", "libssh2", "tls", "tcp"
    QString user;
    QString host;
    int port = -1;
    QString path;
    QString query;
    /// The URI turns off the check of the node's identity (no_verify=1 and
    /// the like): allowed, but only with the person's consent.
    bool skipsVerification = false;

    [[nodiscard]] bool isRemote() const { return !host.isEmpty(); }
};

/// Splits @p uri and checks each part; the error says what is wrong and
/// what a right one looks like. Local test-driver files must exist. Options
/// that would run a program, and options not known to be harmless, are
/// refused (see checkOptions()).
[[nodiscard]] Result<Parts> validate(const QString &uri);

} // namespace Flotilla::NodeUri
