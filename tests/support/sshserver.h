// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QTemporaryDir>

#include <sys/types.h>

namespace Flotilla::Testing
{

/// An OpenSSH server on 127.0.0.1 only, for nodes reached over SSH as a
/// remote node is: its host key, a client key it takes for root, and its
/// configuration in a temporary folder. Needs root (it logs root in);
/// stopped by its PID, never by name, and killed with the test process.
class SshServer
{
public:
    SshServer() = default;
    ~SshServer();

    SshServer(const SshServer &) = delete;
    SshServer &operator=(const SshServer &) = delete;

    /// Makes the keys, starts sshd on a free port, and waits until it listens.
    [[nodiscard]] Result<bool> start();
    void stop();

    /// The URI of a libvirt daemon on this computer reached through this
    /// server: qemu+ssh://root@127.0.0.1:PORT/system, through @p socket
    /// (the daemon's own Unix socket) on the far side, with a client that
    /// uses the test's key and keeps no host keys.
    [[nodiscard]] QString libvirtUri(const QString &socket) const;

private:
    [[nodiscard]] Result<bool> writeFiles() const;

    QTemporaryDir m_folder;
    pid_t m_pid = 0;
    int m_port = 0;
};

} // namespace Flotilla::Testing
