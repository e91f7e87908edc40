// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "core/displayname.h"

#include <algorithm>

#include <QList>

namespace Flotilla
{

namespace
{

constexpr char32_t zeroWidthNonJoiner = 0x200C;
constexpr char32_t zeroWidthJoiner = 0x200D;
constexpr char32_t firstStrongIsolate = 0x2068;
constexpr char32_t popDirectionalIsolate = 0x2069;

/// Letters and marks that show nothing though Unicode does not call them format characters.
bool blankLetter(char32_t c)
{
    return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 // Hangul fillers
        || c == 0x034F // combining grapheme joiner
        || c == 0x2800; // braille blank
}

bool invisible(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    case QChar::Separator_Space:
        return c != U' ' && c != 0x3000; // the ideographic space is as wide as a character
    default:
        return blankLetter(c);
    }
}

/// A joiner that only shapes the letters around it, as in Persian or in emoji sequences.
bool shapingJoiner(const QList<uint> &text, qsizetype i)
{
    if (text.at(i) != zeroWidthNonJoiner && text.at(i) != zeroWidthJoiner) {
        return false;
    }
    if (i == 0 || i + 1 == text.size()) {
        return false;
    }
    const auto shown = [](char32_t c) { return c > 0xFF && !invisible(c); };
    return shown(text.at(i - 1)) && shown(text.at(i + 1));
}

bool rightToLeft(char32_t c)
{
    const QChar::Direction direction = QChar::direction(c);
    return direction == QChar::DirR || direction == QChar::DirAL || direction == QChar::DirAN;
}

QString mark(char32_t c)
{
    if (c < 0x20) {
        return QString(QChar(char16_t(0x2400 + c))); // ␀ … ␟
    }
    if (c == 0x7F) {
        return QString(QChar(char16_t(0x2421))); // ␡
    }
    return QStringLiteral("[U+%1]").arg(QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0')));
}

} // namespace

QString displayName(const QString &name)
{
    // Most names are printable ASCII: nothing to mark or isolate, no copy.
    // List models ask for names as rows are made, so this path stays cheap.
    if (std::ranges::all_of(name, [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; })) {
        return name;
    }
    const QList<uint> text = name.toUcs4();
    QString shown;
    shown.reserve(name.size());
    bool changed = false;
    bool isolate = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char32_t c = text.at(i);
        if (invisible(c) && !shapingJoiner(text, i)) {
            shown += mark(c);
            changed = true;
            continue;
        }
        isolate = isolate || rightToLeft(c);
        shown += QString::fromUcs4(&c, 1);
    }
    if (isolate) {
        return QString::fromUcs4(&firstStrongIsolate, 1) + shown + QString::fromUcs4(&popDirectionalIsolate, 1);
    }
    return changed ? shown : name;
}

} // namespace Flotilla
