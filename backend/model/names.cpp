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
} // namespace Flotilla::Names
