// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/markerlayout.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

namespace Flotilla
{

MarkerLayout::MarkerLayout(const QList<MapMarkers::Marker> &markers, const MapGeometry::View &view, double markerSize)
{
    QList<QPointF> positions;
    positions.reserve(markers.size());
    for (const MapMarkers::Marker &marker : markers) {
        positions.append(view.toItem(marker.world));
    }
    // Two markers overlap when their centres are closer than a marker's width.
    const QList<MapGeometry::Group> groups = MapGeometry::group(positions, markerSize * 1.5);
    m_groups.reserve(groups.size());
    for (const MapGeometry::Group &group : groups) {
        int machines = 0;
        for (int marker : group.members) {
            machines += markers.at(marker).machines;
        }
        // Grows with the machines it holds, slowly: 0 machines 1×, 16 about 1.5×, 64 2×.
        const double base = markerSize / 2 * (1 + std::sqrt(double(machines)) / 8);
        const double radius = group.members.size() > 1 ? std::max(base, markerSize * 0.8) : std::min(base, markerSize);
        m_groups.append(MarkerGroup{.centre = group.centre, .radius = radius, .markers = group.members});
    }
}

const MarkerGroup *MarkerLayout::at(QPointF point) const
{
    const MarkerGroup *best = nullptr;
    double bestDistance = 0;
    for (const MarkerGroup &candidate : m_groups) {
        const double distance = QLineF(candidate.centre, point).length();
        if (distance <= candidate.radius + 3 && (!best || distance < bestDistance)) {
            best = &candidate;
            bestDistance = distance;
        }
    }
    return best;
}

const MarkerGroup *MarkerLayout::holding(const QList<MapMarkers::Marker> &markers, const QString &nodeId) const
{
    if (nodeId.isEmpty()) {
        return nullptr;
    }
    for (const MarkerGroup &group : m_groups) {
        if (std::ranges::any_of(group.markers, [&](int index) { return markers.at(index).id == nodeId; })) {
            return &group;
        }
    }
    return nullptr;
}

QList<const MarkerGroup *> MarkerLayout::inReadingOrder(const QRectF &box) const
{
    QList<const MarkerGroup *> inView;
    for (const MarkerGroup &group : m_groups) {
        if (box.contains(group.centre)) {
            inView.append(&group);
        }
    }
    std::ranges::sort(inView, [](const MarkerGroup *a, const MarkerGroup *b) {
        return std::pair(a->centre.x(), a->centre.y()) < std::pair(b->centre.x(), b->centre.y());
    });
    return inView;
}

} // namespace Flotilla
