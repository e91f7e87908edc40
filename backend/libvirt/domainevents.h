// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QObject>
#include <QString>

#include <libvirt/libvirt.h>

#include <functional>
#include <memory>
#include <vector>

namespace Flotilla::Libvirt
{

/// What an event says may have changed on a machine, so what a session
/// reads again; from State on, each includes the ones before it.
enum class MachineTouch {
    /// Paused or resumed by a person or a program, the commonest events: the
    /// event itself tells the new state (and its reason), nothing is read.
    /// Of two of these, the later one holds (mergedTouch).
    BecamePaused,
    BecameRunning,
    State, ///< paused or resumed otherwise, shutting down, crashed: the run state alone
    StateAndDefinition, ///< started or stopped: the live definition comes or goes
    Everything, ///< defined, undefined, reverted, a device or a setting: read it all
};

/// What a lifecycle event (virDomainEventType and its detail) touches.
[[nodiscard]] MachineTouch touchOfLifecycle(int event, int detail);
/// What two events on one machine, @p earlier then @p later, touch together.
[[nodiscard]] MachineTouch mergedTouch(MachineTouch earlier, MachineTouch later);

/// A machine's handle as an event brought it: reading the machine through
/// it saves a lookup call to the node.
using SharedDomain = std::shared_ptr<virDomain>;

/// What a session wants to hear from its connection. Each function runs on
/// the thread of @c context, posted there from libvirt's event thread.
struct EventHandlers {
    QObject *context = nullptr;
    /// Re-read this machine.
    std::function<void(const QString &uuid, MachineTouch touch, const SharedDomain &domain)> machineTouched;
    std::function<void()> nodeTouched; ///< re-read pools and networks
    std::function<void(int reason)> closed; ///< virConnectCloseReason
};

/// The registrations of one connection's events; undone on destruction.
/// Create and destroy it on the session's thread, while the connection is open.
class EventSubscription
{
public:
    EventSubscription(virConnectPtr connection, EventHandlers handlers);
    ~EventSubscription();

    EventSubscription(const EventSubscription &) = delete;
    EventSubscription &operator=(const EventSubscription &) = delete;

    /// Domain events registered; 0 where the driver offers none.
    [[nodiscard]] int domainEventCount() const { return int(m_domainCallbacks.size()); }

private:
    virConnectPtr m_connection;
    std::shared_ptr<const EventHandlers> m_handlers;
    std::vector<int> m_domainCallbacks;
    std::vector<int> m_poolCallbacks;
    std::vector<int> m_networkCallbacks;
    bool m_closeCallback = false;
};

} // namespace Flotilla::Libvirt
