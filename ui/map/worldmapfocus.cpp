// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The world map by keyboard: Tab walks the markers in view, Enter opens one.
#include "map/worldmap.h"

#include <QKeyEvent>

namespace Flotilla
{

QList<const WorldMap::Drawn *> WorldMap::markersInView()
{
    QList<const Drawn *> inView;
    const QRectF box = boundingRect();
    for (const Drawn &group : drawn()) {
        if (box.contains(group.centre)) {
            inView.append(&group);
        }
    }
    // Reading order: west to east, then north to south.
    std::ranges::sort(inView, [](const Drawn *a, const Drawn *b) {
        return std::pair(a->centre.x(), a->centre.y()) < std::pair(b->centre.x(), b->centre.y());
    });
    return inView;
}

const WorldMap::Drawn *WorldMap::focusedGroup()
{
    if (m_focusedNodeId.isEmpty()) {
        return nullptr;
    }
    for (const Drawn &group : drawn()) {
        if (std::ranges::any_of(
                group.markers, [this](int index) { return m_markers.at(index).id == m_focusedNodeId; })) {
            return &group;
        }
    }
    return nullptr;
}

QString WorldMap::focusText()
{
    const Drawn *group = focusedGroup();
    return group ? describe(*group) : QString();
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
    const QList<const Drawn *> inView = markersInView();
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
        if (const Drawn *group = focusedGroup()) {
            open(*group);
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
