// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include <QObject>
#include <QVariantMap>
#include <QtQmlIntegration>

namespace Flotilla
{

/// Adds, changes and removes the fleet's nodes, and saves the node list
/// after each change. An entry travels to and from QML as a map with name,
/// uri, city, country, countryCode, latitude, longitude (NaN: no place) and
/// tags. A list that cannot be written is told through the view's notice().
class NodeEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    /// The fleet whose nodes it edits: the FleetView singleton.
    Q_PROPERTY(Flotilla::FleetView *fleet MEMBER m_view NOTIFY fleetChanged REQUIRED)

public:
    using QObject::QObject;

    /// Adds a node and saves the list. Returns a map with the new "nodeId",
    /// and "error" if saving failed.
    Q_INVOKABLE QVariantMap add(const QVariantMap &entry);
    /// Changes node @p nodeId (a new URI reconnects) and saves.
    Q_INVOKABLE QVariantMap update(const QString &nodeId, const QVariantMap &entry);
    /// Takes a node out of Flotilla (the node itself is untouched) and saves.
    Q_INVOKABLE QVariantMap remove(const QString &nodeId);
    /// A node's entry as a map with add()'s keys and its "displayName";
    /// empty if there is none.
    Q_INVOKABLE [[nodiscard]] QVariantMap entry(const QString &nodeId) const;
    /// The names of every node but @p exceptNodeId.
    Q_INVOKABLE [[nodiscard]] QStringList names(const QString &exceptNodeId = {}) const;

Q_SIGNALS:
    void fleetChanged();

private:
    [[nodiscard]] QVariantMap saved(const QString &nodeId);

    FleetView *m_view = nullptr;
};

} // namespace Flotilla
