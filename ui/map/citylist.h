// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Flotilla
{

/// A place a node can stand: a city of the bundled list (resources/geo).
struct City {
    QString name;
    QString countryCode; ///< ISO 3166-1 alpha-2
    QString country;
    double latitude = 0;
    double longitude = 0;
    QString folded; ///< the name without accents, case-folded, for matching
};

/// The bundled cities, read once, searched without regard to accents or case.
class CityList
{
public:
    /// Reads CSV rows "name,iso2,country,lat,lon" (with a header; fields may be quoted).
    static CityList fromCsv(const QByteArray &csv);
    /// The list compiled into Flotilla, read on first use.
    static const CityList &bundled();

    /// "São Paulo" → "sao paulo".
    [[nodiscard]] static QString fold(const QString &text);

    /// Cities whose name (or a word of it) starts with @p text, ignoring
    /// accents and case; names that start with it first, then the others,
    /// each alphabetically. At most @p limit.
    [[nodiscard]] QList<City> search(const QString &text, int limit = 20) const;
    /// The city nearest to a point, if one lies within @p withinKm.
    [[nodiscard]] std::optional<City> nearest(double latitude, double longitude, double withinKm = 150) const;

    [[nodiscard]] const QList<City> &cities() const { return m_cities; }

private:
    QList<City> m_cities;
};

/// Great-circle distance in kilometres.
[[nodiscard]] double distanceKm(double latitude1, double longitude1, double latitude2, double longitude2);

} // namespace Flotilla
