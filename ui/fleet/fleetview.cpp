// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleetview.h"

#include "fleet/fleet.h"

namespace Flotilla
{

namespace
{
/// Where an engine keeps its view: a property of the engine itself, so that
/// each engine (the window's, a test's) has its own and no global is needed.
constexpr const char *viewProperty = "_flotilla_fleetView";
} // namespace

FleetView::FleetView(Fleet *fleet, bool demo, Error startupProblem, QObject *parent)
    : QObject(parent)
    , m_nodes(new NodeListModel(fleet, this))
    , m_machines(new MachineListModel(fleet, this))
    , m_summary(new FleetSummary(fleet, this))
    , m_events(new EventListModel(fleet->events(), this))
    , m_notifier(new Notifier(fleet->events(), KSharedConfig::openConfig(QStringLiteral("flotillarc")), {}, this))
    , m_actions(new MachineActions(fleet, m_machines, this))
    , m_fleet(fleet)
    , m_demo(demo)
    , m_startupProblem(std::move(startupProblem))
{
    connect(fleet->credentials(), &CredentialBroker::keyringProblem, this, &FleetView::notice);
}

void FleetView::showIn(QQmlEngine &engine)
{
    engine.setProperty(viewProperty, QVariant::fromValue(this));
}

FleetView *FleetView::create(QQmlEngine *engine, QJSEngine *)
{
    auto *view = engine->property(viewProperty).value<FleetView *>();
    Q_ASSERT_X(view, "FleetView::create", "showIn() must come before QML is loaded");
    QJSEngine::setObjectOwnership(view, QJSEngine::CppOwnership);
    return view;
}

bool FleetView::savesNodeList() const
{
    return m_fleet->hasStore();
}

void FleetView::expectStop(const QString &nodeId, const QString &uuid)
{
    m_fleet->events()->expectStop(nodeId, uuid);
}

void FleetView::setMaintenance(const QString &nodeId, bool maintenance)
{
    if (const Result<bool> saved = m_fleet->setMaintenance(nodeId, maintenance); !saved) {
        Q_EMIT notice(saved.error().text());
    }
}

void FleetView::reconnectNode(const QString &nodeId)
{
    m_fleet->reconnectNow(nodeId);
}

void FleetView::disconnectNode(const QString &nodeId)
{
    m_fleet->disconnectNode(nodeId);
}

} // namespace Flotilla
