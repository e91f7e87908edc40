// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/mapgeometry.h"

#include <QLineF>

#include <algorithm>

namespace Flotilla::MapGeometry
{

QPointF project(double latitude, double longitude)
{
    return {longitude + 180.0, northEdge - latitude};
}

QPointF unproject(QPointF world)
{
    return {world.x() - 180.0, northEdge - world.y()};
}

double View::scale() const
{
    const double fit = std::min(size.width() / worldSize.width(), size.height() / worldSize.height());
    return std::max(fit, 1e-6) * zoom;
}

QPointF View::toItem(QPointF world) const
{
    return (world - centre) * scale() + QPointF(size.width() / 2, size.height() / 2);
}

QPointF View::toWorld(QPointF item) const
{
    return (item - QPointF(size.width() / 2, size.height() / 2)) / scale() + centre;
}

void View::zoomAround(QPointF item, double factor)
{
    const QPointF anchor = toWorld(item);
    zoom = std::clamp(zoom * factor, 1.0, maxZoom);
    // Move the centre so that the anchor is under the same pixel again.
    centre += anchor - toWorld(item);
    clamp();
}

void View::pan(QPointF delta)
{
    centre -= delta / scale();
    clamp();
}

void View::clamp()
{
    zoom = std::clamp(zoom, 1.0, maxZoom);
    // Half the visible extent: the centre may not go further than that from the edges.
    const double halfWidth = size.width() / 2 / scale();
    const double halfHeight = size.height() / 2 / scale();
    const auto keep = [](double value, double low, double high) {
        return low > high ? (low + high) / 2 : std::clamp(value, low, high);
    };
    centre.setX(keep(centre.x(), halfWidth, worldSize.width() - halfWidth));
    centre.setY(keep(centre.y(), halfHeight, worldSize.height() - halfHeight));
}

QList<Group> group(const QList<QPointF> &positions, double radius)
{
    QList<Group> groups;
    QList<QPointF> sums;
    for (int i = 0; i < positions.size(); ++i) {
        const QPointF point = positions.at(i);
        auto nearest = groups.end();
        double nearestDistance = radius;
        for (auto it = groups.begin(); it != groups.end(); ++it) {
            const double distance = QLineF(it->centre, point).length();
            if (distance < nearestDistance) {
                nearestDistance = distance;
                nearest = it;
            }
        }
        if (nearest == groups.end()) {
            groups.append(Group{.centre = point, .members = {i}});
            sums.append(point);
            continue;
        }
        const qsizetype index = nearest - groups.begin();
        nearest->members.append(i);
        sums[index] += point;
        nearest->centre = sums.at(index) / double(nearest->members.size());
    }
    return groups;
}

} // namespace Flotilla::MapGeometry
