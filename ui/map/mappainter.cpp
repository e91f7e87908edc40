// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/mappainter.h"

#include "fleet/nodelistmodel.h"
#include "map/countryshapes.h"

#include <QPainter>

#include <cmath>

namespace Flotilla
{

namespace
{

QColor mix(const QColor &from, const QColor &to, double amount)
{
    const double a = std::clamp(amount, 0.0, 1.0);
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * a),
        float(from.greenF() + (to.greenF() - from.greenF()) * a),
        float(from.blueF() + (to.blueF() - from.blueF()) * a));
}

/// How much a marker asks for attention: lost nodes first, then busy ones.
double severity(const MapMarkers::Marker &marker)
{
    switch (marker.state) {
    case NodeListModel::Reconnecting:
        return 300;
    case NodeListModel::Degraded:
        return 200;
    case NodeListModel::Connected:
        return std::isnan(marker.cpuPercent) ? 0 : marker.cpuPercent;
    default:
        return -1;
    }
}

} // namespace

QColor MapPainter::colourOf(const MapMarkers::Marker &marker, const MapStyle &style)
{
    switch (marker.state) {
    case NodeListModel::Connected:
        if (std::isnan(marker.cpuPercent)) {
            return style.good;
        }
        return marker.cpuPercent < 50 ? mix(style.good, style.busy, marker.cpuPercent / 50)
                                      : mix(style.busy, style.bad, (marker.cpuPercent - 50) / 50);
    case NodeListModel::Degraded:
        return style.busy;
    case NodeListModel::Reconnecting:
        return style.bad;
    default:
        return style.off;
    }
}

// The countries change only with the view or the colours: drawn once into an
// image, so that a tick that recolours a marker costs a copy, not 10,000 points.
void MapPainter::paintCountries(
    QPainter *painter, const MapGeometry::View &view, qreal pixelRatio, const MapStyle &style)
{
    const QSize pixels = (view.size * pixelRatio).toSize();
    if (m_countriesStale || m_countries.size() != pixels) {
        m_countries = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_countries.setDevicePixelRatio(pixelRatio);
        m_countries.fill(style.water);
        QPainter land(&m_countries);
        land.setRenderHint(QPainter::Antialiasing);
        const double scale = view.scale();
        const QPointF origin = view.toItem(QPointF(0, 0));
        land.setTransform(QTransform(scale, 0, 0, scale, origin.x(), origin.y()));
        QPen border(style.border, 0.8);
        border.setCosmetic(true);
        land.setPen(border);
        land.setBrush(style.land);
        const QRectF visible
            = QRectF(view.toWorld(QPointF(0, 0)), view.toWorld(QPointF(view.size.width(), view.size.height())));
        for (const QPainterPath &country : CountryShapes::bundled().outlines()) {
            if (country.controlPointRect().intersects(visible)) {
                land.drawPath(country);
            }
        }
        m_countriesStale = false;
    }
    painter->drawImage(QPointF(0, 0), m_countries);
}

void MapPainter::paintMarkers(QPainter *painter, const MarkerLayout &layout, const QList<MapMarkers::Marker> &markers,
    const MapStyle &style, const QString &highlightedNodeId, const MarkerGroup *focused) const
{
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    const MarkerGroup *highlighted = layout.holding(markers, highlightedNodeId);
    for (const MarkerGroup &group : layout.groups()) {
        if (&group == highlighted) {
            painter->setPen(QPen(style.highlight, 3));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(group.centre, group.radius + 4, group.radius + 4);
        }
        if (&group == focused) {
            // The keyboard's marker: a dashed ring outside the highlight's.
            painter->setPen(QPen(style.text, 2, Qt::DashLine));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(group.centre, group.radius + 7, group.radius + 7);
        }
        const MapMarkers::Marker *worst = &markers.at(group.markers.first());
        for (int index : group.markers) {
            if (severity(markers.at(index)) > severity(*worst)) {
                worst = &markers.at(index);
            }
        }
        painter->setPen(QPen(style.text, 1));
        painter->setBrush(colourOf(*worst, style));
        painter->drawEllipse(group.centre, group.radius, group.radius);
        if (group.markers.size() > 1) {
            painter->setPen(style.text);
            const QRectF box(
                group.centre - QPointF(group.radius, group.radius), QSizeF(group.radius, group.radius) * 2);
            painter->drawText(box, Qt::AlignCenter, QString::number(group.markers.size()));
        }
    }
}

void MapPainter::paintPin(QPainter *painter, QPointF tip, const MapStyle &style) const
{
    const double size = style.markerSize;
    painter->setPen(QPen(style.text, 1.5));
    painter->setBrush(style.highlight);
    painter->drawLine(tip, tip - QPointF(0, size * 1.2));
    painter->drawEllipse(tip - QPointF(0, size * 1.6), size * 0.5, size * 0.5);
}

} // namespace Flotilla
