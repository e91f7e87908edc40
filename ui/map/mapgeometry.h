// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QList>
#include <QPointF>
#include <QSizeF>

/// The world map's arithmetic, free of any drawing: an equirectangular
/// projection cut at 84°N and 60°S, a view (centre and zoom) into it, and
/// the grouping of markers that would overlap.
namespace Flotilla::MapGeometry
{

inline constexpr double northEdge = 84.0;
inline constexpr double southEdge = -60.0;
/// The projected world: x from 0 (180°W) to 360, y from 0 (84°N) to 144 (60°S).
inline constexpr QSizeF worldSize{360.0, northEdge - southEdge};
inline constexpr double maxZoom = 48.0;

[[nodiscard]] QPointF project(double latitude, double longitude);
/// The inverse of project(): x is the longitude, y the latitude.
[[nodiscard]] QPointF unproject(QPointF world);

/// What part of the world an item of a given size shows.
struct View {
    QSizeF size; ///< the item's, in pixels
    QPointF centre{worldSize.width() / 2, worldSize.height() / 2}; ///< in world units
    double zoom = 1; ///< 1: the whole world fits

    /// Pixels per world unit.
    [[nodiscard]] double scale() const;
    [[nodiscard]] QPointF toItem(QPointF world) const;
    [[nodiscard]] QPointF toWorld(QPointF item) const;
    /// Zooms by @p factor keeping the world point under @p item where it is.
    void zoomAround(QPointF item, double factor);
    /// Moves the view by a drag of @p delta pixels.
    void pan(QPointF delta);
    /// Keeps zoom within 1 … maxZoom and the centre over the world.
    void clamp();
};

/// Markers closer than @p radius (in the same units as the positions) to a
/// group's centre join that group; each group's centre is its members'
/// mean. Members are indices into @p positions, in order; groups keep the
/// order of their first member. Pure: the same input, the same groups.
struct Group {
    QPointF centre;
    QList<int> members;
};
[[nodiscard]] QList<Group> group(const QList<QPointF> &positions, double radius);

} // namespace Flotilla::MapGeometry
