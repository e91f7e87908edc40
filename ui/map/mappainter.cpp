// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// Drawing the world map: countries, markers, the pin; and what a marker says.
#include "map/worldmap.h"

#include "fleet/nodelistmodel.h"
#include "map/countryshapes.h"

#include <KLocalizedString>

#include <QPainter>
#include <QQuickWindow>

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
double severity(int state, double cpuPercent)
{
    switch (state) {
    case NodeListModel::Reconnecting:
        return 300;
    case NodeListModel::Degraded:
        return 200;
    case NodeListModel::Connected:
        return std::isnan(cpuPercent) ? 0 : cpuPercent;
    default:
        return -1;
    }
}

} // namespace

QColor WorldMap::colourOf(const Marker &marker) const
{
    switch (marker.state) {
    case NodeListModel::Connected:
        if (std::isnan(marker.cpuPercent)) {
            return m_goodColor;
        }
        // Green up to 50 % CPU turning amber, then amber turning red at 100 %.
        return marker.cpuPercent < 50 ? mix(m_goodColor, m_busyColor, marker.cpuPercent / 50)
                                      : mix(m_busyColor, m_badColor, (marker.cpuPercent - 50) / 50);
    case NodeListModel::Degraded:
        return m_busyColor;
    case NodeListModel::Reconnecting:
        return m_badColor;
    default:
        return m_offColor; // connecting, or disconnected by the person
    }
}

QColor WorldMap::colourOf(const Drawn &drawn) const
{
    const Marker *worst = &m_markers.at(drawn.markers.first());
    for (int index : drawn.markers) {
        const Marker &marker = m_markers.at(index);
        if (severity(marker.state, marker.cpuPercent) > severity(worst->state, worst->cpuPercent)) {
            worst = &marker;
        }
    }
    return colourOf(*worst);
}

QString WorldMap::describe(const Drawn &drawn) const
{
    QStringList lines;
    for (int index : drawn.markers) {
        const Marker &marker = m_markers.at(index);
        const QModelIndex row = m_model ? m_model->index(int(m_markerOfRow.indexOf(index)), 0) : QModelIndex();
        const QString lastHeard = m_model ? roleValue(row, "lastHeardText").toString() : QString();
        const QString stateText
            = !lastHeard.isEmpty() ? lastHeard : (m_model ? roleValue(row, "stateText").toString() : QString());
        const QString cpu = std::isnan(marker.cpuPercent)
            ? i18nc("@info CPU use unknown", "CPU –")
            : i18nc("@info CPU use", "CPU %1 %", qRound(marker.cpuPercent));
        lines.append(i18ncp("@info:tooltip node on the map: name, city, state, CPU, machines",
            "%2 (%3) · %4 · %5 · %1 machine", "%2 (%3) · %4 · %5 · %1 machines", marker.machines, marker.name,
            marker.city.isEmpty() ? i18nc("@info no city", "no city") : marker.city,
            stateText.isEmpty() ? i18nc("@info node state unknown", "state unknown") : stateText, cpu));
    }
    if (lines.size() > 1) {
        lines.prepend(i18ncp("@info:tooltip", "%1 node here:", "%1 nodes here:", lines.size()));
    }
    return lines.join(QLatin1Char('\n'));
}

void WorldMap::paint(QPainter *painter)
{
    paintCountries(painter);
    paintMarkers(painter);
}

// The countries change only with the view or the colours: drawn once into an
// image, so that a tick that recolours a marker costs a copy, not 10,000 points.
void WorldMap::paintCountries(QPainter *painter)
{
    const qreal ratio = window() ? window()->effectiveDevicePixelRatio() : 1.0;
    const QSize pixels = (size() * ratio).toSize();
    if (m_countriesStale || m_countries.size() != pixels) {
        m_countries = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_countries.setDevicePixelRatio(ratio);
        m_countries.fill(m_waterColor);
        QPainter land(&m_countries);
        land.setRenderHint(QPainter::Antialiasing);
        const double scale = m_view.scale();
        const QPointF origin = m_view.toItem(QPointF(0, 0));
        land.setTransform(QTransform(scale, 0, 0, scale, origin.x(), origin.y()));
        QPen border(m_borderColor, 0.8);
        border.setCosmetic(true);
        land.setPen(border);
        land.setBrush(m_landColor);
        const QRectF visible = QRectF(m_view.toWorld(QPointF(0, 0)), m_view.toWorld(QPointF(width(), height())));
        for (const QPainterPath &country : CountryShapes::bundled().outlines()) {
            if (country.controlPointRect().intersects(visible)) {
                land.drawPath(country);
            }
        }
        m_countriesStale = false;
    }
    painter->drawImage(QPointF(0, 0), m_countries);
}

void WorldMap::paintMarkers(QPainter *painter)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    const Drawn *focused = hasActiveFocus() ? focusedGroup() : nullptr;
    for (const Drawn &group : drawn()) {
        const bool highlighted = std::ranges::any_of(group.markers,
            [this](int index) { return m_markers.at(index).id == m_highlighted && !m_highlighted.isEmpty(); });
        if (highlighted) {
            painter->setPen(QPen(m_highlightColor, 3));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(group.centre, group.radius + 4, group.radius + 4);
        }
        if (&group == focused) {
            // The keyboard's marker: a dashed ring outside the highlight's.
            painter->setPen(QPen(m_textColor, 2, Qt::DashLine));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(group.centre, group.radius + 7, group.radius + 7);
        }
        painter->setPen(QPen(m_textColor, 1));
        painter->setBrush(colourOf(group));
        painter->drawEllipse(group.centre, group.radius, group.radius);
        if (group.markers.size() > 1) {
            painter->setPen(m_textColor);
            const QRectF box(
                group.centre - QPointF(group.radius, group.radius), QSizeF(group.radius, group.radius) * 2);
            painter->drawText(box, Qt::AlignCenter, QString::number(group.markers.size()));
        }
    }
    if (m_pin) {
        const QPointF tip = itemPoint(m_pin->y(), m_pin->x());
        const double size = m_markerSize;
        painter->setPen(QPen(m_textColor, 1.5));
        painter->setBrush(m_highlightColor);
        painter->drawLine(tip, tip - QPointF(0, size * 1.2));
        painter->drawEllipse(tip - QPointF(0, size * 1.6), size * 0.5, size * 0.5);
    }
}

} // namespace Flotilla
