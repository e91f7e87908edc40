// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "commandline.h"

#include <QTest>

using namespace Flotilla;

class CommandLineTest : public QObject
{
    Q_OBJECT

    static CommandLine::Outcome run(QStringList arguments)
    {
        arguments.prepend(QStringLiteral("flotilla"));
        return CommandLine::parse(arguments);
    }

private Q_SLOTS:
    void startsWithWhatItIsGiven()
    {
        const CommandLine::Outcome outcome = run({QStringLiteral("--demo"), QStringLiteral("--connect"),
            QStringLiteral("qemu+ssh://me@berlin.example/system"), QStringLiteral("--connect=test:///default"),
            QStringLiteral("--color-scheme"), QStringLiteral("BreezeDark")});
        QVERIFY(outcome.start);
        QVERIFY(outcome.start->demo);
        QCOMPARE(outcome.start->colorScheme, QStringLiteral("BreezeDark"));
        QCOMPARE(outcome.start->connect.size(), 2);
        QCOMPARE(outcome.start->connect.first().name, QStringLiteral("berlin.example"));
        QCOMPARE(outcome.start->connect.first().uri, QStringLiteral("qemu+ssh://me@berlin.example/system"));
        QVERIFY(outcome.start->connect.first().id != outcome.start->connect.last().id);
    }

    void answersHelpAndVersionWithoutStarting()
    {
        const CommandLine::Outcome help = run({QStringLiteral("--help")});
        QVERIFY(!help.start);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.output.contains(QStringLiteral("--connect <uri>")));
        // The program is named, not "<executable_name>" nor the test's own name.
        QVERIFY2(help.output.startsWith(QStringLiteral("Usage: flotilla [options]\n")), qPrintable(help.output));
        const CommandLine::Outcome version = run({QStringLiteral("--version")});
        QVERIFY(!version.start);
        QVERIFY(version.output.startsWith(QStringLiteral("flotilla ")));
    }

    void refusesMistakesBeforeAnyWindow_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad uri") << QStringList{QStringLiteral("--connect"), QStringLiteral("qemu+ssh:///system")}
                                 << QStringLiteral("needs a host");
        QTest::newRow("no uri") << QStringList{QStringLiteral("--connect")} << QStringLiteral("connect");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("uri that runs a program")
            << QStringList{QStringLiteral("--connect"), QStringLiteral("qemu+ssh://h/system?command=/tmp/evil")}
            << QStringLiteral("“command”");
        QTest::newRow("ext transport") << QStringList{QStringLiteral("--connect"), QStringLiteral("qemu+ext:///system")}
                                       << QStringLiteral("runs a program");
        QTest::newRow("unverified") << QStringList{QStringLiteral("--connect"),
            QStringLiteral("qemu+tls://h/system?no_verify=1")}
                                    << QStringLiteral("Add Node");
        QTest::newRow("bare uri") << QStringList{QStringLiteral("qemu:///system")} << QStringLiteral("--connect URI");
    }

    void refusesMistakesBeforeAnyWindow()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const CommandLine::Outcome outcome = run(arguments);
        QVERIFY(!outcome.start);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.output.contains(mentions), qPrintable(outcome.output));
    }
};

QTEST_GUILESS_MAIN(CommandLineTest)
#include "tst_commandline.moc"
