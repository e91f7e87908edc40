// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QAbstractItemModel>
#include <QPointF>
#include <QPointer>

#include <optional>

namespace Flotilla
{

/// The nodes of a model as markers on the world map. Rows are read by role
/// name (nodeId, name, city, connectionState, answering, cpuPercent,
/// machineCount, latitude, longitude; NodeListModel's), so any model with
/// those roles will do. Rows without a place are left out; the markers keep
/// the model's order, and a changed row is read again alone.
class MapMarkers : public QObject
{
    Q_OBJECT

public:
    struct Marker {
        QString id;
        QString name;
        QString city;
        int state = 0; ///< NodeListModel::ConnectionState; a node not answering counts as Degraded
        double cpuPercent = qQNaN();
        int machines = 0;
        QPointF world; ///< MapGeometry's projection
    };

    using QObject::QObject;

    [[nodiscard]] QAbstractItemModel *model() const { return m_model; }
    void setModel(QAbstractItemModel *model);
    [[nodiscard]] const QList<Marker> &all() const { return m_markers; }
    [[nodiscard]] const Marker &at(int marker) const { return m_markers.at(marker); }
    /// What markers @p markers stand for, one line each ("Berlin home (Berlin)
    /// · Running · CPU 22 % · 12 machines"), headed by their count when more than one.
    [[nodiscard]] QString describe(const QList<int> &markers) const;

Q_SIGNALS:
    /// Markers came, went, moved or changed size: their groups must be made again.
    void moved();
    /// A marker changed only its colour or its words.
    void restyled();

private:
    void readRows();
    void readRow(int row);
    [[nodiscard]] std::optional<Marker> markerOf(int row) const;
    [[nodiscard]] QVariant roleValue(const QModelIndex &index, const char *role) const;

    QPointer<QAbstractItemModel> m_model;
    QHash<QByteArray, int> m_roles;
    QList<Marker> m_markers; ///< rows with coordinates, in model order
    QList<int> m_markerOfRow; ///< -1 for rows without coordinates
};

} // namespace Flotilla
