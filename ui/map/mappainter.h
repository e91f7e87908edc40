// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "map/mapgeometry.h"
#include "map/mapmarkers.h"
#include "map/markerlayout.h"

#include <QColor>
#include <QImage>

class QPainter;

namespace Flotilla
{

/// How the world map looks.
struct MapStyle {
    double markerSize = 10; ///< the diameter of a node with no machines, in pixels
    QColor water;
    QColor land;
    QColor border;
    QColor good; ///< a node that answers, idle
    QColor busy; ///< a busy node, a slow one, one that does not answer
    QColor bad; ///< a node that was lost
    QColor off; ///< connecting, or disconnected by the person
    QColor text;
    QColor highlight;
};

/// Draws the world map: the countries, the markers coloured by connection
/// and load (a group by its node most in need of attention), rings for the
/// highlighted node and the keyboard's marker, and the picking pin.
class MapPainter
{
public:
    /// The countries are drawn again at the next paint (the view or the style changed).
    void invalidate() { m_countriesStale = true; }
    void paintCountries(QPainter *painter, const MapGeometry::View &view, qreal pixelRatio, const MapStyle &style);
    /// @p focused: the keyboard's marker, drawn with a dashed ring; may be nullptr.
    void paintMarkers(QPainter *painter, const MarkerLayout &layout, const QList<MapMarkers::Marker> &markers,
        const MapStyle &style, const QString &highlightedNodeId, const MarkerGroup *focused) const;
    void paintPin(QPainter *painter, QPointF tip, const MapStyle &style) const;

    /// Green up to 50 % CPU turning amber, then red at 100 %; amber when
    /// slow or silent, red when lost, grey when off.
    [[nodiscard]] static QColor colourOf(const MapMarkers::Marker &marker, const MapStyle &style);

private:
    QImage m_countries; ///< the land as last drawn
    bool m_countriesStale = true;
};

} // namespace Flotilla
