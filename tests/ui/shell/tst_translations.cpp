// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include <KLocalizedString>

#include <QTest>

#include <clocale>

// Proves the translation chain: translations/de/flotilla.po is compiled by
// the build and found by KI18n at run time (the test's XDG_DATA_DIRS names
// the build folder, where the catalogues are made).
class TranslationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray locale = setlocale(LC_MESSAGES, nullptr);
        QVERIFY2(!locale.startsWith("C") && locale != "POSIX",
            "the test needs a real locale (en_US.UTF-8, Debian package locales-all): gettext ignores "
            "the language list under C");
        KLocalizedString::setApplicationDomain("flotilla");
        QVERIFY2(KLocalizedString::isApplicationTranslatedInto(QStringLiteral("de")),
            "no German catalogue for the domain 'flotilla' was found under $XDG_DATA_DIRS/locale");
    }

    void germanIsUsed()
    {
        KLocalizedString::setLanguages({QStringLiteral("de")});
        QCOMPARE(i18nc("@title:window", "Nodes"), QStringLiteral("Knoten"));
        QCOMPARE(i18nc("@title:window", "Machines"), QStringLiteral("Maschinen"));
        QCOMPARE(i18ncp("@info", "%1 vCPU", "%1 vCPUs", 4), QStringLiteral("4 vCPUs"));
        QCOMPARE(i18nc("@info:status machine", "Off"), QStringLiteral("Aus"));
    }

    void englishRemainsTheSource()
    {
        KLocalizedString::setLanguages({QStringLiteral("en_US")});
        QCOMPARE(i18nc("@title:window", "Nodes"), QStringLiteral("Nodes"));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
