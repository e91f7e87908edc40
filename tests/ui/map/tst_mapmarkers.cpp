// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/nodelistmodel.h"
#include "map/mapmarkers.h"
#include "map/markerlayout.h"

#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace Flotilla;

// The world map's markers read from any model by role name, and grouped for
// a view: what the map draws, apart from drawing it.
class MapMarkersTest : public QObject
{
    Q_OBJECT

    enum Role { Id = Qt::UserRole + 1, Name, City, State, Answering, Cpu, Machines, Latitude, Longitude };

    /// A node list with only the roles the map reads (no "answering" unless asked for).
    static std::unique_ptr<QStandardItemModel> nodes(bool withAnswering = false)
    {
        auto model = std::make_unique<QStandardItemModel>();
        QHash<int, QByteArray> roles{{Id, "nodeId"}, {Name, "name"}, {City, "city"}, {State, "connectionState"},
            {Cpu, "cpuPercent"}, {Machines, "machineCount"}, {Latitude, "latitude"}, {Longitude, "longitude"}};
        if (withAnswering) {
            roles.insert(Answering, "answering");
        }
        model->setItemRoleNames(roles);
        return model;
    }

    static void add(QStandardItemModel &model, const QString &id, double latitude, double longitude, int machines = 0)
    {
        auto *item = new QStandardItem;
        item->setData(id, Id);
        item->setData(id.toUpper(), Name);
        item->setData(QStringLiteral("%1 city").arg(id), City);
        item->setData(int(NodeListModel::Connected), State);
        item->setData(true, Answering);
        item->setData(10.0, Cpu);
        item->setData(machines, Machines);
        item->setData(latitude, Latitude);
        item->setData(longitude, Longitude);
        model.appendRow(item);
    }

    static QStringList ids(const MapMarkers &markers)
    {
        QStringList list;
        for (const MapMarkers::Marker &marker : markers.all()) {
            list.append(marker.id);
        }
        return list;
    }

private Q_SLOTS:
    void readsRowsWithAPlaceInModelOrder()
    {
        auto model = nodes();
        add(*model, QStringLiteral("berlin"), 52.5, 13.4, 12);
        add(*model, QStringLiteral("nowhere"), qQNaN(), qQNaN());
        add(*model, QStringLiteral("toronto"), 43.7, -79.4, 3);
        MapMarkers markers;
        markers.setModel(model.get());
        QCOMPARE(ids(markers), (QStringList{QStringLiteral("berlin"), QStringLiteral("toronto")}));
        QCOMPARE(markers.at(0).machines, 12);
        QCOMPARE(markers.at(1).city, QStringLiteral("toronto city"));

        // A node that gains a place appears where its row is.
        QSignalSpy moved(&markers, &MapMarkers::moved);
        model->item(1)->setData(60.2, Latitude);
        model->item(1)->setData(24.9, Longitude);
        QVERIFY(!moved.isEmpty());
        QCOMPARE(ids(markers),
            (QStringList{QStringLiteral("berlin"), QStringLiteral("nowhere"), QStringLiteral("toronto")}));
    }

    void aTickRecoloursWithoutRegrouping()
    {
        auto model = nodes();
        add(*model, QStringLiteral("berlin"), 52.5, 13.4);
        MapMarkers markers;
        markers.setModel(model.get());
        QSignalSpy moved(&markers, &MapMarkers::moved);
        QSignalSpy restyled(&markers, &MapMarkers::restyled);

        model->item(0)->setData(95.0, Cpu);
        QCOMPARE(restyled.size(), 1);
        QCOMPARE(moved.size(), 0);
        QCOMPARE(markers.at(0).cpuPercent, 95.0);

        model->item(0)->setData(40, Machines); // a bigger marker: groups may change
        QCOMPARE(moved.size(), 1);
    }

    void aSilentNodeIsAmber()
    {
        auto model = nodes(true);
        add(*model, QStringLiteral("berlin"), 52.5, 13.4);
        MapMarkers markers;
        markers.setModel(model.get());
        QCOMPARE(markers.at(0).state, int(NodeListModel::Connected));
        model->item(0)->setData(false, Answering);
        QCOMPARE(markers.at(0).state, int(NodeListModel::Degraded));
    }

    void groupsNeighboursAndFindsThem()
    {
        auto model = nodes();
        add(*model, QStringLiteral("toronto"), 43.7, -79.4);
        add(*model, QStringLiteral("berlin"), 52.5, 13.4, 64);
        add(*model, QStringLiteral("potsdam"), 52.4, 13.1);
        MapMarkers markers;
        markers.setModel(model.get());
        const MapGeometry::View world{.size = QSizeF(800, 400)};
        const MarkerLayout layout(markers.all(), world, 10);

        QCOMPARE(layout.groups().size(), 2); // Berlin and Potsdam overlap at this zoom
        const MarkerGroup *germany = layout.holding(markers.all(), QStringLiteral("potsdam"));
        QVERIFY(germany);
        QCOMPARE(germany, layout.holding(markers.all(), QStringLiteral("berlin")));
        QCOMPARE(germany->markers.size(), 2);
        QVERIFY(germany->radius > 5); // 64 machines make it bigger than an empty node
        QCOMPARE(layout.at(germany->centre), germany);
        QVERIFY(!layout.at(QPointF(0, 0)));
        QVERIFY(!layout.holding(markers.all(), QStringLiteral("nobody")));

        // West to east: Toronto, then Germany.
        const QList<const MarkerGroup *> order = layout.inReadingOrder(QRectF(QPointF(0, 0), world.size));
        QCOMPARE(order.size(), 2);
        QCOMPARE(markers.at(order.first()->markers.first()).id, QStringLiteral("toronto"));

        const QString text = markers.describe(germany->markers);
        QVERIFY2(text.startsWith(QStringLiteral("2 nodes here:")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("BERLIN (berlin city)")), qPrintable(text));

        // Zoomed in on Germany, the two stand apart.
        MapGeometry::View close = world;
        close.centre = markers.at(1).world;
        close.zoom = 64;
        close.clamp();
        QCOMPARE(MarkerLayout(markers.all(), close, 10).inReadingOrder(QRectF(QPointF(0, 0), close.size)).size(), 2);
    }
};

QTEST_MAIN(MapMarkersTest)
#include "tst_mapmarkers.moc"
