// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/citylist.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Flotilla
{

namespace
{

/// One CSV line into fields; a field in double quotes may hold commas ("" is a quote).
QStringList splitCsvLine(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

} // namespace

QString CityList::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing) {
            folded += c;
        }
    }
    return folded.toCaseFolded().simplified();
}

CityList CityList::fromCsv(const QByteArray &csv)
{
    CityList list;
    const QStringList lines = QString::fromUtf8(csv).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) { // the first line names the columns
        const QStringList fields = splitCsvLine(lines.at(i).trimmed());
        bool latitudeOk = false;
        bool longitudeOk = false;
        City city{.name = fields.value(0),
            .countryCode = fields.value(1),
            .country = fields.value(2),
            .latitude = fields.value(3).toDouble(&latitudeOk),
            .longitude = fields.value(4).toDouble(&longitudeOk)};
        if (fields.size() != 5 || city.name.isEmpty() || !latitudeOk || !longitudeOk) {
            continue;
        }
        city.folded = fold(city.name);
        list.m_cities.append(city);
    }
    return list;
}

const CityList &CityList::bundled()
{
    static const CityList list = [] {
        QFile file(QStringLiteral(":/flotilla/geo/cities_gweather.csv"));
        return file.open(QIODevice::ReadOnly) ? fromCsv(file.readAll()) : CityList();
    }();
    return list;
}

QList<City> CityList::search(const QString &text, int limit) const
{
    const QString wanted = fold(text);
    if (wanted.isEmpty()) {
        return {};
    }
    QList<City> starts;
    QList<City> words;
    for (const City &city : m_cities) {
        if (city.folded.startsWith(wanted)) {
            starts.append(city);
        } else if (city.folded.contains(QLatin1Char(' ') + wanted) || city.folded.contains(QLatin1Char('-') + wanted)) {
            words.append(city);
        }
    }
    const auto byName = [](const City &a, const City &b) { return a.folded < b.folded; };
    std::ranges::stable_sort(starts, byName);
    std::ranges::stable_sort(words, byName);
    starts.append(words);
    if (starts.size() > limit) {
        starts.resize(limit);
    }
    return starts;
}

std::optional<City> CityList::nearest(double latitude, double longitude, double withinKm) const
{
    std::optional<City> best;
    double bestKm = withinKm;
    for (const City &city : m_cities) {
        const double km = distanceKm(latitude, longitude, city.latitude, city.longitude);
        if (km <= bestKm) {
            bestKm = km;
            best = city;
        }
    }
    return best;
}

double distanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
{
    constexpr double radians = std::numbers::pi / 180;
    const double dLatitude = (latitude2 - latitude1) * radians;
    const double dLongitude = (longitude2 - longitude1) * radians;
    const double a = std::pow(std::sin(dLatitude / 2), 2)
        + std::cos(latitude1 * radians) * std::cos(latitude2 * radians) * std::pow(std::sin(dLongitude / 2), 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

} // namespace Flotilla
