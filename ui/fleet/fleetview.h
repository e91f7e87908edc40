// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "fleet/eventlistmodel.h"
#include "fleet/fleetsummary.h"
#include "fleet/machineactions.h"
#include "fleet/machinelistmodel.h"
#include "fleet/nodelistmodel.h"
#include "fleet/notifier.h"

#include <QObject>
#include <QQmlEngine>
#include <QtQmlIntegration>

namespace Flotilla
{
class Fleet;

/// The fleet as QML sees it: the singleton `FleetView` with its models,
/// over the backend's Fleet. Made by main() (or a test) and shown to one
/// engine with showIn(); other QML-facing types that act on the fleet
/// (NodeEditor, CredentialQuestions, MachineView) are given it as their
/// `fleet` property.
class FleetView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(Flotilla::NodeListModel *nodes READ nodes CONSTANT)
    Q_PROPERTY(Flotilla::MachineListModel *machines READ machines CONSTANT)
    Q_PROPERTY(Flotilla::FleetSummary *summary READ summary CONSTANT)
    /// Recent events, newest first.
    Q_PROPERTY(Flotilla::EventListModel *events READ events CONSTANT)
    Q_PROPERTY(Flotilla::Notifier *notifier READ notifier CONSTANT)
    /// What a person does to machines: start, shut down, delete, ...
    Q_PROPERTY(Flotilla::MachineActions *actions READ actions CONSTANT)
    /// The fleet is the bundled demo, not the user's nodes.
    Q_PROPERTY(bool demo READ isDemo CONSTANT)
    /// What went wrong while starting (a damaged node list, say); empty when nothing did.
    Q_PROPERTY(QString startupProblem READ startupProblem CONSTANT)
    Q_PROPERTY(QString startupProblemDetails READ startupProblemDetails CONSTANT)
    /// Changes to the node list are written to the user's configuration
    /// (not in the demo, whose changes last for this run only).
    Q_PROPERTY(bool savesNodeList READ savesNodeList CONSTANT)

public:
    FleetView(Fleet *fleet, bool demo, Error startupProblem = {}, QObject *parent = nullptr);

    /// Makes this the `FleetView` singleton of @p engine; call before
    /// loading QML into it. The view stays the caller's and must outlive
    /// the engine's QML.
    void showIn(QQmlEngine &engine);
    /// The view shown in @p engine (QML's singleton factory).
    static FleetView *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    /// Drops any waiting and connects to the node at once.
    Q_INVOKABLE void reconnectNode(const QString &nodeId);
    /// Closes the node's connection until reconnectNode().
    Q_INVOKABLE void disconnectNode(const QString &nodeId);
    /// Marks the node in maintenance (nothing new is placed there), or ends
    /// the mark; a list that cannot be written is told as a notice.
    Q_INVOKABLE void setMaintenance(const QString &nodeId, bool maintenance);
    /// Call before asking a machine to shut down or turn off: its stop is then not unexpected.
    Q_INVOKABLE void expectStop(const QString &nodeId, const QString &uuid);

    [[nodiscard]] NodeListModel *nodes() const { return m_nodes; }
    [[nodiscard]] MachineListModel *machines() const { return m_machines; }
    [[nodiscard]] FleetSummary *summary() const { return m_summary; }
    [[nodiscard]] EventListModel *events() const { return m_events; }
    [[nodiscard]] Notifier *notifier() const { return m_notifier; }
    [[nodiscard]] MachineActions *actions() const { return m_actions; }
    /// The backend's fleet, for the C++ types that face QML.
    [[nodiscard]] Fleet *fleet() const { return m_fleet; }
    [[nodiscard]] bool isDemo() const { return m_demo; }
    [[nodiscard]] QString startupProblem() const { return m_startupProblem.message; }
    [[nodiscard]] QString startupProblemDetails() const { return m_startupProblem.details; }
    [[nodiscard]] bool savesNodeList() const;

Q_SIGNALS:
    /// Something the person should know that needs no action (a keyring
    /// that refused, a node list that could not be written).
    void notice(const QString &message);

private:
    NodeListModel *m_nodes;
    MachineListModel *m_machines;
    FleetSummary *m_summary;
    EventListModel *m_events;
    Notifier *m_notifier;
    MachineActions *m_actions;
    Fleet *m_fleet;
    bool m_demo;
    Error m_startupProblem;
};

} // namespace Flotilla
