// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/mapmarkers.h"

#include "fleet/nodelistmodel.h"
#include "map/mapgeometry.h"

#include <KLocalizedString>

#include <cmath>

namespace Flotilla
{

void MapMarkers::setModel(QAbstractItemModel *model)
{
    if (m_model == model) {
        return;
    }
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &MapMarkers::readRows);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &MapMarkers::readRows);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MapMarkers::readRows);
        connect(m_model, &QAbstractItemModel::rowsMoved, this, &MapMarkers::readRows);
        // A tick changes one row: only that marker is read again.
        connect(
            m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &first, const QModelIndex &last) {
                for (int row = first.row(); row <= last.row(); ++row) {
                    readRow(row);
                }
            });
    }
    readRows();
}

void MapMarkers::readRows()
{
    m_roles.clear();
    m_markers.clear();
    m_markerOfRow.clear();
    if (m_model) {
        const QHash<int, QByteArray> names = m_model->roleNames();
        for (auto it = names.begin(); it != names.end(); ++it) {
            m_roles.insert(it.value(), it.key());
        }
        for (int row = 0; row < m_model->rowCount(); ++row) {
            std::optional<Marker> marker = markerOf(row);
            m_markerOfRow.append(marker ? int(m_markers.size()) : -1);
            if (marker) {
                m_markers.append(*marker);
            }
        }
    }
    Q_EMIT moved();
}

void MapMarkers::readRow(int row)
{
    if (!m_model || row < 0 || row >= m_markerOfRow.size()) {
        return;
    }
    const std::optional<Marker> marker = markerOf(row);
    const int existing = m_markerOfRow.at(row);
    if ((existing >= 0) != marker.has_value()) {
        readRows(); // a row gained or lost its place
        return;
    }
    if (!marker) {
        return;
    }
    Marker &old = m_markers[existing];
    const bool moved = old.world != marker->world || old.machines != marker->machines;
    old = *marker;
    if (moved) {
        Q_EMIT this->moved();
    } else {
        Q_EMIT restyled(); // a colour, or a name in a tooltip
    }
}

std::optional<MapMarkers::Marker> MapMarkers::markerOf(int row) const
{
    const QModelIndex index = m_model->index(row, 0);
    const auto value = [&](const char *role) { return roleValue(index, role); };
    const double latitude = value("latitude").toDouble();
    const double longitude = value("longitude").toDouble();
    if (!value("latitude").isValid() || std::isnan(latitude) || std::isnan(longitude)) {
        return std::nullopt;
    }
    const QVariant cpu = value("cpuPercent");
    int state = value("connectionState").toInt();
    if (const QVariant answering = value("answering");
        answering.isValid() && !answering.toBool() && state == NodeListModel::Connected) {
        state = NodeListModel::Degraded; // amber, as slow nodes are, until it answers
    }
    return Marker{.id = value("nodeId").toString(),
        .name = value("name").toString(),
        .city = value("city").toString(),
        .state = state,
        .cpuPercent = cpu.isValid() ? cpu.toDouble() : qQNaN(),
        .machines = value("machineCount").toInt(),
        .world = MapGeometry::project(latitude, longitude)};
}

QVariant MapMarkers::roleValue(const QModelIndex &index, const char *role) const
{
    // A role the model lacks is never asked for: some models do not check.
    const auto it = m_roles.constFind(role);
    return it == m_roles.cend() ? QVariant() : index.data(it.value());
}

QString MapMarkers::describe(const QList<int> &markers) const
{
    QStringList lines;
    for (int index : markers) {
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

} // namespace Flotilla
