// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/countryshapes.h"

#include "map/mapgeometry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Flotilla
{

namespace
{

/// One polygon: an outer ring and any holes, each a list of [lon, lat].
void addPolygon(QPainterPath &path, const QJsonArray &rings)
{
    for (const QJsonValue &ring : rings) {
        const QJsonArray points = ring.toArray();
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QJsonArray point = points.at(i).toArray();
            // South of the map's edge is cut: the point is held at the edge.
            const double latitude = std::max(point.at(1).toDouble(), MapGeometry::southEdge);
            const QPointF world = MapGeometry::project(latitude, point.at(0).toDouble());
            if (i == 0) {
                path.moveTo(world);
            } else {
                path.lineTo(world);
            }
        }
        path.closeSubpath();
    }
}

} // namespace

CountryShapes CountryShapes::fromGeoJson(const QByteArray &json)
{
    CountryShapes shapes;
    const QJsonArray features = QJsonDocument::fromJson(json).object().value(QLatin1StringView("features")).toArray();
    for (const QJsonValue &feature : features) {
        const QJsonObject geometry = feature.toObject().value(QLatin1StringView("geometry")).toObject();
        const QString type = geometry.value(QLatin1StringView("type")).toString();
        const QJsonArray coordinates = geometry.value(QLatin1StringView("coordinates")).toArray();
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        if (type == QLatin1StringView("Polygon")) {
            addPolygon(path, coordinates);
        } else if (type == QLatin1StringView("MultiPolygon")) {
            for (const QJsonValue &polygon : coordinates) {
                addPolygon(path, polygon.toArray());
            }
        }
        if (!path.isEmpty()) {
            shapes.m_outlines.append(path);
        }
    }
    return shapes;
}

const CountryShapes &CountryShapes::bundled()
{
    static const CountryShapes shapes = [] {
        QFile file(QStringLiteral(":/flotilla/geo/countries110.geojson"));
        return file.open(QIODevice::ReadOnly) ? fromGeoJson(file.readAll()) : CountryShapes();
    }();
    return shapes;
}

} // namespace Flotilla
