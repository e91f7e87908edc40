// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"

#include <QPointer>
#include <QTest>

using namespace Flotilla;
using Flotilla::Testing::AppWindow;

/// The application's real window on the demo fleet, under Xvfb: it must
/// load without one QML warning, show the fleet, and let a person move
/// between its pages. Screenshots land in $FLOTILLA_TEST_ARTIFACTS.
class MainWindowTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    AppWindow m_app;

    QQuickItem *item(const char *name) const { return m_app.item(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_app.open()); }

    void showsTheNodes()
    {
        QVERIFY(m_app.call("showNodes"));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeList"), timeoutMs);
        QCOMPARE(item("nodeList")->property("count").toInt(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
        QVERIFY(m_app.screenshot(QStringLiteral("nodes")));
    }

    void opensANodeWithItsMachines()
    {
        QQuickItem *list = item("nodeList");
        QVERIFY(list);
        // Click the first node as a person would.
        QQuickItem *contentItem = list->property("contentItem").value<QQuickItem *>();
        QVERIFY(contentItem && !contentItem->childItems().isEmpty());
        QQuickItem *first = nullptr;
        for (QQuickItem *child : contentItem->childItems()) {
            if (child->property("index").toInt() == 0 && child->height() > 0) {
                first = child;
            }
        }
        QVERIFY(m_app.click(first));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeMachineList"), timeoutMs);
        QTRY_COMPARE(item("nodeMachineList")->property("count").toInt(), 12); // the Berlin home server
        // Its storage pools, each with its use.
        QTRY_VERIFY(item("nodePools") && item("nodePools")->isVisible());
        QVERIFY(m_app.screenshot(QStringLiteral("node")));
    }

    void disconnectsAndReconnectsANode()
    {
        Fleet &fleet = m_app.fleet();
        QVERIFY(m_app.click(item("disconnectButton")));
        QTRY_COMPARE_WITH_TIMEOUT(fleet.nodes().first().status.state, NodeState::Disconnected, timeoutMs);
        QTRY_VERIFY(item("reconnectButton") && item("reconnectButton")->isVisible());
        QVERIFY(m_app.click(item("reconnectButton")));
        QTRY_COMPARE_WITH_TIMEOUT(fleet.nodes().first().status.state, NodeState::Connected, timeoutMs);
        QTRY_VERIFY(item("disconnectButton") && item("disconnectButton")->isVisible());
    }

    void searchesTheMachines()
    {
        QVERIFY(m_app.call("showMachines"));
        QTRY_VERIFY_WITH_TIMEOUT(item("machineList"), timeoutMs);
        QTRY_COMPARE(item("machineList")->property("count").toInt(), 60);
        QVERIFY(m_app.screenshot(QStringLiteral("machines")));
        QVERIFY(m_app.type(item("machineSearch"), QStringLiteral("k3s")));
        QTRY_COMPARE(item("machineList")->property("count").toInt(), 7);
    }

    void signsInToANodeThatAsks()
    {
        Fleet &fleet = m_app.fleet();
        fleet.credentials()->setUseKeyring(false); // no desktop keyring here
        fleet.addNode(NodeEntry{.id = QStringLiteral("locked"),
            .name = QStringLiteral("Locked"),
            .uri = QStringLiteral("test://") + QFINDTESTDATA("../data/auth-node.xml")});
        // libvirt's test driver asks for the user name, then for the password.
        for (const QString &answer : {QStringLiteral("fred"), QStringLiteral("correct horse")}) {
            QTRY_VERIFY_WITH_TIMEOUT(item("credentialField0") && item("credentialField0")->isVisible(), timeoutMs);
            const QPointer<QQuickItem> field = item("credentialField0"); // goes with the question
            QTRY_VERIFY(field->hasActiveFocus());
            if (answer == QLatin1StringView("fred")) {
                QVERIFY(m_app.screenshot(QStringLiteral("credentials")));
            }
            field->setProperty("text", QString());
            for (const QChar character : answer) {
                QTest::keyClick(m_app.window(), character.toLatin1());
            }
            QCOMPARE(field->property("text").toString(), answer);
            QTest::keyClick(m_app.window(), Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(!field || !field->isVisible(), timeoutMs);
        }
        const qsizetype locked = fleet.indexOf(QStringLiteral("locked"));
        QTRY_COMPARE_WITH_TIMEOUT(fleet.nodes().at(locked).status.state, NodeState::Connected, timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(fleet.nodes().at(locked).hasInventory, timeoutMs);
    }

    void raisedNoWarning()
    {
        const QStringList warnings = m_app.warnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
