// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetevents.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace Flotilla
{

/// The fleet's recent events, newest first, at most FleetEvents::capacity.
class EventListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Reached through Fleet.events")

public:
    enum Roles {
        KindRole = Qt::UserRole + 1, ///< EventListModel::Kind
        TimeRole,
        TimeTextRole, ///< "14:03:12"
        NodeIdRole,
        NodeNameRole,
        MachineUuidRole,
        MachineNameRole,
        TextRole, ///< one sentence: "Machine web-1 crashed on Berlin"
        DetailsRole, ///< libvirt's message, where there is one
        ToneRole, ///< EventListModel::Tone
        ExpectedRole,
    };
    Q_ENUM(Roles)

    /// FleetEvent::Kind, as QML sees it.
    enum Kind {
        NodeLost,
        NodeBack,
        NodeDegraded,
        NodeDisconnected,
        NodeError,
        MachineStarted,
        MachineStopped,
        MachinePaused,
        MachineResumed,
        MachineCrashed,
        MachineAdded,
        MachineRemoved,
    };
    Q_ENUM(Kind)

    /// How the event reads: good news, plain news, a warning or a failure.
    enum Tone {
        Positive,
        Neutral,
        Warning,
        Negative,
    };
    Q_ENUM(Tone)

    explicit EventListModel(FleetEvents *events, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// The event as one sentence for a person.
    [[nodiscard]] static QString text(const FleetEvent &event);
    [[nodiscard]] static Tone tone(const FleetEvent &event);

private:
    void add(const FleetEvent &event);

    QList<FleetEvent> m_rows; ///< newest first
};

} // namespace Flotilla
