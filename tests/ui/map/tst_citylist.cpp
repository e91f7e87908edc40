// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/citylist.h"
#include "map/citysearchmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Flotilla;

class CityListTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldsAccentsAndCase()
    {
        QCOMPARE(CityList::fold(QStringLiteral("São Paulo")), QStringLiteral("sao paulo"));
        QCOMPARE(CityList::fold(QStringLiteral("  Reykjavík ")), QStringLiteral("reykjavik"));
        QCOMPARE(CityList::fold(QStringLiteral("ZÜRICH")), QStringLiteral("zurich"));
    }

    void readsQuotedCsv()
    {
        const CityList list
            = CityList::fromCsv(QByteArrayLiteral("name,iso2,country,lat,lon\n"
                                                  "Brazzaville,CG,\"Congo, Republic of the\",-4.2592,15.2847\n"
                                                  "Broken,XX,Nowhere,north,east\n"
                                                  "Too,few,fields\n"));
        QCOMPARE(list.cities().size(), 1);
        QCOMPARE(list.cities().first().country, QStringLiteral("Congo, Republic of the"));
        QCOMPARE(list.cities().first().latitude, -4.2592);
    }

    void bundledListIsWhole() { QCOMPARE(CityList::bundled().cities().size(), 4348); }

    void findsWithoutAccents()
    {
        const QList<City> sao = CityList::bundled().search(QStringLiteral("sao"));
        QVERIFY(!sao.isEmpty());
        QVERIFY(std::ranges::any_of(sao, [](const City &c) {
            return c.name == QStringLiteral("São Paulo") && c.country == QStringLiteral("Brazil");
        }));
        const QList<City> reykjavik = CityList::bundled().search(QStringLiteral("Reykjavik"));
        QVERIFY(!reykjavik.isEmpty());
        QCOMPARE(reykjavik.first().countryCode, QStringLiteral("IS"));
        QVERIFY(CityList::bundled().search(QString()).isEmpty());
        QVERIFY(CityList::bundled().search(QStringLiteral("zzzqqq")).isEmpty());
        QCOMPARE(CityList::bundled().search(QStringLiteral("a"), 5).size(), 5);
    }

    void findsWordsInsideNames()
    {
        const QList<City> paulo = CityList::bundled().search(QStringLiteral("paulo"));
        QVERIFY(std::ranges::any_of(paulo, [](const City &c) { return c.name == QStringLiteral("São Paulo"); }));
    }

    void suggestsTheNearestCity()
    {
        const std::optional<City> near = CityList::bundled().nearest(52.5, 13.4); // by Berlin
        QVERIFY(near);
        QCOMPARE(near->name, QStringLiteral("Berlin"));
        QVERIFY(!CityList::bundled().nearest(-30, -140)); // the middle of the Pacific
        QVERIFY(std::abs(distanceKm(52.52, 13.405, 48.8566, 2.3522) - 878) < 10); // Berlin–Paris
    }

    void modelFollowsTheText()
    {
        CitySearchModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy changed(&model, &CitySearchModel::textChanged);
        model.setText(QStringLiteral("sao pa"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(model.rowCount() > 0);
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data(CitySearchModel::NameRole).toString(), QStringLiteral("São Paulo"));
        QCOMPARE(first.data(CitySearchModel::LabelRole).toString(), QStringLiteral("São Paulo, Brazil"));
        QVERIFY(std::abs(first.data(CitySearchModel::LatitudeRole).toDouble() + 23.5) < 1);
        model.setLimit(1);
        QCOMPARE(model.rowCount(), 1);
        model.setText(QString());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.nearest(64.1, -21.9).value(QStringLiteral("countryCode")).toString(), QStringLiteral("IS"));
        QVERIFY(model.nearest(0, -150).isEmpty());
    }
};

QTEST_MAIN(CityListTest)
#include "tst_citylist.moc"
