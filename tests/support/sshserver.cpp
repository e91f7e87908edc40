// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "sshserver.h"

#include "daemonguard.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <QUrlQuery>

#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace std::chrono_literals;

namespace Flotilla::Testing
{

namespace
{
Result<bool> run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        return Error{.message = program + QStringLiteral(" failed"), .details = QString::fromUtf8(process.readAll())};
    }
    return true;
}

Result<bool> write(const QString &path, const QByteArray &bytes, QFile::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.setPermissions(permissions)) {
        return Error{.message = QStringLiteral("cannot write ") + path, .details = file.errorString()};
    }
    return true;
}
} // namespace

SshServer::~SshServer()
{
    stop();
}

Result<bool> SshServer::writeFiles() const
{
    const QString folder = m_folder.path();
    for (const QString &key : {QStringLiteral("host"), QStringLiteral("client")}) {
        if (Result<bool> made = run(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                    QStringLiteral("-f"), folder + QLatin1Char('/') + key});
            !made) {
            return made;
        }
    }
    if (!QFile::copy(folder + QStringLiteral("/client.pub"), folder + QStringLiteral("/authorized_keys"))) {
        return Error{.message = QStringLiteral("cannot write the authorized keys")};
    }
    const QByteArray config = QStringLiteral("Port %1\n"
                                             "ListenAddress 127.0.0.1\n"
                                             "HostKey %2/host\n"
                                             "PidFile %2/sshd.pid\n"
                                             "AuthorizedKeysFile %2/authorized_keys\n"
                                             "PermitRootLogin prohibit-password\n"
                                             "PasswordAuthentication no\n"
                                             "KbdInteractiveAuthentication no\n"
                                             "UsePAM no\n"
                                             "StrictModes no\n")
                                  .arg(m_port)
                                  .arg(folder)
                                  .toUtf8();
    // The client libvirt runs: the test's key, and no host keys kept (the
    // server's is new each run), instead of root's own ~/.ssh.
    const QByteArray client = QStringLiteral("#!/bin/sh\n"
                                             "exec ssh -F /dev/null -i %1/client -o IdentitiesOnly=yes "
                                             "-o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no "
                                             "-o LogLevel=ERROR \"$@\"\n")
                                  .arg(folder)
                                  .toUtf8();
    if (Result<bool> written
        = write(folder + QStringLiteral("/sshd_config"), config, QFile::ReadOwner | QFile::WriteOwner);
        !written) {
        return written;
    }
    return write(folder + QStringLiteral("/ssh"), client, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

Result<bool> SshServer::start()
{
    if (geteuid() != 0) {
        return Error{
            .message = QStringLiteral("the SSH server of the tests logs root in (run them through tools/devenv)")};
    }
    if (!QFile::exists(QStringLiteral("/usr/sbin/sshd"))) {
        return Error{.message = QStringLiteral("/usr/sbin/sshd is missing (package openssh-server)")};
    }
    m_port = Daemons::freePort();
    if (Result<bool> written = writeFiles(); !written) {
        return written;
    }
    QDir().mkpath(QStringLiteral("/run/sshd")); // its privilege separation folder
    const QByteArray config = m_folder.filePath(QStringLiteral("sshd_config")).toUtf8();
    const QByteArray logPath = m_folder.filePath(QStringLiteral("sshd.log")).toUtf8();
    Daemons::Guard::start();
    const pid_t child = fork();
    if (child == 0) {
        const int log = open(logPath.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        dup2(log, STDOUT_FILENO);
        dup2(log, STDERR_FILENO);
        execl("/usr/sbin/sshd", "/usr/sbin/sshd", "-D", "-e", "-f", config.constData(), static_cast<char *>(nullptr));
        _exit(127);
    }
    if (child < 0) {
        return Error{.message = QStringLiteral("cannot start sshd: fork failed")};
    }
    m_pid = child;
    Daemons::Guard::watch(m_pid);
    const QDeadlineTimer deadline(15s);
    while (!deadline.hasExpired()) {
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            Daemons::Guard::forget(std::exchange(m_pid, 0));
            QFile log(QString::fromUtf8(logPath));
            (void)log.open(QIODevice::ReadOnly);
            return Error{
                .message = QStringLiteral("sshd stopped at start"), .details = QString::fromUtf8(log.readAll())};
        }
        if (Daemons::accepts(m_port)) {
            return true;
        }
        QThread::msleep(50);
    }
    stop();
    return Error{.message = QStringLiteral("sshd did not listen on port %1 within 15 s").arg(m_port)};
}

void SshServer::stop()
{
    if (m_pid <= 0) {
        return;
    }
    ::kill(m_pid, SIGTERM);
    int status = 0;
    waitpid(m_pid, &status, 0);
    Daemons::Guard::forget(std::exchange(m_pid, 0));
}

QString SshServer::libvirtUri(const QString &socket) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("command"), m_folder.filePath(QStringLiteral("ssh")));
    query.addQueryItem(QStringLiteral("proxy"), QStringLiteral("netcat"));
    query.addQueryItem(QStringLiteral("socket"), socket);
    query.addQueryItem(QStringLiteral("no_tty"), QStringLiteral("1"));
    return QStringLiteral("qemu+ssh://root@127.0.0.1:%1/system?").arg(m_port) + query.toString(QUrl::FullyEncoded);
}

} // namespace Flotilla::Testing
