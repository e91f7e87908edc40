// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"
#include "aside.h"
#include "libvirtdaemon.h"

#include <QTest>

#include <future>

using namespace Flotilla;
using Testing::aside;
using namespace std::chrono_literals;
using Flotilla::Testing::AppWindow;

/// The real window with a node behind a real libvirtd that stops (SIGSTOP):
/// its row in the node list, and its machine's row in the machine list, say
/// it is not answering, until it answers again.
class NotAnsweringTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    AppWindow m_app;
    Testing::LibvirtDaemon m_daemon;
    const QString id = QStringLiteral("remote");

    QQuickItem *item(const char *name) const { return m_app.item(name); }

    /// The texts of the items under @p parent whose object name starts with @p prefix.
    static QStringList textsOf(QQuickItem *parent, QLatin1StringView prefix)
    {
        QStringList texts;
        for (QQuickItem *child : parent->childItems()) {
            if (child->objectName().startsWith(prefix) && child->isVisible()) {
                texts.append(child->property("text").toString());
            }
            texts += textsOf(child, prefix);
        }
        return texts;
    }

    QStringList machineCells() const
    {
        return textsOf(m_app.window()->contentItem(), QLatin1StringView("machineCell:"));
    }

    bool answering() const { return m_app.fleet().heartbeat().isAnswering(id); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_app.open());
        QVERIFY(m_daemon.start().ok());
        m_app.fleet().addNode(NodeEntry{.id = id, .name = QStringLiteral("Remote"), .uri = m_daemon.uri()});
        const qsizetype index = m_app.fleet().indexOf(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleet().nodes().at(index).hasInventory, timeoutMs);
    }

    void cleanupTestCase() { m_daemon.resume(); }

    void showsAStoppedNodeAsNotAnswering()
    {
        QVERIFY(m_app.call("showMachines"));
        QTRY_VERIFY_WITH_TIMEOUT(item("machineList"), timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            item("machineList")->property("count").toInt(), 61, timeoutMs); // the test fleet's 60, and one
        // Typed key by key, this search lost every key after the first here; it is not what this test is about.
        item("machineSearch")->setProperty("text", QStringLiteral("node:remote"));
        QTRY_VERIFY2_WITH_TIMEOUT(item("machineList")->property("count").toInt() == 1,
            qPrintable(QStringLiteral("%1 rows for “%2”")
                    .arg(item("machineList")->property("count").toInt())
                    .arg(item("machineSearch")->property("text").toString())),
            timeoutMs);
        QTRY_VERIFY(machineCells().contains(QStringLiteral("Running")));

        aside([this] { m_daemon.pause(); });
        QTRY_VERIFY_WITH_TIMEOUT(!answering(), 10000);
        QTRY_VERIFY(machineCells().contains(QStringLiteral("Not answering")));
        QVERIFY(!machineCells().contains(QStringLiteral("Running")));
        QVERIFY(m_app.screenshot(QStringLiteral("machines-not-answering")));

        // A bulk action on its machines asks first, naming the node; nothing is sent.
        QVERIFY(QMetaObject::invokeMethod(item("machinesPage"), "selectAll"));
        QObject *shutdown = item("machinesPage")->findChild<QObject *>(QStringLiteral("shutdownAction"));
        QVERIFY(shutdown);
        QTRY_VERIFY(shutdown->property("enabled").toBool() && shutdown->property("visible").toBool());
        QVERIFY(QMetaObject::invokeMethod(shutdown, "trigger"));
        QObject *dialog = item("machinesPage")->findChild<QObject *>(QStringLiteral("machineConfirmation"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("visible").toBool());
        QCOMPARE(dialog->property("silentNodes").toStringList(), QStringList{QStringLiteral("Remote")});
        auto *warning = AppWindow::find(m_app.window()->contentItem(), QLatin1StringView("silentNodesWarning"));
        if (!warning) {
            warning = dialog->findChild<QQuickItem *>(QStringLiteral("silentNodesWarning"));
        }
        QVERIFY(warning);
        QTRY_VERIFY(warning->isVisible());
        QVERIFY2(warning->property("text").toString().contains(QStringLiteral("Not answering: Remote")),
            qPrintable(warning->property("text").toString()));
        QVERIFY(m_app.waitUntilOpened(warning)); // the dialog has finished fading in
        QVERIFY(m_app.screenshot(QStringLiteral("machines-not-answering-confirm")));
        QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QVERIFY(QMetaObject::invokeMethod(item("machinesPage"), "clearSelection"));

        // The machine's own page says so too, and asks before a single action.
        QQuickItem *row = nullptr;
        QTRY_VERIFY((row = m_app.rowInView("machineList")));
        QVERIFY(m_app.click(row));
        QTRY_VERIFY_WITH_TIMEOUT(item("machineNodeNotAnswering"), timeoutMs);
        QTRY_VERIFY(item("machineNodeNotAnswering")->isVisible());
        const QString pageWarning = item("machineNodeNotAnswering")->property("text").toString();
        QVERIFY2(pageWarning.startsWith(QStringLiteral("Remote: Not answering, last heard")), qPrintable(pageWarning));
        QObject *pageShutdown = item("machinePage")->findChild<QObject *>(QStringLiteral("machineShutdown"));
        QVERIFY(pageShutdown);
        QTRY_VERIFY(pageShutdown->property("visible").toBool());
        QVERIFY(QMetaObject::invokeMethod(pageShutdown, "trigger"));
        QObject *pageDialog = item("machinePage")->findChild<QObject *>(QStringLiteral("machineConfirmation"));
        QVERIFY(pageDialog);
        QTRY_VERIFY(pageDialog->property("visible").toBool());
        QCOMPARE(pageDialog->property("silentNodes").toStringList(), QStringList{QStringLiteral("Remote")});
        QVERIFY(QMetaObject::invokeMethod(pageDialog, "close"));
        QTRY_VERIFY(!pageDialog->property("visible").toBool());
        QVERIFY(m_app.screenshot(QStringLiteral("machine-not-answering")));

        QVERIFY(m_app.call("showNodes"));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeLastHeard:remote") && item("nodeLastHeard:remote")->isVisible(), timeoutMs);
        const QString lastHeard = item("nodeLastHeard:remote")->property("text").toString();
        QVERIFY2(lastHeard.startsWith(QStringLiteral("Not answering, last heard")), qPrintable(lastHeard));
        // It counts up while the person looks.
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeLastHeard:remote")->property("text").toString() != lastHeard, 5000);
        QVERIFY(m_app.screenshot(QStringLiteral("nodes-not-answering")));

        aside([this] { m_daemon.resume(); });
        QTRY_VERIFY_WITH_TIMEOUT(answering(), 10000);
        QTRY_VERIFY(!item("nodeLastHeard:remote")->isVisible());
    }

    void raisedNoWarning()
    {
        const QStringList warnings = m_app.warnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(NotAnsweringTest)
#include "tst_notanswering.moc"
