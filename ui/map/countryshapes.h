// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QPainterPath>

namespace Flotilla
{

/// The countries' outlines, projected into world units (MapGeometry) once.
class CountryShapes
{
public:
    /// From a GeoJSON FeatureCollection of Polygons and MultiPolygons.
    static CountryShapes fromGeoJson(const QByteArray &json);
    /// The bundled Natural Earth countries, read on first use.
    static const CountryShapes &bundled();

    [[nodiscard]] const QList<QPainterPath> &outlines() const { return m_outlines; }

private:
    QList<QPainterPath> m_outlines; ///< one per country
};

} // namespace Flotilla
