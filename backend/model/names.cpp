// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/names.h"

#include <KLocalizedString>

#include <QRegularExpression>

namespace Flotilla::Names
{
QString problem(const QString &name, const QString &missing)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"));
    if (name.isEmpty()) {
        return missing;
    }
    if (!allowed.match(name).hasMatch()) {
        return i18nc("@info", "Up to 64 letters, digits, “-”, “_” and “.”, not starting with “.”.");
    }
    return {};
}

QString machineProblem(const QString &name)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9-]{0,59}$"));
    if (name.isEmpty()) {
        return i18nc("@info", "Give the machine a name");
    }
    if (!allowed.match(name).hasMatch()) {
        return i18nc("@info",
            "A name is up to 60 letters, digits and “-”, starting with a letter or digit; it is the host name too");
    }
    return {};
}
} // namespace Flotilla::Names
