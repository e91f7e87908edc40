// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirtdaemon.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Flotilla;

// A private libvirtd never outlives the process that started it, however
// that process ends: an orphaned daemon once held its lock for the next run.
class DaemonGuardTest : public QObject
{
    Q_OBJECT

    /// No such process, or only its exit status is left.
    static bool gone(pid_t pid)
    {
        waitpid(pid, nullptr, WNOHANG); // reaped here if it came to this process
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly)) {
            return true;
        }
        const QByteArray line = stat.readAll();
        const qsizetype state = line.lastIndexOf(')') + 2;
        return state < line.size() && (line.at(state) == 'Z' || line.at(state) == 'X');
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Orphans come to this process, which can then see them go.
        QCOMPARE(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    }

    void daemonEndsWithItsProcess_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGINT") << SIGINT;
        QTest::newRow("crash (SIGSEGV)") << SIGSEGV;
        QTest::newRow("SIGKILL") << SIGKILL;
    }

    void daemonEndsWithItsProcess()
    {
        QFETCH(int, signal);
        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--hold-daemon")});
        QVERIFY(holder.waitForStarted());
        QVERIFY(holder.waitForReadyRead(20000));
        const pid_t daemon = pid_t(holder.readLine().trimmed().toLongLong());
        QVERIFY(daemon > 0);
        QCOMPARE(::kill(daemon, 0), 0);

        ::kill(pid_t(holder.processId()), signal);
        QVERIFY(holder.waitForFinished(5000));
        const auto cleanUp = qScopeGuard([daemon] {
            if (!gone(daemon)) {
                ::kill(daemon, SIGKILL); // leave no orphan behind, even when failing
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(gone(daemon), 5000);
    }

    void normalExitStopsTheDaemon()
    {
        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--start-daemon-and-exit")});
        QVERIFY(holder.waitForFinished(20000));
        QCOMPARE(holder.exitCode(), 0);
        const pid_t daemon = pid_t(holder.readAllStandardOutput().trimmed().toLongLong());
        QVERIFY(daemon > 0);
        QVERIFY(gone(daemon));
    }
};

/// In the child: starts a daemon, prints its PID, and waits to be ended (or ends at once).
static int holdDaemon(bool wait)
{
    Testing::LibvirtDaemon daemon;
    if (Result<bool> started = daemon.start(); !started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().text()));
        return 1;
    }
    std::printf("%lld\n", static_cast<long long>(daemon.pid()));
    std::fflush(stdout);
    while (wait) {
        pause();
    }
    return 0;
}

int main(int argc, char *argv[])
{
    if (argc > 1 && (qstrcmp(argv[1], "--hold-daemon") == 0 || qstrcmp(argv[1], "--start-daemon-and-exit") == 0)) {
        QCoreApplication app(argc, argv);
        return holdDaemon(qstrcmp(argv[1], "--hold-daemon") == 0);
    }
    QCoreApplication app(argc, argv);
    DaemonGuardTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_daemonguard.moc"
