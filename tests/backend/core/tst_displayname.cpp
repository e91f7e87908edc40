// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "core/displayname.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

/// Names written to deceive are shown as they are.
class DisplayNameTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsNamesSafely_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << u"Berlin home server"_s << u"Berlin home server"_s;
        QTest::newRow("accents and CJK") << u"Zürich 東京 ノード"_s << u"Zürich 東京 ノード"_s;
        QTest::newRow("right-to-left override") << u"invoice\u202Efdp.exe"_s << u"invoice[U+202E]fdp.exe"_s;
        QTest::newRow("isolate and pop") << u"a\u2067b\u2069"_s << u"a[U+2067]b[U+2069]"_s;
        QTest::newRow("marks") << u"web\u200E\u200F"_s << u"web[U+200E][U+200F]"_s;
        QTest::newRow("zero-width space") << u"web\u200B1"_s << u"web[U+200B]1"_s;
        QTest::newRow("byte order mark") << u"\uFEFFweb"_s << u"[U+FEFF]web"_s;
        QTest::newRow("no-break space") << u"web\u00A01"_s << u"web[U+00A0]1"_s;
        QTest::newRow("newline and tab") << u"web\n1\t"_s << u"web\u240A1\u2409"_s;
        QTest::newRow("delete") << u"web\u007F"_s << u"web\u2421"_s;
        QTest::newRow("hangul filler") << u"web\u3164"_s << u"web[U+3164]"_s;
        QTest::newRow("joiner between Latin letters") << u"pay\u200Cpal"_s << u"pay[U+200C]pal"_s;
        QTest::newRow("joiner in Persian") << u"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"_s
                                           << u"\u2068\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645\u2069"_s;
        QTest::newRow("joiner in an emoji")
            << u"\U0001F468\u200D\U0001F4BB lab"_s << u"\U0001F468\u200D\U0001F4BB lab"_s;
        QTest::newRow("hebrew isolated") << u"שרת 1"_s << u"\u2068שרת 1\u2069"_s;
        QTest::newRow("tag character") << u"web\U000E0041"_s << u"web[U+E0041]"_s;
    }

    void showsNamesSafely()
    {
        QFETCH(QString, name);
        QFETCH(QString, shown);
        QCOMPARE(displayName(name), shown);
    }

    void cannotReverseTheTextAfterIt()
    {
        // Whatever a name holds, no direction control of its own reaches the text after it.
        const QString shown = displayName(u"\u202B\u202Dx\u2066\u202E"_s);
        for (const QChar c : shown) {
            const bool control = (c.unicode() >= 0x202A && c.unicode() <= 0x202E)
                || (c.unicode() >= 0x2066 && c.unicode() <= 0x2069) || c.unicode() == 0x200E || c.unicode() == 0x200F;
            QVERIFY2(!control, qPrintable(shown));
        }
    }
};

QTEST_GUILESS_MAIN(DisplayNameTest)
#include "tst_displayname.moc"
