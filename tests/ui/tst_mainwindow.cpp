// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demofleet.h"
#include "fleet.h"
#include "fleetview.h"
#include "libvirthandles.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <QtQml/QQmlExtensionPlugin>
#include <cmath>

Q_IMPORT_QML_PLUGIN(org_kde_flotillaPlugin)

using namespace Flotilla;

namespace
{
// Every warning the QML engine or Qt Quick raises while the window runs.
QStringList s_qmlWarnings;

// Warnings that Kirigami itself causes, whatever the application does.
// Kirigami 6.13's PageRow creates a pushed page with a non-visual parent
// (its QtObject "pagesLogic") and places it in the scene only afterwards.
bool isKnownKirigamiWarning(const QString &message)
{
    return message.endsWith(QLatin1StringView("Created graphical object was not placed in the graphics scene."));
}
QtMessageHandler s_previousHandler = nullptr;

void recordQmlWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString category = QString::fromLatin1(context.category ? context.category : "");
    const bool fromQml = category.startsWith(QLatin1StringView("qml")) || category.startsWith(QLatin1StringView("js"))
        || category.startsWith(QLatin1StringView("qt.qml")) || category.startsWith(QLatin1StringView("qt.quick"))
        || message.contains(QLatin1StringView(".qml:"));
    if (type >= QtWarningMsg && fromQml && !isKnownKirigamiWarning(message)) {
        s_qmlWarnings.append(message);
    }
    s_previousHandler(type, context, message);
}
} // namespace

/// The application's real window on the demo fleet, under Xvfb: it must
/// load without one QML warning, show the fleet, and let a person move
/// between its pages. Screenshots land in $FLOTILLA_TEST_ARTIFACTS.
class MainWindowTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = 20000;

    QTemporaryDir m_demoFolder;
    Fleet m_fleet;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;

    /// An item of the window by object name, searched through the visual
    /// tree (items made by views and repeaters are not all QObject children).
    QQuickItem *item(const char *name) const { return find(m_window->contentItem(), QLatin1StringView(name)); }

    static QQuickItem *find(QQuickItem *parent, QLatin1StringView name)
    {
        for (QQuickItem *child : parent->childItems()) {
            if (child->objectName() == name) {
                return child;
            }
            if (QQuickItem *found = find(child, name)) {
                return found;
            }
        }
        return nullptr;
    }

    void screenshot(const QString &name)
    {
        QTest::qWait(300); // let the last frame settle
        const QImage image = m_window->grabWindow();
        QVERIFY(!image.isNull());
        // A real picture has many colours; a blank or failed render has one or two.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7) {
                colours.insert(image.pixel(x, y));
            }
        }
        QVERIFY2(colours.size() > 20, qPrintable(QStringLiteral("%1 looks blank").arg(name)));
        const QString folder = qEnvironmentVariable("FLOTILLA_TEST_ARTIFACTS", QDir::tempPath());
        QDir().mkpath(folder);
        QVERIFY(image.save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        s_previousHandler = qInstallMessageHandler(recordQmlWarnings);
        const QString scheme = qEnvironmentVariable("FLOTILLA_COLOR_SCHEME", QStringLiteral("BreezeLight"));
        const Result<bool> look = MainWindow::applyDesktopLook(scheme);
        QVERIFY2(look.ok(), qPrintable(look.ok() ? QString() : look.error().text()));
        Libvirt::initialize();

        const Result<QList<NodeEntry>> nodes = DemoFleet::unpack(m_demoFolder.path());
        QVERIFY(nodes.ok());
        for (const NodeEntry &node : nodes.value()) {
            m_fleet.addNode(node);
        }
        FleetView::setFleet(&m_fleet, true);
        m_engine = new QQmlApplicationEngine(this);
        QVERIFY(MainWindow::load(*m_engine));
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void showsTheNodes()
    {
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeList"), timeoutMs);
        QCOMPARE(item("nodeList")->property("count").toInt(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::all_of(m_fleet.nodes(), [](const Fleet::Node &n) { return n.hasInventory; }), timeoutMs);
        // Live figures need two ticks of the (simulated) counters.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::all_of(
                m_fleet.nodes(), [](const Fleet::Node &n) { return !std::isnan(at(n.rates, Channel::CpuPercent)); }),
            timeoutMs);
        screenshot(QStringLiteral("nodes"));
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
        QVERIFY(first);
        const QPointF centre = first->mapToScene(QPointF(first->width() / 2, first->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeMachineList"), timeoutMs);
        QTRY_COMPARE(item("nodeMachineList")->property("count").toInt(), 12); // the Berlin home server
        screenshot(QStringLiteral("node"));
    }

    void disconnectsAndReconnectsANode()
    {
        const auto click = [this](const char *name) {
            QQuickItem *button = item(name);
            QVERIFY(button && button->isVisible());
            const QPointF centre = button->mapToScene(QPointF(button->width() / 2, button->height() / 2));
            QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
        };
        click("disconnectButton");
        QTRY_COMPARE_WITH_TIMEOUT(m_fleet.nodes().first().status.state, NodeState::Disconnected, timeoutMs);
        QTRY_VERIFY(item("reconnectButton") && item("reconnectButton")->isVisible());
        click("reconnectButton");
        QTRY_COMPARE_WITH_TIMEOUT(m_fleet.nodes().first().status.state, NodeState::Connected, timeoutMs);
        QTRY_VERIFY(item("disconnectButton") && item("disconnectButton")->isVisible());
    }

    void searchesTheMachines()
    {
        QVERIFY(QMetaObject::invokeMethod(m_window, "showMachines"));
        QTRY_VERIFY_WITH_TIMEOUT(item("machineList"), timeoutMs);
        QTRY_COMPARE(item("machineList")->property("count").toInt(), 60);
        screenshot(QStringLiteral("machines"));
        QQuickItem *search = item("machineSearch");
        QVERIFY(search);
        search->forceActiveFocus();
        for (const char key : {'k', '3', 's'}) {
            QTest::keyClick(m_window, key);
        }
        QTRY_COMPARE(item("machineList")->property("count").toInt(), 7);
    }

    void signsInToANodeThatAsks()
    {
        m_fleet.credentials()->setUseKeyring(false); // no desktop keyring here
        m_fleet.addNode(NodeEntry{.id = QStringLiteral("locked"),
            .name = QStringLiteral("Locked"),
            .uri = QStringLiteral("test://") + QFINDTESTDATA("../data/auth-node.xml")});
        // libvirt's test driver asks for the user name, then for the password.
        for (const QString &answer : {QStringLiteral("fred"), QStringLiteral("correct horse")}) {
            QTRY_VERIFY_WITH_TIMEOUT(item("credentialField0") && item("credentialField0")->isVisible(), timeoutMs);
            const QPointer<QQuickItem> field = item("credentialField0"); // goes with the question
            QTRY_VERIFY(field->hasActiveFocus());
            if (answer == QLatin1StringView("fred")) {
                screenshot(QStringLiteral("credentials"));
            }
            field->setProperty("text", QString());
            for (const QChar character : answer) {
                QTest::keyClick(m_window, character.toLatin1());
            }
            QCOMPARE(field->property("text").toString(), answer);
            QTest::keyClick(m_window, Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(!field || !field->isVisible(), timeoutMs);
        }
        const qsizetype locked = m_fleet.indexOf(QStringLiteral("locked"));
        QTRY_COMPARE_WITH_TIMEOUT(m_fleet.nodes().at(locked).status.state, NodeState::Connected, timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet.nodes().at(locked).hasInventory, timeoutMs);
    }

    void raisedNoQmlWarning() { QVERIFY2(s_qmlWarnings.isEmpty(), qPrintable(s_qmlWarnings.join(QLatin1Char('\n')))); }

    void cleanupTestCase()
    {
        delete m_engine;
        qInstallMessageHandler(s_previousHandler);
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
