// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The world map's view: zoom, centre, pin, highlight, and what a click means.
#include "map/worldmap.h"

#include <cmath>

namespace Flotilla
{

void WorldMap::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    m_view.size = newGeometry.size();
    m_view.clamp();
    viewMoved();
}

void WorldMap::setZoom(double zoom)
{
    m_view.zoomAround(QPointF(width() / 2, height() / 2), zoom / m_view.zoom);
    viewMoved();
}

void WorldMap::zoomIn()
{
    setZoom(m_view.zoom * zoomStep);
}

void WorldMap::zoomOut()
{
    setZoom(m_view.zoom / zoomStep);
}

void WorldMap::resetView()
{
    m_view = MapGeometry::View{.size = m_view.size};
    viewMoved();
}

void WorldMap::centreOn(double latitude, double longitude, double zoom)
{
    m_view.zoom = zoom;
    m_view.centre = MapGeometry::project(latitude, longitude);
    m_view.clamp();
    viewMoved();
}

QPointF WorldMap::itemPoint(double latitude, double longitude) const
{
    return m_view.toItem(MapGeometry::project(latitude, longitude));
}

QPointF WorldMap::placeAt(QPointF point) const
{
    return MapGeometry::unproject(m_view.toWorld(point));
}

void WorldMap::setPin(double latitude, double longitude)
{
    if (std::isnan(latitude) || std::isnan(longitude)) {
        m_pin.reset();
    } else {
        m_pin = QPointF(longitude, latitude);
    }
    update();
    Q_EMIT pinChanged();
}

void WorldMap::setHighlightedNodeId(const QString &id)
{
    if (m_highlighted == id) {
        return;
    }
    m_highlighted = id;
    for (const Marker &marker : std::as_const(m_markers)) {
        if (marker.id == id) {
            const QPointF place = MapGeometry::unproject(marker.world);
            centreOn(place.y(), place.x(), 4);
        }
    }
    update();
    Q_EMIT highlightChanged();
}

void WorldMap::clickAt(QPointF point)
{
    if (m_picking) {
        const QPointF place = placeAt(point);
        const double latitude = std::clamp(place.y(), MapGeometry::southEdge, MapGeometry::northEdge);
        const double longitude = std::clamp(place.x(), -180.0, 180.0);
        setPin(latitude, longitude);
        Q_EMIT locationPicked(latitude, longitude);
        return;
    }
    if (const Drawn *target = drawnAt(point)) {
        open(*target);
    }
}

void WorldMap::open(const Drawn &group)
{
    if (group.markers.size() == 1) {
        Q_EMIT nodeClicked(m_markers.at(group.markers.first()).id);
        return;
    }
    // Zoom into the group, centred on it, until its nodes stand apart.
    m_view.centre = m_view.toWorld(group.centre);
    m_view.zoom *= 2.5;
    m_view.clamp();
    viewMoved();
}

} // namespace Flotilla
