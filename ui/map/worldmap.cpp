// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/worldmap.h"

#include "fleet/nodelistmodel.h"

#include <cmath>

namespace Flotilla
{

WorldMap::WorldMap(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
    setActiveFocusOnTab(true);
    setAntialiasing(true);
    connect(this, &WorldMap::appearanceChanged, this, [this] {
        m_drawnStale = true;
        m_countriesStale = true;
        update();
    });
}

void WorldMap::setModel(QAbstractItemModel *model)
{
    if (m_model == model) {
        return;
    }
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &WorldMap::readRows);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &WorldMap::readRows);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &WorldMap::readRows);
        connect(m_model, &QAbstractItemModel::rowsMoved, this, &WorldMap::readRows);
        // A tick changes one row: only that marker is read again.
        connect(
            m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &first, const QModelIndex &last) {
                for (int row = first.row(); row <= last.row(); ++row) {
                    readRow(row);
                }
            });
    }
    readRows();
    Q_EMIT modelChanged();
}

void WorldMap::readRows()
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
    markersMoved();
}

std::optional<WorldMap::Marker> WorldMap::markerOf(int row) const
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

QVariant WorldMap::roleValue(const QModelIndex &index, const char *role) const
{
    // A role the model lacks is never asked for: some models do not check.
    const auto it = m_roles.constFind(role);
    return it == m_roles.cend() ? QVariant() : index.data(it.value());
}

void WorldMap::readRow(int row)
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
        markersMoved();
    } else {
        update(); // a colour, or a name in a tooltip
    }
}

void WorldMap::markersMoved()
{
    m_drawnStale = true;
    update();
    Q_EMIT groupsChanged();
    if (!m_focusedNodeId.isEmpty()) {
        Q_EMIT focusedNodeChanged(); // its group, so its text, may have changed
    }
}

void WorldMap::viewMoved()
{
    m_drawnStale = true;
    m_countriesStale = true;
    update();
    Q_EMIT viewChanged();
    Q_EMIT groupsChanged();
    if (!m_focusedNodeId.isEmpty()) {
        Q_EMIT focusedNodeChanged();
    }
}

} // namespace Flotilla
