// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "console/keysyms.h"

#include <QKeyEvent>
#include <QTest>

#include <rfb/keysym.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;

// What keys, characters and Send Key's combinations are called on a VNC display.
class KeysymsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void charactersAreTheirKeysyms()
    {
        QCOMPARE(Keysyms::forCharacter(U'a'), quint32(XK_a));
        QCOMPARE(Keysyms::forCharacter(U'A'), quint32(XK_A));
        QCOMPARE(Keysyms::forCharacter(U'~'), quint32(XK_asciitilde));
        QCOMPARE(Keysyms::forCharacter(U'é'), quint32(XK_eacute));
        QCOMPARE(Keysyms::forCharacter(U'€'), 0x010020acu);
        QCOMPARE(Keysyms::forCharacter(U'\n'), quint32(XK_Return));
        QCOMPARE(Keysyms::forCharacter(U'\t'), quint32(XK_Tab));
        QCOMPARE(Keysyms::forCharacter(U'\a'), 0u);
    }

    void keysWithoutTextByName()
    {
        // The offscreen platform reports no keysyms of its own: the table answers.
        QCOMPARE(Keysyms::of(QKeyEvent(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier)), quint32(XK_Escape));
        QCOMPARE(Keysyms::of(QKeyEvent(QEvent::KeyPress, Qt::Key_F11, Qt::NoModifier)), quint32(XK_F11));
        QCOMPARE(Keysyms::of(QKeyEvent(QEvent::KeyPress, Qt::Key_Control, Qt::ControlModifier)), quint32(XK_Control_L));
        QCOMPARE(Keysyms::of(QKeyEvent(QEvent::KeyPress, Qt::Key_Q, Qt::NoModifier, u"q"_s)), quint32(XK_q));
        // Ctrl+C makes a control character; the key is still c.
        QCOMPARE(Keysyms::of(QKeyEvent(QEvent::KeyPress, Qt::Key_C, Qt::ControlModifier, u"\x03"_s)), quint32(XK_c));
        QCOMPARE(Keysyms::of(QKeyEvent(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier)), 0u);
    }

    void sendKeyCombinations()
    {
        QCOMPARE(Keysyms::combination(u"Ctrl+Alt+Del"_s), (QList<quint32>{XK_Control_L, XK_Alt_L, XK_Delete}));
        QCOMPARE(Keysyms::combination(u"Ctrl+Alt+F1"_s), (QList<quint32>{XK_Control_L, XK_Alt_L, XK_F1}));
        QCOMPARE(Keysyms::combination(u"Ctrl+Alt+F12"_s), (QList<quint32>{XK_Control_L, XK_Alt_L, XK_F12}));
        QCOMPARE(Keysyms::combinations().size(), 14);
        QVERIFY(Keysyms::combination(u"Ctrl+Alt+F13"_s).isEmpty());
    }
};

QTEST_MAIN(KeysymsTest)
#include "tst_keysyms.moc"
