// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodecheck.h"

#include "model/tags.h"
#include "nodes/nodeuri.h"

#include <KLocalizedString>

#include <cmath>

namespace Flotilla::NodeCheck
{

QString nameProblem(const QString &name, const QStringList &takenNames)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return i18nc("@info", "Give the node a name");
    }
    for (const QString &taken : takenNames) {
        if (taken.trimmed().compare(trimmed, Qt::CaseInsensitive) == 0) {
            return i18nc("@info", "Another node is already called “%1”", taken);
        }
    }
    return {};
}

QString placeProblem(const Location &location)
{
    const bool latitudeOk = std::isnan(location.latitude) || std::abs(location.latitude) <= 90.0;
    const bool longitudeOk = std::isnan(location.longitude) || std::abs(location.longitude) <= 180.0;
    if (!latitudeOk || !longitudeOk) {
        return i18nc("@info", "its coordinates are outside the globe");
    }
    return {};
}

QString entryProblem(const NodeEntry &entry, const QStringList &takenNames)
{
    if (const Result<NodeUri::Parts> uri = NodeUri::validate(entry.uri); !uri) {
        return uri.error().details;
    }
    if (QString problem = nameProblem(entry.name, takenNames); !problem.isEmpty()) {
        return problem;
    }
    if (QString problem = placeProblem(entry.location); !problem.isEmpty()) {
        return problem;
    }
    return Tags::problem(entry.tags);
}

} // namespace Flotilla::NodeCheck
