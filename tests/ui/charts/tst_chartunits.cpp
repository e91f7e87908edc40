// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "charts/chartdata.h"

#include <QTest>

using namespace Flotilla;
using namespace Flotilla::ChartData;
using namespace Qt::StringLiterals;

// The charts' units: readable scales, round axis ends, ticks at round steps.
class ChartUnitsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A stretch with no figures between two runs is found, by the line
    // with the most points; a point missed here and there is not a gap.
    void findsTheGaps()
    {
        Line sparse{.name = u"sparse"_s, .points = {}};
        Line full{.name = u"full"_s, .points = {}};
        for (double at = 0; at <= 600000; at += 2000) {
            if ((at < 100000 || at > 400000) && at != 20000) {
                full.points.append(QPointF(at, 1));
            }
        }
        sparse.points = {QPointF(0, 1), QPointF(600000, 1)};
        const QList<Gap> gaps = gapsIn({sparse, full});
        QCOMPARE(gaps.size(), 1);
        QCOMPARE(gaps.first().from, 98000.0);
        QCOMPARE(gaps.first().to, 402000.0);
        QVERIFY(gapsIn({sparse}).isEmpty());
    }

    void scales_data()
    {
        QTest::addColumn<int>("unit");
        QTest::addColumn<double>("maximum");
        QTest::addColumn<double>("divisor");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("percent") << int(Unit::Percent) << 250.0 << 1.0 << QStringLiteral("%");
        QTest::newRow("nothing") << int(Unit::Bytes) << 0.0 << 1.0 << QStringLiteral("B");
        QTest::newRow("bytes") << int(Unit::Bytes) << 1000.0 << 1.0 << QStringLiteral("B");
        QTest::newRow("KiB") << int(Unit::Bytes) << 1024.0 << 1024.0 << QStringLiteral("KiB");
        QTest::newRow("GiB") << int(Unit::Bytes) << 349e9 << 1073741824.0 << QStringLiteral("GiB");
        QTest::newRow("MiB/s") << int(Unit::BytesPerSecond) << 200e6 << 1048576.0 << QStringLiteral("MiB/s");
        QTest::newRow("beyond TiB") << int(Unit::Bytes) << 1e18 << 1099511627776.0 << QStringLiteral("TiB");
    }

    void scales()
    {
        QFETCH(int, unit);
        QFETCH(double, maximum);
        QFETCH(double, divisor);
        QFETCH(QString, suffix);
        const Scale scale = scaleFor(Unit(unit), maximum);
        QCOMPARE(scale.divisor, divisor);
        QCOMPARE(scale.suffix, suffix);
    }

    void roundsUp()
    {
        QCOMPARE(roundUp(0), 1.0);
        QCOMPARE(roundUp(NAN), 1.0);
        QCOMPARE(roundUp(0.7), 1.0);
        QCOMPARE(roundUp(1), 1.0);
        QCOMPARE(roundUp(1.2), 2.0);
        QCOMPARE(roundUp(2.2), 2.5);
        QCOMPARE(roundUp(3), 5.0);
        QCOMPARE(roundUp(7.5), 10.0);
        QCOMPARE(roundUp(190), 200.0);
        QCOMPARE(roundUp(333), 500.0);
    }

    void ticksAtRoundSteps_data()
    {
        QTest::addColumn<double>("top");
        QTest::addColumn<int>("ticks");
        QTest::addColumn<QString>("format");
        QTest::newRow("100 %") << 100.0 << 5 << QStringLiteral("%.0f %"); // 25 %
        QTest::newRow("200") << 200.0 << 5 << QStringLiteral("%.0f %"); // 50
        QTest::newRow("250") << 250.0 << 6 << QStringLiteral("%.0f %"); // 50
        QTest::newRow("5") << 5.0 << 6 << QStringLiteral("%.0f %"); // 1
        QTest::newRow("2.5") << 2.5 << 6 << QStringLiteral("%.1f %"); // 0.5
        QTest::newRow("2") << 2.0 << 5 << QStringLiteral("%.1f %"); // 0.5
        QTest::newRow("1") << 1.0 << 3 << QStringLiteral("%.1f %"); // 0.5
        QTest::newRow("10") << 10.0 << 5 << QStringLiteral("%.1f %"); // 2.5
    }

    void ticksAtRoundSteps()
    {
        QFETCH(double, top);
        QFETCH(int, ticks);
        QFETCH(QString, format);
        const Axis axis = axisFor(top, QStringLiteral("%"));
        QCOMPARE(axis.ticks, ticks);
        QCOMPARE(axis.labelFormat, format);
    }

    void formatsForAPerson()
    {
        QCOMPARE(format(Unit::Percent, 42), QStringLiteral("42 %"));
        QCOMPARE(format(Unit::Percent, 2.5), QStringLiteral("2.5 %"));
        QCOMPARE(format(Unit::Bytes, 1536), QStringLiteral("1.5 KiB"));
        QCOMPARE(format(Unit::BytesPerSecond, 3 * 1048576.0), QStringLiteral("3.0 MiB/s"));
        QVERIFY(format(Unit::Bytes, NAN).isEmpty());
    }
};

QTEST_GUILESS_MAIN(ChartUnitsTest)
#include "tst_chartunits.moc"
