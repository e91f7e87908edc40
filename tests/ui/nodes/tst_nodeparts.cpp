// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"

#include <QTest>

using namespace Flotilla;
using Flotilla::Testing::AppWindow;
using namespace Qt::StringLiterals;

/// A node's Storage and Networks pages driven as a person would, on the
/// test fleet: its pools and volumes with the machines that use them, a
/// pool and a volume made, a used volume kept with its machine named; its
/// networks with who is on them, a network that overlaps another refused
/// before it is sent, one made, and one in use kept running.
class NodePartsTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    const QString m_node = u"berlin-home"_s;
    AppWindow m_app;

    QQuickItem *item(const QString &name) const { return m_app.item(QLatin1StringView(name.toLatin1())); }

    QObject *dialog(const char *page, const char *name) const
    {
        return m_app.item(page)->findChild<QObject *>(QLatin1StringView(name));
    }

    [[nodiscard]] bool confirm(QObject *dialog, const char *action)
    {
        QObject *button = dialog->findChild<QObject *>(QLatin1StringView(action));
        return button && button->property("enabled").toBool() && QMetaObject::invokeMethod(button, "trigger");
    }

    /// The problem the page @p page shows (both pages may be on the stack, each with its own).
    QString problem(const char *page) const
    {
        QQuickItem *message = AppWindow::find(m_app.item(page), QLatin1StringView("nodePartsProblem"));
        return message && message->isVisible() ? message->property("text").toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_app.open());
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
    }

    void storage()
    {
        // From the node's page, under its pools.
        QVERIFY(QMetaObject::invokeMethod(m_app.window(), "openNode", Q_ARG(QString, m_node)));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"manageStorage"_s) && item(u"manageStorage"_s)->isVisible(), timeoutMs);
        QVERIFY(m_app.waitUntilStill(item(u"manageStorage"_s)));
        QVERIFY(m_app.click(item(u"manageStorage"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"volume:default/nextcloud.qcow2"_s), timeoutMs);
        QVERIFY(item(u"poolSize:default"_s)->property("text").toString().contains(u"free of"_s));
        QVERIFY(m_app.waitUntilStill(item(u"pool:default"_s)));
        QVERIFY(m_app.screenshot(u"node-storage"_s));

        // A volume a machine uses is kept, and the machine named.
        QVERIFY(m_app.click(item(u"deleteVolume:nextcloud.qcow2"_s)));
        QObject *remove = dialog("nodeStoragePage", "deleteVolumeDialog");
        QTRY_VERIFY(remove && remove->property("opened").toBool());
        QVERIFY(confirm(remove, "confirmDeleteVolume"));
        QTRY_COMPARE(problem("nodeStoragePage"), u"Could not delete the volume: nextcloud uses it."_s);
        QVERIFY(item(u"volume:default/nextcloud.qcow2"_s));
        QTRY_VERIFY(!remove->property("visible").toBool());

        // A pool: a name taken is refused in the dialog, a free one made.
        QObject *newPool = m_app.item("nodeStoragePage")->findChild<QObject *>(u"newPoolAction"_s);
        QVERIFY(newPool && QMetaObject::invokeMethod(newPool, "trigger"));
        QObject *poolDialog = dialog("nodeStoragePage", "newPoolDialog");
        QTRY_VERIFY(poolDialog && poolDialog->property("opened").toBool());
        QVERIFY(m_app.type(item(u"poolName"_s), u"default"_s));
        QVERIFY(m_app.type(item(u"poolPath"_s), u"/srv/pools/fast"_s));
        QTRY_VERIFY(item(u"newPoolProblem"_s)->property("text").toString().contains(u"already has a pool named"_s));
        QVERIFY(m_app.type(item(u"poolName"_s), u"fast"_s));
        QTRY_COMPARE(item(u"newPoolProblem"_s)->property("text").toString(), QString());
        QVERIFY(m_app.screenshot(u"node-new-pool"_s));
        QVERIFY(confirm(poolDialog, "confirmNewPool"));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"pool:fast"_s), timeoutMs);
        QTRY_VERIFY(!poolDialog->property("visible").toBool());

        // A volume in it, under the name offered.
        QVERIFY(m_app.click(item(u"newVolume:fast"_s)));
        QObject *volumeDialog = dialog("nodeStoragePage", "newVolumeDialog");
        QTRY_VERIFY(volumeDialog && volumeDialog->property("opened").toBool());
        QCOMPARE(item(u"volumeName"_s)->property("text").toString(), u"disk-1.qcow2"_s);
        QVERIFY(confirm(volumeDialog, "confirmNewVolume"));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"volume:fast/disk-1.qcow2"_s), timeoutMs);
        QTRY_VERIFY(!volumeDialog->property("visible").toBool());
        QCOMPARE(problem("nodeStoragePage"), QString());
    }

    void networks()
    {
        QVERIFY(m_app.call("showNodes"));
        QVERIFY(QMetaObject::invokeMethod(m_app.window(), "openNode", Q_ARG(QString, m_node)));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"manageNetworks"_s) && item(u"manageNetworks"_s)->isVisible(), timeoutMs);
        QVERIFY(m_app.waitUntilStill(item(u"manageNetworks"_s)));
        QVERIFY(m_app.click(item(u"manageNetworks"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"network:homelan"_s), timeoutMs);
        QTRY_VERIFY(item(u"address:nextcloud"_s)); // its machines, each with its address

        // In use: it keeps running, and says by whom.
        QVERIFY(m_app.click(item(u"stopNetwork:homelan"_s)));
        QTRY_VERIFY(problem("nodeNetworksPage").startsWith(u"Could not stop the network: "_s));
        QVERIFY(problem("nodeNetworksPage").endsWith(u" run on it. Stop them first."_s)); // several machines
        QVERIFY2(problem("nodeNetworksPage").contains(u"nextcloud"_s), qPrintable(problem("nodeNetworksPage")));

        QObject *newNetwork = m_app.item("nodeNetworksPage")->findChild<QObject *>(u"newNetworkAction"_s);
        QVERIFY(newNetwork && QMetaObject::invokeMethod(newNetwork, "trigger"));
        QObject *networkDialog = dialog("nodeNetworksPage", "newNetworkDialog");
        QTRY_VERIFY(networkDialog && networkDialog->property("opened").toBool());
        const QString offered = item(u"networkSubnet"_s)->property("text").toString();
        QVERIFY(!offered.isEmpty());
        QVERIFY(m_app.type(item(u"networkSubnet"_s), u"192.168.0.0/16"_s));
        QTRY_VERIFY(
            item(u"newNetworkProblem"_s)->property("text").toString().contains(u"overlaps the network “homelan”"_s));
        QVERIFY(m_app.screenshot(u"node-new-network"_s));
        QVERIFY(m_app.type(item(u"networkSubnet"_s), offered));
        // The DHCP range follows the subnet typed.
        QTRY_VERIFY(item(u"networkDhcpStart"_s)->property("text").toString().startsWith(offered.section(u'.', 0, 2)));
        const QString name = item(u"networkName"_s)->property("text").toString();
        QVERIFY(confirm(networkDialog, "confirmNewNetwork"));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"network:"_s + name), timeoutMs);
        QTRY_VERIFY(!networkDialog->property("visible").toBool());
        QVERIFY(m_app.waitUntilStill(item(u"network:homelan"_s)));
        QVERIFY(m_app.screenshot(u"node-networks"_s));
    }

    void cleanupTestCase() { QVERIFY2(m_app.warnings().isEmpty(), qPrintable(m_app.warnings().join(u'\n'))); }
};

QTEST_MAIN(NodePartsTest)
#include "tst_nodeparts.moc"
