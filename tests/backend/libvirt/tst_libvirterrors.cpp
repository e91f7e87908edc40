// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "aside.h"
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"

#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <future>
#include <unistd.h>

using namespace Flotilla;
using Testing::aside;
using namespace std::chrono_literals;

namespace
{
// Session threads log too, at the same time as the test's own: the lists
// are only touched under this lock.
QMutex s_logLock;
QStringList s_libvirtLog; ///< what flotilla.libvirt said, at debug level
QStringList s_otherLog; ///< everything else Qt logged (kept off stderr too)

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&s_logLock);
    if (type == QtDebugMsg && qstrcmp(context.category, "flotilla.libvirt") == 0) {
        s_libvirtLog.append(message);
    } else {
        s_otherLog.append(message);
    }
}
} // namespace

// libvirt's errors go into Flotilla's log, not to stderr: a daemon killed
// under a connected node, and the reconnects that fail after it, print
// nothing of libvirt's (it used to be a dozen lines per lost node).
class LibvirtErrorsTest : public QObject
{
    Q_OBJECT

    QTemporaryFile m_stderr;
    int m_savedStderr = -1;

    /// Gives stderr back, and returns what was written to it meanwhile.
    QString restoreStderr()
    {
        fflush(stderr);
        dup2(m_savedStderr, STDERR_FILENO);
        close(m_savedStderr);
        m_savedStderr = -1;
        m_stderr.seek(0);
        return QString::fromUtf8(m_stderr.readAll());
    }

private Q_SLOTS:
    void aLostNodePrintsNothingOfLibvirts()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(qEnvironmentVariableIsEmpty("LIBVIRT_LOG_OUTPUTS"));
        QVERIFY(qEnvironmentVariableIsEmpty("LIBVIRT_DEBUG"));
        QLoggingCategory::setFilterRules(QStringLiteral("flotilla.libvirt.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        // Everything written to stderr from here on, by any thread, lands in a file.
        QVERIFY(m_stderr.open());
        fflush(stderr);
        m_savedStderr = dup(STDERR_FILENO);
        dup2(m_stderr.handle(), STDERR_FILENO);

        Libvirt::initialize();
        Testing::LibvirtDaemon daemon;
        const bool started = daemon.start().ok();
        Fleet fleet;
        fleet.setResyncInterval(1h);
        fleet.addNode(NodeEntry{.id = QStringLiteral("remote"), .name = QStringLiteral("Remote"), .uri = daemon.uri()});
        const bool read = QTest::qWaitFor([&fleet] { return fleet.nodes().first().hasInventory; }, 20000);
        aside([&daemon] { daemon.kill(); });
        // Lost, then two attempts that find no daemon.
        const bool retried = QTest::qWaitFor([&fleet] { return fleet.nodes().first().status.attempt >= 2; }, 20000);

        const QString printed = restoreStderr();
        qInstallMessageHandler(previous);
        const QMutexLocker lock(&s_logLock);
        QVERIFY(started);
        QVERIFY(read);
        QVERIFY(retried);
        QVERIFY2(printed.isEmpty(), qPrintable(QStringLiteral("printed to stderr:\n") + printed));
        QVERIFY2(!s_libvirtLog.isEmpty(), qPrintable(s_otherLog.join(u'\n')));
        // The failed reconnects, as libvirt said them, in our category.
        QVERIFY2(std::ranges::any_of(
                     s_libvirtLog, [](const QString &line) { return line.contains(QStringLiteral("libvirt error")); }),
            qPrintable(s_libvirtLog.join(u'\n')));
        qInfo().noquote() << "libvirt's errors in flotilla.libvirt:" << s_libvirtLog.size() << "lines, such as"
                          << s_libvirtLog.first();
    }
};

QTEST_GUILESS_MAIN(LibvirtErrorsTest)
#include "tst_libvirterrors.moc"
