// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirtdaemon.h"

#include <algorithm>

#include "daemonguard.h"
#include "tlscertificates.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <array>
#include <csignal>
#include <fcntl.h>
#include <mutex>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace std::chrono_literals;

namespace Flotilla::Testing
{

using Daemons::accepts;
using Daemons::freePort;
using Daemons::Guard;

// Started with fork() and exec() rather than QProcess, so that any thread
// may start, signal and stop it (a test keeps its UI thread free that way).
LibvirtDaemon::LibvirtDaemon(Driver driver)
    : m_driver(driver)
{
}

LibvirtDaemon::~LibvirtDaemon()
{
    stop();
}

Result<bool> LibvirtDaemon::writeConfiguration() const
{
    QFile file(m_folder.filePath(QStringLiteral("libvirtd.conf")));
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{
            .message = QStringLiteral("cannot write the libvirtd configuration"), .details = file.errorString()};
    }
    file.write(QStringLiteral("listen_tls = %3\n"
                              "listen_tcp = 1\n"
                              "listen_addr = \"127.0.0.1\"\n"
                              "tcp_port = \"%1\"\n"
                              "auth_tcp = \"none\"\n"
                              "unix_sock_dir = \"%2\"\n"
                              "max_clients = 1000\n"
                              "max_workers = 40\n"
                              "log_outputs = \"3:stderr\"\n"
                              "host_uuid = \"%4\"\n")
            .arg(m_port)
            .arg(m_folder.path())
            .arg(m_tlsPort > 0 ? 1 : 0)
            .arg(m_hostUuid)
            .toUtf8());
    if (m_tlsPort > 0) {
        file.write(QStringLiteral("tls_port = \"%1\"\n"
                                  "auth_tls = \"none\"\n"
                                  "ca_file = \"%2/cacert.pem\"\n"
                                  "cert_file = \"%2/servercert.pem\"\n"
                                  "key_file = \"%2/serverkey.pem\"\n")
                .arg(m_tlsPort)
                .arg(m_folder.filePath(QStringLiteral("pki")))
                .toUtf8());
    }
    if (m_driver == Driver::Qemu) {
        // As the issue notes for these machines: no namespaces, cgroups or
        // security driver inside the build root; QEMU logs straight to files.
        QFile qemu(m_folder.filePath(QStringLiteral("qemu.conf")));
        if (!qemu.open(QIODevice::WriteOnly)) {
            return Error{.message = QStringLiteral("cannot write qemu.conf"), .details = qemu.errorString()};
        }
        qemu.write("namespaces = []\n"
                   "cgroup_controllers = []\n"
                   "security_driver = \"none\"\n"
                   "user = \"root\"\n"
                   "group = \"root\"\n"
                   "dynamic_ownership = 0\n"
                   "remember_owner = 0\n"
                   "stdio_handler = \"file\"\n");
    }
    return true;
}

Result<bool> LibvirtDaemon::start()
{
    const QString libvirtd = QStandardPaths::findExecutable(
        QStringLiteral("libvirtd"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    if (libvirtd.isEmpty()) {
        return Error{.message = QStringLiteral("libvirtd is not installed (Debian package libvirt-daemon)")};
    }
    // Forked before any port is taken or daemon forked, so that it holds a
    // copy of neither (it also closes what it was given: see the guard).
    Guard::start();
    if (m_port == 0) {
        m_port = freePort();
    }
    if (Result<bool> written = writeConfiguration(); !written) {
        return written;
    }
    if (m_driver == Driver::Qemu && geteuid() != 0) {
        return Error{
            .message = QStringLiteral("the QEMU daemon of the tests runs as root (run them through tools/devenv)")};
    }
    const QString arguments = QStringLiteral("--listen -f %1/libvirtd.conf -p %1/libvirtd.pid").arg(m_folder.path());
    const QString program
        = m_niceness > 0 ? QStringLiteral("nice -n %1 %2").arg(std::clamp(m_niceness, 1, 19)).arg(libvirtd) : libvirtd;
    const QString qemuMounts = m_driver == Driver::Qemu
        // /run/lock: where libvirt locks a console's pty (/var/lock is a link to it)
        // /var/lib/libvirt/boot: where virt-install keeps its seeds (see bootFolder());
        // the machines' and pools' definitions in folders of this daemon's own, kept across its restarts
        ? QStringLiteral(
              "mkdir -p /run/lock /var/log/libvirt /var/lib/libvirt/boot /etc/libvirt/qemu /etc/libvirt/storage "
              "%1/boot %1/machines %1/pools && "
              "mount -t tmpfs tmpfs /var/log/libvirt && mount --bind %1/qemu.conf /etc/libvirt/qemu.conf && "
              "mount --bind %1/boot /var/lib/libvirt/boot && mount --bind %1/machines /etc/libvirt/qemu && "
              "mount --bind %1/pools /etc/libvirt/storage && ")
              .arg(m_folder.path())
        : QString();
    // As root: its own /run and state folders, so it meets no other libvirtd.
    const QString script = geteuid() == 0
        ? QStringLiteral("exec unshare --mount --propagation unchanged sh -c "
                         "'mount -t tmpfs tmpfs /run && mount -t tmpfs tmpfs /var/lib/libvirt && "
                         "mount -t tmpfs tmpfs /var/cache/libvirt && %3exec %1 %2'")
              .arg(program, arguments, qemuMounts)
        : QStringLiteral("exec %1 %2").arg(program, arguments);
    const QByteArray command = script.toUtf8();
    const QByteArray logPath = m_folder.filePath(QStringLiteral("libvirtd.log")).toUtf8();
    const pid_t child = fork();
    if (child == 0) {
        const int log = open(logPath.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        dup2(log, STDOUT_FILENO);
        dup2(log, STDERR_FILENO);
        execl("/bin/sh", "sh", "-c", command.constData(), static_cast<char *>(nullptr));
        _exit(127);
    }
    if (child < 0) {
        return Error{.message = QStringLiteral("cannot start libvirtd: fork failed")};
    }
    m_pid = child;
    Guard::watch(m_pid);
    const QDeadlineTimer deadline(15s);
    while (!deadline.hasExpired()) {
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            Guard::forget(std::exchange(m_pid, 0));
            return Error{.message = QStringLiteral("libvirtd stopped at start"), .details = log()};
        }
        if (accepts(m_port)) {
            return true;
        }
        QThread::msleep(50);
    }
    stop();
    return Error{
        .message = QStringLiteral("libvirtd did not listen on port %1 within 15 s").arg(m_port), .details = log()};
}

bool LibvirtDaemon::waitForExit(std::chrono::milliseconds limit)
{
    const QDeadlineTimer deadline(limit);
    while (m_pid > 0) {
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            Guard::forget(std::exchange(m_pid, 0));
            return true;
        }
        if (deadline.hasExpired()) {
            return false;
        }
        QThread::msleep(10);
    }
    return true;
}

void LibvirtDaemon::stop()
{
    if (m_pid <= 0) {
        return;
    }
    resume();
    ::kill(m_pid, SIGTERM);
    if (!waitForExit(5s)) {
        kill();
    }
}

void LibvirtDaemon::kill()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        waitForExit(5s);
    }
}

void LibvirtDaemon::pause()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGSTOP);
    }
}

void LibvirtDaemon::resume()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGCONT);
    }
}

QString LibvirtDaemon::uri(const QString &path) const
{
    return QStringLiteral("test+tcp://127.0.0.1:%1%2").arg(m_port).arg(path);
}

QString LibvirtDaemon::qemuUri() const
{
    return QStringLiteral("qemu+unix:///system?socket=") + qemuSocket();
}

Result<bool> LibvirtDaemon::offerTls()
{
    const QString pki = m_folder.filePath(QStringLiteral("pki"));
    if (!QDir().mkpath(pki)) {
        return Error{.message = QStringLiteral("cannot make ") + pki};
    }
    if (Result<bool> made = makeTlsCertificates(pki); !made) {
        return made;
    }
    m_tlsPort = freePort();
    return true;
}

QString LibvirtDaemon::qemuTlsUri() const
{
    return QStringLiteral("qemu+tls://127.0.0.1:%1/system?pkipath=%2")
        .arg(m_tlsPort)
        .arg(m_folder.filePath(QStringLiteral("pki")));
}

QString LibvirtDaemon::qemuSocket() const
{
    return m_folder.filePath(QStringLiteral("libvirt-sock"));
}

QString LibvirtDaemon::qemuTcpUri() const
{
    return QStringLiteral("qemu+tcp://127.0.0.1:%1/system").arg(m_port);
}

QString LibvirtDaemon::bootFolder() const
{
    return m_folder.filePath(QStringLiteral("boot"));
}

QString LibvirtDaemon::log() const
{
    QFile file(m_folder.filePath(QStringLiteral("libvirtd.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace Flotilla::Testing
