// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <cmath>

namespace Flotilla
{

/// Where a node stands in the world. Flotilla's own knowledge: libvirt
/// knows nothing of it.
struct Location {
    QString city;
    QString country;
    QString countryCode; ///< ISO 3166-1 alpha-2
    double latitude = NAN;
    double longitude = NAN;

    [[nodiscard]] bool hasCoordinates() const { return !std::isnan(latitude) && !std::isnan(longitude); }
};

/// One node of the user's list: how to reach it and what to call it.
struct NodeEntry {
    QString id; ///< stable key, unique in the list
    QString name; ///< what the user calls it
    QString uri; ///< libvirt connection URI
    Location location;
    QStringList tags;
    bool enabled = true;
    /// The person's mark that the node is in maintenance: placement puts no
    /// new machine or replica here. A drain sets it; the person ends it.
    bool maintenance = false;
};

} // namespace Flotilla
