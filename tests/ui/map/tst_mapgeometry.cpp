// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/countryshapes.h"
#include "map/mapgeometry.h"

#include <QTest>

using namespace Flotilla;
using namespace Flotilla::MapGeometry;

namespace
{
bool near(QPointF a, QPointF b)
{
    return QLineF(a, b).length() < 1e-6;
}
} // namespace

class MapGeometryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void projectsEquirectangular()
    {
        QVERIFY(near(project(northEdge, -180), QPointF(0, 0)));
        QVERIFY(near(project(southEdge, 180), QPointF(360, 144)));
        QVERIFY(near(project(0, 0), QPointF(180, 84)));
        const QPointF reykjavik = project(64.13, -21.9);
        QVERIFY(near(unproject(reykjavik), QPointF(-21.9, 64.13)));
    }

    void viewFitsTheWorldAndZoomsAroundAPoint()
    {
        View view{.size = QSizeF(720, 400)};
        QCOMPARE(view.scale(), 2.0); // the width decides: 720 / 360
        QVERIFY(near(view.toItem(project(0, 0)), QPointF(360, 200 + 12 * 2))); // the equator lies 12° below the middle
        const QPointF under = QPointF(100, 120);
        const QPointF before = view.toWorld(under);
        view.zoomAround(under, 3);
        QCOMPARE(view.zoom, 3.0);
        QVERIFY(near(view.toWorld(under), before));
        view.zoomAround(under, 1000);
        QCOMPARE(view.zoom, maxZoom);
        view.zoomAround(under, 0.0001);
        QCOMPARE(view.zoom, 1.0);
    }

    void panningStopsAtTheWorldsEdge()
    {
        View view{.size = QSizeF(360, 144), .zoom = 2};
        view.pan(QPointF(100000, 0));
        QCOMPARE(view.toItem(QPointF(0, 0)).x(), 0.0); // the left edge stays at the item's left
        view.pan(QPointF(0, -100000));
        QCOMPARE(view.toItem(QPointF(0, 144)).y(), 144.0);
    }

    void groupsWhatWouldOverlap()
    {
        const QList<QPointF> points{{0, 0}, {5, 0}, {100, 100}, {104, 103}, {300, 0}};
        const QList<Group> groups = group(points, 10);
        QCOMPARE(groups.size(), 3);
        QCOMPARE(groups.at(0).members, (QList<int>{0, 1}));
        QVERIFY(near(groups.at(0).centre, QPointF(2.5, 0)));
        QCOMPARE(groups.at(1).members, (QList<int>{2, 3}));
        QCOMPARE(groups.at(2).members, QList<int>{4});
        QCOMPARE(group(points, 1).size(), 5);
        QCOMPARE(group(points, 1000).size(), 1);
        QVERIFY(group({}, 10).isEmpty());
    }

    void readsTheBundledCountries()
    {
        const QList<QPainterPath> &countries = CountryShapes::bundled().outlines();
        QCOMPARE(countries.size(), 177);
        // Iceland's outline holds Reykjavik's point.
        QVERIFY(std::ranges::any_of(
            countries, [](const QPainterPath &path) { return path.contains(project(64.8, -18.5)); }));
        QVERIFY(CountryShapes::fromGeoJson("not json").outlines().isEmpty());
    }
};

QTEST_MAIN(MapGeometryTest)
#include "tst_mapgeometry.moc"
