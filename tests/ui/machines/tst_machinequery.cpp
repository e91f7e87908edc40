// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machines/machinequery.h"

#include <QTest>

using namespace Flotilla;
using Field = MachineQuery::Field;
using Term = MachineQuery::Term;

// The machine search's little language: words, qualifiers, negation, quotes.
class MachineQueryTest : public QObject
{
    Q_OBJECT

    static MachineQuery::Subject web()
    {
        return {.name = QStringLiteral("web-frontend-2"),
            .nodeName = QStringLiteral("Helsinki rented server"),
            .city = QStringLiteral("Helsinki"),
            .country = QStringLiteral("Finland"),
            .countryCode = QStringLiteral("FI"),
            .state = MachineState::Running,
            .tags = {QStringLiteral("web"), QStringLiteral("prod tier")},
            .addresses = {QStringLiteral("10.0.3.21"), QStringLiteral("fd00::21")}};
    }

private Q_SLOTS:
    void parsesWordsAndQualifiers()
    {
        const MachineQuery query
            = MachineQuery::parse(QStringLiteral(" web  node:helsinki -state:off tag:\"prod tier\" "));
        const QList<Term> expected
            = {{Field::Anything, QStringLiteral("web"), false}, {Field::Node, QStringLiteral("helsinki"), false},
                {Field::State, QStringLiteral("off"), true}, {Field::Tag, QStringLiteral("prod tier"), false}};
        QCOMPARE(query.terms(), expected);
        QVERIFY(query.problem().isEmpty());
    }

    void keepsUnknownQualifiersAsWords()
    {
        const MachineQuery query = MachineQuery::parse(QStringLiteral("os:debian"));
        QCOMPARE(query.terms(), (QList<Term>{{Field::Anything, QStringLiteral("os:debian"), false}}));
    }

    void ignoresAQualifierStillBeingTyped()
    {
        QVERIFY(MachineQuery::parse(QStringLiteral("node:")).isEmpty());
        QVERIFY(MachineQuery::parse(QString()).isEmpty());
    }

    void explainsAnUnknownState()
    {
        const MachineQuery query = MachineQuery::parse(QStringLiteral("state:flying"));
        QVERIFY(query.problem().contains(QLatin1StringView("state:flying")));
        QVERIFY(query.problem().contains(QLatin1StringView("running")));
        QVERIFY(!query.matches(web()));
    }

    void matches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("everything") << QString() << true;
        QTest::newRow("part of the name, any case") << QStringLiteral("FRONT") << true;
        QTest::newRow("part of the node") << QStringLiteral("rented") << true;
        QTest::newRow("a word in a tag") << QStringLiteral("tier") << true;
        QTest::newRow("part of an address") << QStringLiteral("10.0.3") << true;
        QTest::newRow("not there") << QStringLiteral("database") << false;
        QTest::newRow("node") << QStringLiteral("node:helsinki") << true;
        QTest::newRow("other node") << QStringLiteral("node:berlin") << false;
        QTest::newRow("name is not node") << QStringLiteral("node:web") << false;
        QTest::newRow("state running") << QStringLiteral("state:running") << true;
        QTest::newRow("state active") << QStringLiteral("state:Active") << true;
        QTest::newRow("state off") << QStringLiteral("state:off") << false;
        QTest::newRow("negated state") << QStringLiteral("-state:off") << true;
        QTest::newRow("whole tag") << QStringLiteral("tag:web") << true;
        QTest::newRow("tag with a space") << QStringLiteral("tag:\"prod tier\"") << true;
        QTest::newRow("part of a tag is not the tag") << QStringLiteral("tag:we") << false;
        QTest::newRow("address prefix") << QStringLiteral("ip:10.0.") << true;
        QTest::newRow("address in the middle") << QStringLiteral("ip:3.21") << false;
        QTest::newRow("ipv6") << QStringLiteral("ip:fd00") << true;
        QTest::newRow("all must match") << QStringLiteral("web node:berlin") << false;
        QTest::newRow("negated word") << QStringLiteral("-frontend") << false;
        QTest::newRow("a lone dash is a word") << QStringLiteral("-") << true;
        QTest::newRow("country") << QStringLiteral("country:finland") << true;
        QTest::newRow("part of the country") << QStringLiteral("country:FINL") << true;
        QTest::newRow("country code") << QStringLiteral("country:fi") << true;
        QTest::newRow("other country") << QStringLiteral("country:germany") << false;
        QTest::newRow("other country code") << QStringLiteral("country:DE") << false;
        QTest::newRow("negated country") << QStringLiteral("-country:finland") << false;
        QTest::newRow("city") << QStringLiteral("city:helsinki") << true;
        QTest::newRow("part of the city") << QStringLiteral("city:HELS") << true;
        QTest::newRow("city typed with an accent") << QStringLiteral("city:hélsinki") << true;
        QTest::newRow("other city") << QStringLiteral("city:berlin") << false;
        QTest::newRow("the node's name is not its city") << QStringLiteral("city:rented") << false;
        QTest::newRow("the node's place is not its name") << QStringLiteral("node:finland") << false;
    }

    void matches()
    {
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(MachineQuery::parse(text).matches(web()), matches);
    }

    void matchesPlacesWithoutAccentsOrCase_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("city without its accent") << QStringLiteral("city:\"sao paulo\"") << true;
        QTest::newRow("city with it, in capitals") << QStringLiteral("city:SÃO") << true;
        QTest::newRow("second word of the city") << QStringLiteral("city:paulo") << true;
        QTest::newRow("country typed with an accent") << QStringLiteral("country:brazíl") << true;
        QTest::newRow("country") << QStringLiteral("country:brazil") << true;
        QTest::newRow("country code in capitals") << QStringLiteral("country:BR") << true;
        QTest::newRow("two letters are a code, not a part") << QStringLiteral("country:ra") << false;
    }

    void matchesPlacesWithoutAccentsOrCase()
    {
        QFETCH(QString, text);
        QFETCH(bool, matches);
        const MachineQuery::Subject saoPaulo{.name = QStringLiteral("cache-1"),
            .nodeName = QStringLiteral("mini"),
            .city = QStringLiteral("São Paulo"),
            .country = QStringLiteral("Brazil"),
            .countryCode = QStringLiteral("BR")};
        QCOMPARE(MachineQuery::parse(text).matches(saoPaulo), matches);
        QVERIFY(MachineQuery::parse(text).problem().isEmpty());
    }

    void parsesPlaces()
    {
        const MachineQuery query = MachineQuery::parse(QStringLiteral("City:Helsinki -country:\"united states\""));
        const QList<Term> expected = {
            {Field::City, QStringLiteral("Helsinki"), false}, {Field::Country, QStringLiteral("united states"), true}};
        QCOMPARE(query.terms(), expected);
    }
};

QTEST_GUILESS_MAIN(MachineQueryTest)
#include "tst_machinequery.moc"
