// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The world map's view and what a person does with it: zoom, pan, click, hover, keys.
#include "worldmap.h"

#include <QGuiApplication>
#include <QStyleHints>

namespace Flotilla
{

namespace
{
constexpr double zoomStep = 1.5;
} // namespace

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
    const Drawn *target = drawnAt(point);
    if (!target) {
        return;
    }
    if (target->markers.size() == 1) {
        Q_EMIT nodeClicked(m_markers.at(target->markers.first()).id);
        return;
    }
    // Zoom into the group, centred on it, until its nodes stand apart.
    m_view.centre = m_view.toWorld(target->centre);
    m_view.zoom *= 2.5;
    m_view.clamp();
    viewMoved();
}

void WorldMap::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    m_view.zoomAround(event->position(), std::pow(zoomStep, steps));
    viewMoved();
    event->accept();
}

void WorldMap::mousePressEvent(QMouseEvent *event)
{
    m_pressPoint = event->position();
    m_lastDragPoint = event->position();
    m_dragged = false;
    forceActiveFocus(Qt::MouseFocusReason);
    event->accept();
}

void WorldMap::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragged
        && QLineF(m_pressPoint, event->position()).length() < QGuiApplication::styleHints()->startDragDistance()) {
        return;
    }
    m_dragged = true;
    m_view.pan(event->position() - m_lastDragPoint);
    m_lastDragPoint = event->position();
    viewMoved();
}

void WorldMap::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragged) {
        clickAt(event->position());
    }
    m_dragged = false;
}

void WorldMap::hoverMoveEvent(QHoverEvent *event)
{
    const Drawn *target = drawnAt(event->position());
    setHover(target ? describe(*target) : QString(), target ? target->centre : QPointF());
}

void WorldMap::hoverLeaveEvent(QHoverEvent *)
{
    setHover({}, {});
}

void WorldMap::setHover(const QString &text, QPointF point)
{
    if (m_hoverText == text && m_hoverPoint == point) {
        return;
    }
    m_hoverText = text;
    m_hoverPoint = point;
    Q_EMIT hoverChanged();
}

void WorldMap::keyPressEvent(QKeyEvent *event)
{
    const double step = std::min(width(), height()) / 8;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        resetView();
        break;
    case Qt::Key_Left:
        m_view.pan({step, 0});
        viewMoved();
        break;
    case Qt::Key_Right:
        m_view.pan({-step, 0});
        viewMoved();
        break;
    case Qt::Key_Up:
        m_view.pan({0, step});
        viewMoved();
        break;
    case Qt::Key_Down:
        m_view.pan({0, -step});
        viewMoved();
        break;
    default:
        QQuickPaintedItem::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace Flotilla
