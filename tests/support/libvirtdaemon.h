// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QTemporaryDir>
#include <QUuid>

#include <chrono>
#include <sys/types.h>

namespace Flotilla::Testing
{

/// A real libvirtd for tests and benchmarks, serving libvirt's test driver
/// on 127.0.0.1 only (test+tcp://127.0.0.1:PORT/...), with its sockets,
/// configuration and log in a temporary folder. As root it runs in a mount
/// namespace of its own with a private /run, so it never meets another
/// libvirtd's pid files. It is stopped by its PID, never by name.
class LibvirtDaemon
{
public:
    enum class Driver {
        Test, ///< the test driver over TCP (any user)
        Qemu, ///< the QEMU driver too, privileged, reached through its Unix socket (needs root)
    };

    explicit LibvirtDaemon(Driver driver = Driver::Test);
    ~LibvirtDaemon();

    LibvirtDaemon(const LibvirtDaemon &) = delete;
    LibvirtDaemon &operator=(const LibvirtDaemon &) = delete;

    /// Starts it (on a free port the first time, on the same port after a
    /// kill) and waits until it accepts connections.
    [[nodiscard]] Result<bool> start();
    /// Listens for TLS on 127.0.0.1 too, from the next start(): with a CA,
    /// a server certificate and a client's of its own (see qemuTlsUri()).
    [[nodiscard]] Result<bool> offerTls();
    /// Runs it at nice level @p niceness (0 to 19) from the next start(): a
    /// benchmark's nodes, whose work runs on computers of their own in a real
    /// fleet, then take no CPU from the desktop's UI thread that it measures.
    void setNiceness(int niceness) { m_niceness = niceness; }
    void stop(); ///< SIGTERM, then SIGKILL if it lingers
    void kill(); ///< SIGKILL: a crash, as the node sees it
    void pause(); ///< SIGSTOP: a hang
    void resume(); ///< SIGCONT

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] qint64 pid() const { return m_pid; }
    /// test+tcp://127.0.0.1:PORT@p path; "/default" is shared by every connection to this daemon.
    [[nodiscard]] QString uri(const QString &path = QStringLiteral("/default")) const;
    /// qemu+unix:///system through this daemon's own socket (Driver::Qemu).
    [[nodiscard]] QString qemuUri() const;
    /// qemu+tls://127.0.0.1:PORT/system, with the client certificate that offerTls() made.
    [[nodiscard]] QString qemuTlsUri() const;
    /// The QEMU daemon's own Unix socket.
    [[nodiscard]] QString qemuSocket() const;
    /// qemu+tcp://127.0.0.1:PORT/system: the same QEMU driver over TCP, as a remote node is reached.
    [[nodiscard]] QString qemuTcpUri() const;
    [[nodiscard]] QString log() const;
    /// What the QEMU daemon sees as /var/lib/libvirt/boot, where a node's
    /// libvirt package keeps boot media and virt-install on the node's own
    /// computer writes its cloud-init seeds.
    [[nodiscard]] QString bootFolder() const;

private:
    [[nodiscard]] Result<bool> writeConfiguration() const;
    bool waitForExit(std::chrono::milliseconds limit);

    Driver m_driver;
    QTemporaryDir m_folder;
    pid_t m_pid = 0;
    int m_port = 0;
    int m_niceness = 0;
    int m_tlsPort = 0; ///< 0: no TLS
    /// Its own, as another computer's: libvirt refuses to migrate a machine
    /// to the host it is on, which it knows by this UUID.
    QString m_hostUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
};

} // namespace Flotilla::Testing
