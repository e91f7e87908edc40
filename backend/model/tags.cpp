// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/tags.h"

#include <KLocalizedString>

#include <QRegularExpression>

namespace Flotilla::Tags
{

QString problem(const QString &tag)
{
    // Letters, digits and a few marks: what a tag: search and a file name take without quotes.
    static const QRegularExpression allowed(
        QStringLiteral("^[\\w.+-]+$"), QRegularExpression::UseUnicodePropertiesOption);
    if (tag.isEmpty()) {
        return i18nc("@info", "A tag cannot be empty");
    }
    if (tag.size() > longest) {
        return i18nc("@info %1 is a tag", "“%1” is too long: a tag has at most %2 characters", tag, longest);
    }
    if (!allowed.match(tag).hasMatch()) {
        return i18nc("@info %1 is a tag",
            "“%1” has a character a tag cannot hold: use letters, digits, “-”, “_”, “.” and “+”", tag);
    }
    return {};
}

QString problem(const QStringList &tags)
{
    for (const QString &tag : tags) {
        if (QString found = problem(tag); !found.isEmpty()) {
            return found;
        }
    }
    return {};
}

QStringList split(QStringView text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QStringList result;
    for (const QStringView tag : text.split(separators, Qt::SkipEmptyParts)) {
        if (!result.contains(tag, Qt::CaseInsensitive)) {
            result.append(tag.toString());
        }
    }
    return result;
}

QString join(const QStringList &tags)
{
    return tags.join(QLatin1Char(','));
}

} // namespace Flotilla::Tags
