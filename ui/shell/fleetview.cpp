// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "shell/fleetview.h"

#include "fleet/fleet.h"

namespace Flotilla
{

namespace
{
Fleet *s_fleet = nullptr;
bool s_demo = false;
Error s_startupProblem;
} // namespace

void FleetView::setFleet(Fleet *fleet, bool demo, const Error &startupProblem)
{
    s_fleet = fleet;
    s_demo = demo;
    s_startupProblem = startupProblem;
}

Fleet *FleetView::sharedFleet()
{
    return s_fleet;
}

FleetView *FleetView::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT_X(s_fleet, "FleetView::create", "setFleet() must come before QML is loaded");
    return new FleetView(s_fleet, s_demo, s_startupProblem); // the engine takes ownership
}

FleetView::FleetView(Fleet *fleet, bool demo, Error startupProblem)
    : m_nodes(new NodeListModel(fleet, this))
    , m_machines(new MachineListModel(fleet, this))
    , m_summary(new FleetSummary(fleet, this))
    , m_events(new EventListModel(fleet->events(), this))
    , m_notifier(new Notifier(fleet->events(), KSharedConfig::openConfig(QStringLiteral("flotillarc")), {}, this))
    , m_actions(new MachineActions(fleet, m_machines, this))
    , m_fleet(fleet)
    , m_demo(demo)
    , m_startupProblem(std::move(startupProblem))
{
    connect(fleet->credentials(), &CredentialBroker::requested, this, [this](const CredentialRequest &request) {
        QVariantList prompts;
        for (const CredentialPrompt &prompt : request.prompts) {
            prompts.append(QVariantMap{{QStringLiteral("text"), prompt.text}, {QStringLiteral("secret"), prompt.secret},
                {QStringLiteral("userName"), prompt.isUserName}, {QStringLiteral("suggestion"), prompt.suggestion}});
        }
        Q_EMIT credentialsRequested(request.id, request.uri, prompts);
    });
    connect(fleet->credentials(), &CredentialBroker::keyringProblem, this, &FleetView::notice);
}

void FleetView::answerCredentials(quint64 requestId, const QStringList &answers, bool remember)
{
    m_fleet->credentials()->answer(requestId, answers, remember);
}

void FleetView::declineCredentials(quint64 requestId)
{
    m_fleet->credentials()->decline(requestId);
}

void FleetView::expectStop(const QString &nodeId, const QString &uuid)
{
    m_fleet->events()->expectStop(nodeId, uuid);
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
