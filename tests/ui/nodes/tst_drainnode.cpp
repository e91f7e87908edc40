// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"

#include <QTest>

using namespace Flotilla;
using Flotilla::Testing::AppWindow;
using namespace Qt::StringLiterals;

/// A node drained from its page on the demo fleet, as a person does it
/// before taking the node down: the plan on the map and card by card,
/// the confirmation, and the machines leaving one after another.
class DrainNodeUiTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    const QString saoPaulo = u"saopaulo-mini"_s;
    AppWindow m_app;

    QQuickItem *item(const char *name) const { return m_app.item(name); }
    QQuickItem *item(const QString &name) const { return m_app.item(QLatin1StringView(name.toLatin1())); }

    [[nodiscard]] bool trigger(QObject *from, const char *name) { return m_app.trigger(from, name); }

    [[nodiscard]] bool isOn(const QString &nodeId, const QString &uuid) const
    {
        const Fleet::Node *node = m_app.fleet().node(nodeId);
        return node && node->machines.machines().contains(uuid);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_app.openDemo());
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
    }

    void drainsANodeFromItsPage()
    {
        // The demo's pools are nearly full: a new one on each node with
        // São Paulo's network gives its machines room.
        for (const QString &node : {u"singapore-edge"_s, u"toronto-friends"_s}) {
            m_app.fleet().request(node,
                NodeRequest{
                    .kind = NodeRequest::Kind::CreatePool, .poolSpec = {.name = u"spare"_s, .path = u"/spare"_s}});
            QTRY_VERIFY_WITH_TIMEOUT(
                std::ranges::any_of(m_app.fleet().node(node)->pools,
                    [](const StoragePool &pool) { return pool.name == u"spare"_s && pool.active; }),
                timeoutMs);
        }
        QVERIFY(QMetaObject::invokeMethod(m_app.window(), "openNode", Q_ARG(QString, saoPaulo)));
        QTRY_VERIFY(item("nodePage"));
        QVERIFY(trigger(item("nodePage"), "drainNodePageAction"));
        QTRY_VERIFY(item("drainNodePage"));
        QObject *drainer = item("drainNodePage")->property("drainer").value<QObject *>();
        QVERIFY(drainer);
        const QVariantList plan = drainer->property("departures").toList();
        QCOMPARE(plan.size(), m_app.fleet().node(saoPaulo)->machines.machines().size());
        QVERIFY(drainer->property("leaving").toInt() > 0);
        QCOMPARE(drainer->property("problem").toString(), QString());

        // Card by card: each machine, where it goes and why.
        for (const QVariant &departure : plan) {
            const QVariantMap fields = departure.toMap();
            QQuickItem *card = nullptr;
            QTRY_VERIFY2((card = item(u"departure:"_s + fields.value(u"name"_s).toString())),
                qPrintable(fields.value(u"name"_s).toString()));
            QVERIFY(!fields.value(u"reason"_s).toString().isEmpty());
        }
        // On the map: a count on every node that takes some, an arrow to each.
        const QVariantMap counts = drainer->property("counts").toMap();
        QVERIFY(!counts.isEmpty() && !counts.contains(saoPaulo));
        for (auto count = counts.cbegin(); count != counts.cend(); ++count) {
            QQuickItem *badge = nullptr;
            QTRY_VERIFY2((badge = item(u"countBadge:"_s + count.key())) && badge->isVisible(), qPrintable(count.key()));
        }
        QCOMPARE(drainer->property("routes").toList().size(), counts.size());
        QVERIFY(item("mapRoutes")->isVisible());
        QVERIFY(m_app.waitUntilStill(item("drainMap")));
        QVERIFY(m_app.screenshot(u"node-drain"_s));

        QVERIFY(trigger(item("drainNodePage"), "drainNodeAction"));
        QObject *dialog = item("drainNodePage")->findChild<QObject *>(u"confirmDrainDialog"_s);
        QTRY_VERIFY(dialog && dialog->property("opened").toBool());
        QVERIFY2(dialog->property("subtitle").toString().contains(u"leave São Paulo mini PC"_s),
            qPrintable(dialog->property("subtitle").toString()));
        QVERIFY(trigger(dialog, "confirmDrain"));
        QTRY_VERIFY(drainer->property("running").toBool() || drainer->property("finished").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(drainer->property("finished").toBool(), timeoutMs * 10);
        QTRY_VERIFY(item("drainSummary") && item("drainSummary")->isVisible());

        for (const QVariant &departure : drainer->property("departures").toList()) {
            const QVariantMap fields = departure.toMap();
            const QString uuid = fields.value(u"uuid"_s).toString();
            const QString state = fields.value(u"state"_s).toString();
            if (fields.value(u"kind"_s) == u"stay"_s) {
                QCOMPARE(state, u"skipped"_s);
                QVERIFY(isOn(saoPaulo, uuid));
                continue;
            }
            QVERIFY2(state == u"done"_s || state == u"failed"_s, qPrintable(state));
            if (state == u"failed"_s) {
                QVERIFY(isOn(saoPaulo, uuid)); // where it was
                QVERIFY(!fields.value(u"error"_s).toString().isEmpty());
            } else {
                QTRY_VERIFY_WITH_TIMEOUT(!isOn(saoPaulo, uuid), timeoutMs);
            }
        }
        QVERIFY2(item("drainSummary")->property("text").toString().startsWith(u"São Paulo mini PC is"_s),
            qPrintable(item("drainSummary")->property("text").toString()));
        // Shown once its text has faded in.
        QTRY_VERIFY(std::ranges::all_of(item("drainSummary")->childItems(),
            [](const QQuickItem *part) { return !part->isVisible() || part->opacity() == 1.0; }));
        QVERIFY(m_app.waitUntilStill(item("drainSummary")));
        QVERIFY(m_app.screenshot(u"node-drained"_s));
    }
};

QTEST_MAIN(DrainNodeUiTest)
#include "tst_drainnode.moc"
