// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/worldmap.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QQuickWindow>
#include <QStyleHints>

#include <cmath>

namespace Flotilla
{

WorldMap::WorldMap(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton);
    setAcceptHoverEvents(true);
    setActiveFocusOnTab(true);
    setAntialiasing(true);
    connect(this, &WorldMap::appearanceChanged, this, [this] {
        m_layoutStale = true;
        m_painter.invalidate();
        update();
    });
    connect(&m_markers, &MapMarkers::moved, this, &WorldMap::markersMoved);
    connect(&m_markers, &MapMarkers::restyled, this, [this] { update(); });
}

void WorldMap::setModel(QAbstractItemModel *model)
{
    if (m_markers.model() == model) {
        return;
    }
    m_markers.setModel(model);
    Q_EMIT modelChanged();
}

MapStyle WorldMap::style() const
{
    return MapStyle{.markerSize = m_markerSize,
        .water = m_waterColor,
        .land = m_landColor,
        .border = m_borderColor,
        .good = m_goodColor,
        .busy = m_busyColor,
        .bad = m_badColor,
        .off = m_offColor,
        .text = m_textColor,
        .highlight = m_highlightColor};
}

void WorldMap::paint(QPainter *painter)
{
    const MapStyle look = style();
    m_painter.paintCountries(painter, m_view, window() ? window()->effectiveDevicePixelRatio() : 1.0, look);
    m_painter.paintMarkers(
        painter, layout(), m_markers.all(), look, m_highlighted, hasActiveFocus() ? focusedGroup() : nullptr);
    if (m_pin) {
        m_painter.paintPin(painter, itemPoint(m_pin->y(), m_pin->x()), look);
    }
}

const MarkerLayout &WorldMap::layout()
{
    if (m_layoutStale) {
        m_layout = MarkerLayout(m_markers.all(), m_view, m_markerSize);
        m_layoutStale = false;
    }
    return m_layout;
}

QVariantList WorldMap::groups()
{
    QVariantList list;
    for (const MarkerGroup &group : layout().groups()) {
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

void WorldMap::markersMoved()
{
    m_layoutStale = true;
    update();
    Q_EMIT groupsChanged();
    if (!m_focusedNodeId.isEmpty()) {
        Q_EMIT focusedNodeChanged(); // its group, so its text, may have changed
    }
}

void WorldMap::viewMoved()
{
    m_layoutStale = true;
    m_painter.invalidate();
    update();
    Q_EMIT viewChanged();
    Q_EMIT groupsChanged();
    if (!m_focusedNodeId.isEmpty()) {
        Q_EMIT focusedNodeChanged();
    }
}

// The view: zoom, centre, pin, highlight, and what a click means.

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
    for (const MapMarkers::Marker &marker : m_markers.all()) {
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
    if (const MarkerGroup *target = layout().at(point)) {
        open(*target);
    }
}

void WorldMap::open(const MarkerGroup &group)
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

// The pointer: wheel, drag, click, hover.

void WorldMap::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    m_view.zoomAround(event->position(), std::pow(zoomStep, steps));
    viewMoved();
    event->accept();
}

void WorldMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton) {
        // A node's menu: on a marker of one node only (a group opens by zooming).
        const MarkerGroup *target = m_picking ? nullptr : layout().at(event->position());
        if (target && target->markers.size() == 1) {
            Q_EMIT nodeMenuRequested(m_markers.at(target->markers.first()).id, event->position());
        }
        event->accept();
        return;
    }
    m_pressPoint = event->position();
    m_lastDragPoint = event->position();
    m_dragged = false;
    forceActiveFocus(Qt::MouseFocusReason);
    event->accept();
}

void WorldMap::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton)) {
        return; // the right button opens a menu; it does not drag
    }
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
    if (event->button() == Qt::RightButton) {
        return;
    }
    if (!m_dragged) {
        clickAt(event->position());
    }
    m_dragged = false;
}

void WorldMap::hoverMoveEvent(QHoverEvent *event)
{
    const MarkerGroup *target = layout().at(event->position());
    setHover(target ? m_markers.describe(target->markers) : QString(), target ? target->centre : QPointF());
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

// The keyboard: Tab walks the markers in view, Enter opens one; other keys move the view.

void WorldMap::keyPressEvent(QKeyEvent *event)
{
    if (focusKey(event) || viewKey(event)) {
        event->accept();
        return;
    }
    QQuickPaintedItem::keyPressEvent(event);
}

bool WorldMap::viewKey(QKeyEvent *event)
{
    const double step = std::min(width(), height()) / 8;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return true;
    case Qt::Key_Minus:
        zoomOut();
        return true;
    case Qt::Key_0:
    case Qt::Key_Home:
        resetView();
        return true;
    case Qt::Key_Left:
        m_view.pan({step, 0});
        break;
    case Qt::Key_Right:
        m_view.pan({-step, 0});
        break;
    case Qt::Key_Up:
        m_view.pan({0, step});
        break;
    case Qt::Key_Down:
        m_view.pan({0, -step});
        break;
    default:
        return false;
    }
    viewMoved();
    return true;
}

const MarkerGroup *WorldMap::focusedGroup()
{
    return layout().holding(m_markers.all(), m_focusedNodeId);
}

QString WorldMap::focusText()
{
    const MarkerGroup *group = focusedGroup();
    return group ? m_markers.describe(group->markers) : QString();
}

void WorldMap::setFocusedNode(const QString &id)
{
    if (m_focusedNodeId == id) {
        return;
    }
    m_focusedNodeId = id;
    update();
    Q_EMIT focusedNodeChanged();
}

bool WorldMap::moveFocus(bool forward)
{
    const QList<const MarkerGroup *> inView = layout().inReadingOrder(boundingRect());
    qsizetype at = inView.indexOf(focusedGroup());
    if (at < 0) {
        at = forward ? 0 : inView.size() - 1;
    } else {
        at += forward ? 1 : -1;
    }
    if (at < 0 || at >= inView.size()) {
        setFocusedNode({}); // past the last marker: the focus leaves the map
        return false;
    }
    setFocusedNode(m_markers.at(inView.at(at)->markers.first()).id);
    return true;
}

void WorldMap::focusInEvent(QFocusEvent *event)
{
    QQuickPaintedItem::focusInEvent(event);
    if (event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason) {
        setFocusedNode({});
        moveFocus(event->reason() == Qt::TabFocusReason);
    }
}

void WorldMap::focusOutEvent(QFocusEvent *event)
{
    QQuickPaintedItem::focusOutEvent(event);
    setFocusedNode({});
}

bool WorldMap::focusKey(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        if (event->modifiers() & ~Qt::ShiftModifier) {
            return false; // Ctrl+Tab and the like belong to the window
        }
        return moveFocus(event->key() == Qt::Key_Tab && !(event->modifiers() & Qt::ShiftModifier));
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (const MarkerGroup *group = focusedGroup()) {
            open(*group);
            return true;
        }
        return false;
    case Qt::Key_Menu:
        if (const MarkerGroup *group = focusedGroup(); group && group->markers.size() == 1) {
            Q_EMIT nodeMenuRequested(m_markers.at(group->markers.first()).id, group->centre);
            return true;
        }
        return false;
    case Qt::Key_Escape:
        if (!m_focusedNodeId.isEmpty()) {
            setFocusedNode({});
            return true;
        }
        return false;
    default:
        return false;
    }
}

} // namespace Flotilla
