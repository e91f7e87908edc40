// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// What a person does with the world map: wheel, drag, click, hover, keys.
#include "map/worldmap.h"

#include <QGuiApplication>
#include <QStyleHints>

namespace Flotilla
{

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
    if (focusKey(event)) {
        event->accept();
        return;
    }
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
