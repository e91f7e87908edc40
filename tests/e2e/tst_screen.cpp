// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"
#include "cloudguest.h"
#include "console/consolewindow.h"
#include "console/machinescreen.h"
#include "console/serialconsole.h"
#include "fleetjobs.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "qemunode.h"

#include <QAbstractButton>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Flotilla;
using namespace Flotilla::Testing::CloudGuest;
using namespace Qt::StringLiterals;

namespace
{
constexpr int bootMs = 240000; ///< emulated, on a busy 2-core machine
const QString pool = u"flotilla-guests"_s;
const QString image = u"cloud-guest.raw"_s;
} // namespace

// A machine's screen as a person sees it, in Flotilla's window on a real
// node (libvirtd with QEMU, emulated): on the machine's page, live; a click
// grabs the keyboard and what is typed reaches the guest; Ctrl+Alt lets it
// go; then the screen in a window of its own, and from there the serial
// console, one click away. (tst_cloudguest reads the screen through the
// item over every transport; this test is the window around it.)
class ScreenTest : public QObject
{
    Q_OBJECT

    Testing::LibvirtDaemon m_daemon{Testing::LibvirtDaemon::Driver::Qemu};
    QTemporaryDir m_work;
    QTemporaryDir m_pool;
    Libvirt::Connection m_connection;
    Testing::AppWindow m_app;
    const QString m_node = u"qemu"_s;
    QString m_uuid;

    [[nodiscard]] MachineScreen *screen() const { return qobject_cast<MachineScreen *>(m_app.item("machineScreen")); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const Result<bool> guest = make(QStringLiteral(MAKE_CLOUD_GUEST), m_work.path());
        QVERIFY2(guest.ok(), qPrintable(guest ? QString() : guest.error().text()));
        const Result<bool> started = m_daemon.start();
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().text()));
        Libvirt::initialize();
        m_connection.reset(virConnectOpen(m_daemon.qemuUri().toUtf8().constData()));
        QVERIFY(m_connection);
        const Result<bool> made = Testing::QemuNode::makeFolderPool(m_connection.get(), pool, m_pool.path());
        QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().text()));
        QVERIFY(m_app.openOn({NodeEntry{.id = m_node, .name = u"QEMU"_s, .uri = m_daemon.qemuUri()}}));
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleet().nodes().first().hasInventory, 30000);

        const ProvisioningResult uploaded = Testing::provisionAndWait(m_app.fleet(), m_node,
            {.kind = ProvisioningRequest::Kind::ImageFromFile,
                .pool = pool,
                .name = image,
                .path = m_work.filePath(u"disk.img"_s)},
            bootMs);
        QVERIFY2(uploaded.outcome.completed, qPrintable(uploaded.outcome.failure.text()));
        const MachineOrder desk = order(u"desk-01"_s, pool, image);
        const ProvisioningResult provisioned
            = Testing::provisionAndWait(m_app.fleet(), m_node, {.order = desk}, bootMs);
        QVERIFY2(provisioned.outcome.completed, qPrintable(provisioned.outcome.failure.text() + m_daemon.log()));
        m_uuid = desk.machine.uuid;
        const QString shown = consoleUntil(m_app.fleet(), m_node, m_uuid, {u"flotilla-guest: done"_s}, bootMs);
        QVERIFY2(shown.contains(u"flotilla-guest: done"_s), qPrintable(shown.right(2000)));
    }

    void theMachinePageShowsItsScreen()
    {
        QVERIFY(QMetaObject::invokeMethod(m_app.window(), "openMachine", Q_ARG(QString, m_uuid)));
        QTRY_VERIFY_WITH_TIMEOUT(
            screen() && screen()->state() != MachineScreen::Connecting && screen()->state() != MachineScreen::Idle,
            60000);
        QVERIFY2(screen()->state() == MachineScreen::Connected, qPrintable(screen()->status()));
        QTRY_VERIFY_WITH_TIMEOUT(litSamples(screen()->frame()) > someText, 30000);
        QVERIFY(screen()->fitToSize());
    }

    void aClickGrabsTheKeyboard()
    {
        QVERIFY(m_app.click(screen()));
        QTRY_VERIFY(screen()->grabbed());
        QTRY_VERIFY(m_app.item("screenStatus")->property("text").toString().contains(u"Ctrl+Alt lets it go"_s));
        // Typed into the window, as a person types: the guest tells the line on its serial console.
        const QString shown = consoleUntil(m_app.fleet(), m_node, m_uuid,
            {u"flotilla-guest: screen typed: typed-in-the-window"_s}, bootMs, {}, [this] {
                QTimer::singleShot(0, this, [this] {
                    for (const char key : "typed-in-the-window"_ba) {
                        QTest::keyClick(m_app.window(), key);
                    }
                    QTest::keyClick(m_app.window(), Qt::Key_Return);
                });
            });
        QVERIFY2(shown.contains(u"flotilla-guest: screen typed: typed-in-the-window"_s), qPrintable(shown.right(2000)));
        QVERIFY(m_app.screenshot(u"machine-screen"_s));
    }

    void ctrlAltLetsGo()
    {
        QTest::keyPress(m_app.window(), Qt::Key_Control, Qt::ControlModifier);
        QTest::keyPress(m_app.window(), Qt::Key_Alt, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(!screen()->grabbed());
        QTest::keyRelease(m_app.window(), Qt::Key_Alt, Qt::ControlModifier);
        QTest::keyRelease(m_app.window(), Qt::Key_Control, Qt::NoModifier);
        QVERIFY(!m_app.item("screenStatus")->property("text").toString().contains(u"Ctrl+Alt"_s));
    }

    void itOpensInAWindowOfItsOwn()
    {
        QVERIFY(m_app.trigger(m_app.item("machinePage"), "machineScreenWindow"));
        QQuickWindow *own = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((own = m_app.window()->findChild<QQuickWindow *>(u"screenWindow"_s)), 10000);
        QVERIFY(QTest::qWaitForWindowExposed(own));
        const auto ownScreen = [own] {
            return qobject_cast<MachineScreen *>(Testing::AppWindow::find(own->contentItem(), "machineScreen"_L1));
        };
        QTRY_VERIFY_WITH_TIMEOUT(ownScreen() && ownScreen()->state() == MachineScreen::Connected, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(litSamples(ownScreen()->frame()) > someText, 30000);
        QVERIFY(m_app.screenshot(u"screen-window"_s, own));

        // One click to the serial console, and from there one back to the screen.
        QVERIFY(m_app.trigger(own, "screenSerial"));
        auto *consoles = m_app.window()->findChild<SerialConsole *>(u"serialConsole"_s);
        QVERIFY(consoles);
        QTRY_VERIFY_WITH_TIMEOUT(consoles->window(m_uuid) && consoles->window(m_uuid)->isVisible(), 10000);
        own->close();
        QTRY_VERIFY(!m_app.window()->findChild<QQuickWindow *>(u"screenWindow"_s));
        ConsoleWindow *console = consoles->window(m_uuid);
        auto *toScreen = console->findChild<QAbstractButton *>(u"consoleScreen"_s);
        QVERIFY(toScreen);
        toScreen->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_app.window()->findChild<QQuickWindow *>(u"screenWindow"_s), 10000);
        console->close();
        QCOMPARE(m_app.warnings(), QStringList());
    }
};

QTEST_MAIN(ScreenTest)
#include "tst_screen.moc"
