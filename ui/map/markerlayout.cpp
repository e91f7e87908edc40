// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The world map's markers as drawn: grouped where they would overlap, sized by machines.
#include "map/worldmap.h"

#include <QLineF>

#include <cmath>

namespace Flotilla
{

double WorldMap::radiusOf(const Drawn &drawn) const
{
    int machines = 0;
    for (int marker : drawn.markers) {
        machines += m_markers.at(marker).machines;
    }
    // Grows with the machines it holds, slowly: 0 machines 1×, 16 about 1.5×, 64 2×.
    const double base = m_markerSize / 2 * (1 + std::sqrt(double(machines)) / 8);
    return drawn.markers.size() > 1 ? std::max(base, m_markerSize * 0.8) : std::min(base, m_markerSize);
}

const QList<WorldMap::Drawn> &WorldMap::drawn()
{
    if (!m_drawnStale) {
        return m_drawn;
    }
    QList<QPointF> positions;
    positions.reserve(m_markers.size());
    for (const Marker &marker : std::as_const(m_markers)) {
        positions.append(m_view.toItem(marker.world));
    }
    // Two markers overlap when their centres are closer than a marker's width.
    const QList<MapGeometry::Group> groups = MapGeometry::group(positions, m_markerSize * 1.5);
    m_drawn.clear();
    for (const MapGeometry::Group &group : groups) {
        Drawn drawn{.centre = group.centre, .markers = group.members};
        drawn.radius = radiusOf(drawn);
        m_drawn.append(drawn);
    }
    m_drawnStale = false;
    return m_drawn;
}

const WorldMap::Drawn *WorldMap::drawnAt(QPointF point)
{
    const Drawn *best = nullptr;
    double bestDistance = 0;
    for (const Drawn &candidate : drawn()) {
        const double distance = QLineF(candidate.centre, point).length();
        if (distance <= candidate.radius + 3 && (!best || distance < bestDistance)) {
            best = &candidate;
            bestDistance = distance;
        }
    }
    return best;
}

QVariantList WorldMap::groups()
{
    QVariantList list;
    for (const Drawn &group : drawn()) {
        QStringList ids;
        QStringList names;
        for (int marker : group.markers) {
            ids.append(m_markers.at(marker).id);
            names.append(m_markers.at(marker).name);
        }
        list.append(QVariantMap{{QStringLiteral("x"), group.centre.x()}, {QStringLiteral("y"), group.centre.y()},
            {QStringLiteral("count"), group.markers.size()}, {QStringLiteral("nodeIds"), ids},
            {QStringLiteral("names"), names}});
    }
    return list;
}

} // namespace Flotilla
