// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "daemonguard.h"

#include <QMutex>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>

#include <array>
#include <csignal>
#include <fcntl.h>
#include <mutex>
#include <sys/prctl.h>
#include <unistd.h>

namespace Flotilla::Testing::Daemons
{

namespace
{

/// The daemons outlive nothing: a guard process, forked once, learns each
/// daemon's PID through a pipe whose only writing end is this process's. When
/// this process ends, however it ends (a normal exit, an exception, a signal,
/// a crash, even SIGKILL), the kernel closes that end, the guard reads the end
/// of the pipe and kills every daemon still listed. (PR_SET_PDEATHSIG in the
/// daemon would not do: it fires when the *thread* that forked it ends, and
/// tests start daemons from short-lived threads.)
class GuardProcess
{
public:
    static GuardProcess &instance()
    {
        static GuardProcess guard;
        return guard;
    }

    void send(pid_t pid)
    {
        const std::lock_guard lock(m_mutex);
        if (m_writer >= 0) {
            (void)!write(m_writer, &pid, sizeof pid);
        }
    }

private:
    GuardProcess()
    {
        int ends[2];
        if (pipe2(ends, O_CLOEXEC) != 0) {
            return;
        }
        const pid_t guard = fork();
        if (guard == 0) {
            close(ends[1]);
            guardLoop(ends[0]);
        }
        close(ends[0]);
        m_writer = guard > 0 ? ends[1] : -1;
        if (guard < 0) {
            close(ends[1]);
        }
    }

    /// In the forked guard: async-signal-safe calls only.
    [[noreturn]] static void guardLoop(int reader)
    {
        // The guard keeps nothing of its parent's but the pipe: forked while
        // another thread held a port it had just found free (freePort), it
        // kept that port listening, the daemon given it could not bind, and
        // the readiness probe took the guard's backlog for the daemon; the
        // benchmark then waited forever for a daemon that had never started.
        if (reader > STDERR_FILENO + 1) {
            close_range(STDERR_FILENO + 1, unsigned(reader) - 1, 0);
        }
        close_range(unsigned(reader) + 1, ~0U, 0);
        // Ctrl-C or a SIGTERM to the whole group must not take the guard before its parent.
        signal(SIGINT, SIG_IGN);
        signal(SIGTERM, SIG_IGN);
        signal(SIGHUP, SIG_IGN);
        prctl(PR_SET_NAME, "libvirtd-guard");
        std::array<pid_t, 1024> pids{};
        pid_t pid = 0;
        while (read(reader, &pid, sizeof pid) == sizeof pid) {
            for (pid_t &slot : pids) {
                if (pid > 0 ? slot == 0 : slot == -pid) {
                    slot = pid > 0 ? pid : 0;
                    break;
                }
            }
        }
        for (const pid_t daemon : pids) {
            if (daemon > 0) {
                ::kill(daemon, SIGKILL);
            }
        }
        _exit(0);
    }

    std::mutex m_mutex;
    int m_writer = -1;
};

} // namespace

/// A port nobody listens on, and that no other daemon of this process was
/// given: daemons started side by side could otherwise be handed the same
/// port between its test here and their own bind. The second daemon then
/// fails to listen, and the first one's answer looks like its own (the
/// benchmark saw two nodes on one daemon).
int freePort()
{
    static QMutex mutex;
    static QSet<int> given;
    const QMutexLocker lock(&mutex);
    for (;;) {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        const int port = server.serverPort();
        if (port == 0 || !given.contains(port)) { // 0: no port at all, which start() reports
            given.insert(port);
            return port;
        }
    }
}

bool accepts(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    return socket.waitForConnected(200);
}

void Guard::start()
{
    (void)GuardProcess::instance();
}

void Guard::watch(pid_t pid)
{
    GuardProcess::instance().send(pid);
}

void Guard::forget(pid_t pid)
{
    GuardProcess::instance().send(-pid);
}

} // namespace Flotilla::Testing::Daemons
