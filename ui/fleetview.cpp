// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleetview.h"

#include "fleet.h"

namespace Flotilla
{

namespace
{
Fleet *s_fleet = nullptr;
bool s_demo = false;
} // namespace

void FleetView::setFleet(Fleet *fleet, bool demo)
{
    s_fleet = fleet;
    s_demo = demo;
}

FleetView *FleetView::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT_X(s_fleet, "FleetView::create", "setFleet() must come before QML is loaded");
    return new FleetView(s_fleet, s_demo); // the engine takes ownership
}

FleetView::FleetView(Fleet *fleet, bool demo)
    : m_nodes(new NodeListModel(fleet, this))
    , m_machines(new MachineListModel(fleet, this))
    , m_demo(demo)
{
}

} // namespace Flotilla
