// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "map/mapgeometry.h"
#include "map/mapmarkers.h"

#include <QList>
#include <QPointF>
#include <QRectF>

namespace Flotilla
{

/// One marker as drawn: a node, or the nodes that would overlap there.
struct MarkerGroup {
    QPointF centre; ///< in item pixels
    double radius = 0;
    QList<int> markers; ///< indexes into MapMarkers::all()
};

/// The markers as drawn in one view: grouped where they would overlap,
/// sized by the machines they hold. Made again when the markers move or the
/// view changes.
class MarkerLayout
{
public:
    MarkerLayout() = default;
    /// @p markerSize: the diameter of a node with no machines, in pixels.
    MarkerLayout(const QList<MapMarkers::Marker> &markers, const MapGeometry::View &view, double markerSize);

    [[nodiscard]] const QList<MarkerGroup> &groups() const { return m_groups; }
    /// The group under @p point (within a few pixels), the nearest if several.
    [[nodiscard]] const MarkerGroup *at(QPointF point) const;
    /// The group holding node @p nodeId; nullptr if it is not drawn.
    [[nodiscard]] const MarkerGroup *holding(const QList<MapMarkers::Marker> &markers, const QString &nodeId) const;
    /// The groups inside @p box in reading order: west to east, then north to south.
    [[nodiscard]] QList<const MarkerGroup *> inReadingOrder(const QRectF &box) const;

private:
    QList<MarkerGroup> m_groups;
};

} // namespace Flotilla
