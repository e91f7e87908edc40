// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"

#include <QTest>

#include <algorithm>

using namespace Flotilla;
using Flotilla::Testing::AppWindow;
using namespace Qt::StringLiterals;

/// The add-node wizard driven as a person would, on the demo fleet: wrong
/// input and its messages, a connection test, a city typed, saving; then
/// the node on the map, marked in maintenance and back, edited, and removed.
class AddNodeTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    AppWindow m_app;
    QString m_nodeId;
    /// The edited node's name: longer than the nodes list has room for beside a node's page.
    const QString m_longName = QStringLiteral("Reykjavik rack in the old fish factory by the harbour");

    QQuickItem *item(const char *name) const { return m_app.item(name); }

    /// The first visible item under @p parent whose text contains @p text (buttons in dialogs have no object names).
    static QQuickItem *withText(QQuickItem *parent, const QString &text)
    {
        for (QQuickItem *child : parent->childItems()) {
            if (child->isVisible() && child->property("text").toString().contains(text)) {
                return child;
            }
            if (QQuickItem *found = withText(child, text)) {
                return found;
            }
        }
        return nullptr;
    }

    /// Scrolls the page that holds @p target until it is in the window, as a person would.
    QQuickItem *reveal(QQuickItem *target) const
    {
        for (QQuickItem *parent = target ? target->parentItem() : nullptr; parent; parent = parent->parentItem()) {
            if (parent->inherits("QQuickFlickable")) {
                const double top
                    = target->mapToItem(parent->property("contentItem").value<QQuickItem *>(), QPointF(0, 0)).y();
                const double room = parent->height() - target->height();
                const double most = std::max(0.0, parent->property("contentHeight").toDouble() - parent->height());
                parent->setProperty("contentY", std::clamp(top - room / 2, 0.0, most));
                break;
            }
        }
        return target;
    }

    /// Scrolls @p target's page to it, then clicks it (click() waits until it is in the window).
    [[nodiscard]] bool clickInView(QQuickItem *target)
    {
        reveal(target);
        return m_app.click(target);
    }

    /// Whether @p item's visible parts are wholly opaque (an inline message's fade in over).
    static bool fadedIn(const QQuickItem *item)
    {
        return std::ranges::all_of(
            item->childItems(), [](const QQuickItem *part) { return !part->isVisible() || part->opacity() == 1.0; });
    }

    static QQuickItem *overlayOf(QQuickWindow *window)
    {
        for (QQuickItem *child : window->contentItem()->childItems()) {
            if (child->inherits("QQuickOverlay")) {
                return child;
            }
        }
        return window->contentItem();
    }

    QString problem(const char *name) const
    {
        QQuickItem *label = item(name);
        return label && label->isVisible() ? label->property("text").toString() : QString();
    }

    /// Picks the wizard's @p downs'th transport with the keyboard; false if it could not.
    [[nodiscard]] bool chooseTransport(int downs)
    {
        [&] {
            QQuickItem *box = item("transportBox");
            QVERIFY(box);
            box->forceActiveFocus();
            QTRY_VERIFY(box->hasActiveFocus());
            QTest::keyClick(m_app.window(), Qt::Key_Home);
            for (int i = 0; i < downs; ++i) {
                QTest::keyClick(m_app.window(), Qt::Key_Down);
            }
        }();
        return !QTest::currentTestFailed();
    }

    bool invoke(const char *function, const QString &argument)
    {
        return QMetaObject::invokeMethod(m_app.window(), function, Q_ARG(QString, argument));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_app.open());
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
        QVERIFY(m_app.call("showNodes")); // where a person adds nodes from
    }

    void saysWhatIsWrongWithEachField()
    {
        QVERIFY(m_app.call("addNode"));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeEditorPage") && item("transportBox"), timeoutMs);
        QVERIFY(item("demoNotice")->isVisible()); // the demo writes nothing
        QVERIFY(chooseTransport(1)); // over SSH
        QTRY_VERIFY(item("hostFieldInput") && item("hostFieldInput")->isVisible());
        QVERIFY(m_app.type(item("hostFieldInput"), QStringLiteral("my host")));
        QVERIFY2(
            problem("hostFieldProblem").contains(QStringLiteral("no spaces")), qPrintable(problem("hostFieldProblem")));
        QVERIFY(m_app.type(item("hostFieldInput"), QStringLiteral("node.example")));
        QCOMPARE(problem("hostFieldProblem"), QString());
        QVERIFY(m_app.type(item("portFieldInput"), QStringLiteral("99999")));
        QVERIFY2(problem("portFieldProblem").contains(QStringLiteral("1 to 65535")),
            qPrintable(problem("portFieldProblem")));
        QVERIFY(m_app.type(item("keyFileFieldInput"), QStringLiteral("id_ed25519")));
        QVERIFY2(problem("keyFileFieldProblem").contains(QStringLiteral("full path")),
            qPrintable(problem("keyFileFieldProblem")));
        QCOMPARE(item("builtUri")->property("text").toString(),
            QStringLiteral("qemu+ssh://node.example:99999/system?keyfile=id_ed25519"));
        QVERIFY(!item("testConnectionButton")->isEnabled());
        // Saving now adds nothing and names the missing name.
        QVERIFY(clickInView(item("saveNodeButton")));
        QCOMPARE(problem("nodeNameProblem"), QStringLiteral("Give the node a name"));
        QCOMPARE(m_app.fleet().nodes().size(), 5);

        QVERIFY(chooseTransport(4)); // a connection URI
        QTRY_VERIFY(item("rawUriFieldInput") && item("rawUriFieldInput")->isVisible());
        QVERIFY(!item("hostFieldInput")->isVisible());
        // No check of the node's identity: a warning, and a box to tick before saving.
        QVERIFY(m_app.type(item("rawUriFieldInput"), u"qemu+tls://far.example/system?no_verify=1"_s));
        QTRY_VERIFY(item("unverifiedBox") && item("unverifiedBox")->isVisible());
        QVERIFY(item("unverifiedNotice")->isVisible());
        QVERIFY(!item("unverifiedBox")->property("checked").toBool());
        QVERIFY2(problem("unverifiedProblem").contains(u"Confirm"_s), qPrintable(problem("unverifiedProblem")));
        // An option that runs a program is refused by name.
        QVERIFY(m_app.type(item("rawUriFieldInput"), u"qemu+ssh://h/system?command=/tmp/evil"_s));
        QVERIFY2(problem("rawUriFieldProblem").contains(u"“command”"_s), qPrintable(problem("rawUriFieldProblem")));
        QVERIFY(!item("unverifiedBox")->isVisible());
        QVERIFY(m_app.type(item("rawUriFieldInput"), QStringLiteral("xen:///")));
        QVERIFY2(
            problem("rawUriFieldProblem").contains(QStringLiteral("xen")), qPrintable(problem("rawUriFieldProblem")));
    }

    void fitsANarrowWindow()
    {
        const QSize wide = m_app.window()->size();
        m_app.window()->resize(420, wide.height());
        // A narrow window turns the sidebar into a drawer; a person would close it.
        QObject *drawer = m_app.window()->property("globalDrawer").value<QObject *>();
        QVERIFY(drawer);
        QTRY_VERIFY(drawer->property("modal").toBool());
        drawer->setProperty("drawerOpen", false);
        QTRY_VERIFY2_WITH_TIMEOUT(item("rawUriFieldInput")->width() < 400,
            qPrintable(QString::number(item("rawUriFieldInput")->width())), timeoutMs);
        QVERIFY(item("rawUriFieldInput")->isVisible());
        QVERIFY(m_app.screenshot(QStringLiteral("wizard-narrow")));
        m_app.window()->resize(wide);
        QTRY_COMPARE(m_app.window()->width(), wide.width());
        drawer->setProperty("drawerOpen", true);
    }

    void testsTheConnectionAndSaves()
    {
        QVERIFY(m_app.type(item("rawUriFieldInput"), QStringLiteral("test:///default")));
        QCOMPARE(problem("rawUriFieldProblem"), QString());
        QCOMPARE(item("builtUri")->property("text").toString(), QStringLiteral("test:///default"));
        QVERIFY(clickInView(item("testConnectionButton")));
        QTRY_VERIFY_WITH_TIMEOUT(item("connectionTestFound")->isVisible(), timeoutMs);
        const QString found = item("connectionTestFound")->property("text").toString();
        QVERIFY2(
            found.contains(QStringLiteral("1 machine")) && found.contains(QStringLiteral("CPUs")), qPrintable(found));
        // The name starts as the node's host name.
        QVERIFY(!item("nodeNameField")->property("text").toString().isEmpty());

        QVERIFY(m_app.type(item("cityField"), QStringLiteral("Reykjavik")));
        QTRY_VERIFY(item("cityList") && item("cityList")->property("count").toInt() > 0);
        QQuickItem *reykjavik = withText(item("cityList"), QStringLiteral("Reykjav"));
        QVERIFY(reykjavik);
        QVERIFY2(reykjavik->property("text").toString().contains(QStringLiteral("Iceland")),
            qPrintable(reykjavik->property("text").toString()));
        QVERIFY(clickInView(reykjavik));
        QTRY_VERIFY(item("placeSummary")->property("text").toString().startsWith(QStringLiteral("64.")));

        QVERIFY(m_app.type(item("nodeNameField"), QStringLiteral("Berlin home server")));
        QVERIFY2(problem("nodeNameProblem").contains(QStringLiteral("already called")),
            qPrintable(problem("nodeNameProblem")));
        QVERIFY(m_app.type(item("nodeNameField"), QStringLiteral("Reykjavik lab")));
        QCOMPARE(problem("nodeNameProblem"), QString());

        // Tags: separated by commas or spaces, each once, shown as chips; a wrong one named.
        QVERIFY(m_app.type(item("nodeTagsField"), QStringLiteral("lab, #cold")));
        QVERIFY2(
            problem("nodeTagsProblem").contains(QStringLiteral("“#cold”")), qPrintable(problem("nodeTagsProblem")));
        QVERIFY(m_app.type(item("nodeTagsField"), QStringLiteral("lab, iceland lab")));
        QCOMPARE(problem("nodeTagsProblem"), QString());
        QTRY_VERIFY(item("nodeTagChips")->isVisible());
        QCOMPARE(item("nodeTagChips")->property("tags").toStringList(), QStringList({u"lab"_s, u"iceland"_s}));
        QVERIFY(m_app.screenshot(QStringLiteral("wizard")));

        QVERIFY(clickInView(item("saveNodeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(!item("nodeEditorPage"), timeoutMs);
        QCOMPARE(m_app.fleet().nodes().size(), 6);
        const Fleet::Node &added = m_app.fleet().nodes().last();
        m_nodeId = added.entry.id;
        QCOMPARE(added.entry.name, QStringLiteral("Reykjavik lab"));
        QCOMPARE(added.entry.uri, QStringLiteral("test:///default"));
        QCOMPARE(added.entry.location.countryCode, QStringLiteral("IS"));
        QCOMPARE(added.entry.tags, QStringList({u"lab"_s, u"iceland"_s}));
        QTRY_COMPARE(item("nodeList")->property("count").toInt(), 6);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleet().nodes().last().hasInventory, timeoutMs);
    }

    void showsTheNodeOnTheMap()
    {
        QVERIFY(invoke("openNode", m_nodeId));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeMap") && item("worldMap"), timeoutMs);
        QQuickItem *map = AppWindow::find(item("nodeMap"), QLatin1StringView("worldMap"));
        QVERIFY(map);
        QCOMPARE(map->property("highlightedNodeId").toString(), m_nodeId);
        QQuickItem *tags = item("nodeTags");
        QVERIFY(tags && tags->isVisible());
        QCOMPARE(tags->property("tags").toStringList(), QStringList({u"lab"_s, u"iceland"_s}));
        bool onMap = false;
        for (const QVariant &group : map->property("groups").toList()) {
            onMap = onMap || group.toMap().value(QStringLiteral("nodeIds")).toStringList().contains(m_nodeId);
        }
        QVERIFY(onMap);
        // The map sits below the node's charts and facts: scroll, as a person would
        // (the page then stops keeping its top in sight), until all of it is in the picture.
        item("nodeMachineList")->setProperty("scrolledByPerson", true);
        const QRectF window(QPointF(0, 0), m_app.window()->size());
        const auto mapInView = [&] {
            m_app.scrollIntoView(map);
            return window.contains(map->mapRectToScene(map->boundingRect()));
        };
        QTRY_VERIFY_WITH_TIMEOUT(mapInView(), timeoutMs);
        QVERIFY(m_app.screenshot(QStringLiteral("node-map")));
        QVERIFY(window.contains(map->mapRectToScene(map->boundingRect()))); // still, in the picture
    }

    void marksTheNodeInMaintenance()
    {
        // Begun from the node's menu in the list; shown there and on the node's
        // page, which stands beside the list (opened to show the node on the map).
        QTRY_VERIFY_WITH_TIMEOUT(item("nodePage") && item("nodeList"), timeoutMs);
        const QString marked = QStringLiteral("nodeMaintenance:") + m_nodeId;
        QVERIFY(item(qPrintable(marked)) && !item(qPrintable(marked))->isVisible());
        QVERIFY(!item("maintenanceNotice")->isVisible());
        QVERIFY(m_app.waitUntilStill(item("nodeList")));
        QVERIFY(m_app.click(item(qPrintable(QStringLiteral("nodeMenu:") + m_nodeId))));
        QQuickItem *overlay = overlayOf(m_app.window());
        QTRY_VERIFY(withText(overlay, QStringLiteral("Begin Maintenance")));
        QVERIFY(m_app.waitUntilOpened(withText(overlay, QStringLiteral("Begin Maintenance"))));
        QVERIFY(m_app.click(withText(overlay, QStringLiteral("Begin Maintenance"))));
        QTRY_VERIFY(!withText(overlay, QStringLiteral("Begin Maintenance")));
        QVERIFY(m_app.fleet().node(m_nodeId)->entry.maintenance);
        QTRY_VERIFY(item(qPrintable(marked))->isVisible());
        QCOMPARE(
            item(qPrintable(marked))->property("text").toString(), QStringLiteral("In maintenance: takes nothing new"));
        QTRY_VERIFY(item("maintenanceNotice")->isVisible());
        // The picture: the menu gone (it fades out, its entry already saying "End"), the notice in sight.
        QTRY_VERIFY(!withText(overlay, QStringLiteral("End Maintenance")));
        QTest::mouseMove(m_app.window(), QPoint(m_app.window()->width() - 5, 5)); // no tooltip over the list
        m_app.scrollIntoView(item("maintenanceNotice"));
        QVERIFY(m_app.waitUntilStill(item("maintenanceNotice")));
        QTRY_VERIFY(fadedIn(item("maintenanceNotice"))); // its text fades in
        QVERIFY(m_app.screenshot(QStringLiteral("node-maintenance")));

        // Ended from the node's page.
        QQuickItem *end = withText(item("maintenanceNotice"), QStringLiteral("End Maintenance"));
        QVERIFY(end);
        QVERIFY(clickInView(end));
        QTRY_VERIFY(!m_app.fleet().node(m_nodeId)->entry.maintenance);
        QTRY_VERIFY(!item("maintenanceNotice")->isVisible());
        QVERIFY(!item(qPrintable(marked))->isVisible());
    }

    void editsTheNode()
    {
        // From the nodes list: the node's menu, then Edit.
        QQuickItem *menuButton = item(qPrintable(QStringLiteral("nodeMenu:") + m_nodeId));
        QVERIFY(menuButton);
        QVERIFY(m_app.click(menuButton));
        QQuickItem *overlay = overlayOf(m_app.window());
        QTRY_VERIFY(withText(overlay, QStringLiteral("Edit…")));
        QVERIFY(m_app.waitUntilOpened(withText(overlay, QStringLiteral("Edit…")))); // the menu stands still
        QVERIFY(m_app.click(withText(overlay, QStringLiteral("Edit…"))));
        // Until the menu has closed, its mnemonics take letters typed anywhere: "e" would edit again.
        QTRY_VERIFY(!withText(overlay, QStringLiteral("Edit…")));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodeEditorPage") && item("nodeNameField"), timeoutMs);
        QCOMPARE(item("nodeNameField")->property("text").toString(), QStringLiteral("Reykjavik lab"));
        QCOMPARE(item("builtUri")->property("text").toString(), QStringLiteral("test:///default"));
        QCOMPARE(item("nodeTagsField")->property("text").toString(), QStringLiteral("lab, iceland"));
        QVERIFY(m_app.type(item("nodeNameField"), m_longName));
        QVERIFY(m_app.type(item("nodeTagsField"), QStringLiteral("lab")));
        QVERIFY(clickInView(item("saveNodeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(!item("nodeEditorPage"), timeoutMs);
        const qsizetype index = m_app.fleet().indexOf(m_nodeId);
        QCOMPARE(m_app.fleet().nodes().at(index).entry.name, m_longName);
        QCOMPARE(m_app.fleet().nodes().at(index).entry.location.city, QStringLiteral("Reykjavík"));
        QCOMPARE(m_app.fleet().nodes().at(index).entry.tags, QStringList({u"lab"_s}));
    }

    void elidesALongNameBesideTheNodesPage()
    {
        // The nodes list in the first column, the node's page in the second.
        QVERIFY(invoke("openNode", m_nodeId));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodePage") && item("nodeList"), timeoutMs);
        QQuickItem *name = item(qPrintable(QStringLiteral("nodeName:") + m_nodeId));
        QVERIFY(name && name->isVisible());
        // Cut short, but still readable (the figures go under it rather than squeeze
        // it), and whole in its tooltip.
        QVERIFY(m_app.screenshot(QStringLiteral("nodes-long-name")));
        QTRY_VERIFY(name->property("truncated").toBool());
        QVERIFY2(name->width() >= name->height() * 6, qPrintable(QString::number(name->width())));
    }

    void removesTheNodeAfterAsking()
    {
        // From the node's page: its Remove action. The toolbar folds its
        // actions into its menu as the title's room changes while the page
        // settles (this node's name is long), so the action is triggered as
        // its button or its menu entry would.
        QVERIFY(invoke("openNode", m_nodeId));
        QTRY_VERIFY_WITH_TIMEOUT(item("nodePage"), timeoutMs);
        QObject *remove = item("nodePage")->findChild<QObject *>(QStringLiteral("removeNodeAction"));
        QVERIFY(remove);
        QCOMPARE(remove->property("text").toString(), QStringLiteral("Remove…"));
        QVERIFY(QMetaObject::invokeMethod(remove, "trigger"));
        QQuickItem *overlay = overlayOf(m_app.window());
        QTRY_VERIFY_WITH_TIMEOUT(withText(overlay, QStringLiteral("not touched")), timeoutMs);
        QVERIFY(withText(overlay, QStringLiteral("Remove “%1”?").arg(m_longName)));
        QCOMPARE(m_app.fleet().nodes().size(), 6); // not before the person confirms
        QQuickItem *confirm = withText(overlay, QStringLiteral("Remove from Flotilla"));
        QVERIFY(confirm);
        QVERIFY(m_app.waitUntilOpened(confirm)); // the dialog has finished opening
        QVERIFY(m_app.click(confirm));
        QTRY_COMPARE_WITH_TIMEOUT(m_app.fleet().nodes().size(), 5, timeoutMs);
        QCOMPARE(m_app.fleet().indexOf(m_nodeId), -1);
        QTRY_VERIFY_WITH_TIMEOUT(!item("nodePage"), timeoutMs); // its page closed
        QTRY_COMPARE(item("nodeList")->property("count").toInt(), 5);
    }

    void raisedNoWarning()
    {
        const QStringList warnings = m_app.warnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(AddNodeTest)
#include "tst_addnode.moc"
