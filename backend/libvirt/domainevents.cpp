// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/domainevents.h"

#include "core/logging.h"
#include "libvirt/libvirthandles.h"

#include <QByteArray>

#include <libvirt/virterror.h>

#include <algorithm>

#include <cstdlib>

namespace Flotilla::Libvirt
{

namespace
{

using Handlers = std::shared_ptr<const EventHandlers>;

// Each registration owns a copy of the shared pointer; libvirt frees it
// once no further event can arrive for that registration.
void *hold(const Handlers &handlers)
{
    return new Handlers(handlers);
}

void release(void *opaque)
{
    delete static_cast<Handlers *>(opaque);
}

bool isTestDriverInProcess(virConnectPtr connection)
{
    const char *type = virConnectGetType(connection);
    char *uri = virConnectGetURI(connection);
    const bool inProcess = type && qstrcmp(type, "TEST") == 0 && uri && qstrncmp(uri, "test:", 5) == 0;
    free(uri); // NOLINT(cppcoreguidelines-no-malloc): libvirt's allocation
    virResetLastError();
    return inProcess;
}

const EventHandlers &handlersOf(void *opaque)
{
    return **static_cast<Handlers *>(opaque);
}

// Runs on libvirt's event thread: copy what is needed, post, return.
void postMachine(virDomainPtr domain, void *opaque, MachineTouch touch = MachineTouch::Everything)
{
    const QString uuid = uuidOf(domain);
    if (uuid.isEmpty()) {
        return;
    }
    const EventHandlers &handlers = handlersOf(opaque);
    virDomainRef(domain);
    const SharedDomain held(domain, virDomainFree);
    QMetaObject::invokeMethod(
        handlers.context, [touched = handlers.machineTouched, uuid, touch, held] { touched(uuid, touch, held); },
        Qt::QueuedConnection);
}

void postNode(void *opaque)
{
    const EventHandlers &handlers = handlersOf(opaque);
    QMetaObject::invokeMethod(handlers.context, handlers.nodeTouched, Qt::QueuedConnection);
}

// One adapter per callback shape libvirt uses; all of them only say "this
// machine changed" and, for its lifecycle, how much: the session re-reads
// that much, so no event detail is lost.
void onLifecycle(virConnectPtr, virDomainPtr domain, int event, int detail, void *opaque)
{
    postMachine(domain, opaque, touchOfLifecycle(event, detail));
}
void onGeneric(virConnectPtr, virDomainPtr domain, void *opaque)
{
    postMachine(domain, opaque);
}
void onMetadata(virConnectPtr, virDomainPtr domain, int, const char *, void *opaque)
{
    postMachine(domain, opaque);
}
void onDevice(virConnectPtr, virDomainPtr domain, const char *, void *opaque)
{
    postMachine(domain, opaque);
}
void onBalloon(virConnectPtr, virDomainPtr domain, unsigned long long, void *opaque)
{
    postMachine(domain, opaque);
}
void onTunable(virConnectPtr, virDomainPtr domain, virTypedParameterPtr, int, void *opaque)
{
    postMachine(domain, opaque);
}
void onPool(virConnectPtr, virStoragePoolPtr, void *opaque)
{
    postNode(opaque);
}
void onPoolLifecycle(virConnectPtr, virStoragePoolPtr, int, int, void *opaque)
{
    postNode(opaque);
}
void onNetworkLifecycle(virConnectPtr, virNetworkPtr, int, int, void *opaque)
{
    postNode(opaque);
}

void onClose(virConnectPtr, int reason, void *opaque)
{
    const EventHandlers &handlers = handlersOf(opaque);
    QMetaObject::invokeMethod(
        handlers.context, [closed = handlers.closed, reason] { closed(reason); }, Qt::QueuedConnection);
}

} // namespace

MachineTouch mergedTouch(MachineTouch earlier, MachineTouch later)
{
    const auto told = [](MachineTouch touch) { return touch < MachineTouch::State; };
    return told(earlier) && told(later) ? later : std::max(earlier, later);
}

MachineTouch touchOfLifecycle(int event, int detail)
{
    switch (event) {
    case VIR_DOMAIN_EVENT_SUSPENDED:
        return detail == VIR_DOMAIN_EVENT_SUSPENDED_PAUSED       ? MachineTouch::BecamePaused
            : detail == VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT ? MachineTouch::Everything
                                                                 : MachineTouch::State;
    case VIR_DOMAIN_EVENT_RESUMED:
        return detail == VIR_DOMAIN_EVENT_RESUMED_UNPAUSED     ? MachineTouch::BecameRunning
            : detail == VIR_DOMAIN_EVENT_RESUMED_FROM_SNAPSHOT ? MachineTouch::Everything
                                                               : MachineTouch::State;
    case VIR_DOMAIN_EVENT_SHUTDOWN:
    case VIR_DOMAIN_EVENT_PMSUSPENDED:
    case VIR_DOMAIN_EVENT_CRASHED:
        return MachineTouch::State;
    case VIR_DOMAIN_EVENT_STARTED:
        return detail == VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT ? MachineTouch::Everything
                                                                : MachineTouch::StateAndDefinition;
    case VIR_DOMAIN_EVENT_STOPPED:
        return detail == VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT ? MachineTouch::Everything
                                                                : MachineTouch::StateAndDefinition;
    default: // defined, undefined, and whatever later libvirt adds
        return MachineTouch::Everything;
    }
}

EventSubscription::EventSubscription(virConnectPtr connection, EventHandlers handlers)
    : m_connection(connection)
    , m_handlers(std::make_shared<const EventHandlers>(std::move(handlers)))
{
    const std::pair<int, virConnectDomainEventGenericCallback> domainEvents[] = {
        {VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_CALLBACK(onLifecycle)},
        {VIR_DOMAIN_EVENT_ID_REBOOT, VIR_DOMAIN_EVENT_CALLBACK(onGeneric)},
        {VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, VIR_DOMAIN_EVENT_CALLBACK(onMetadata)},
        {VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, VIR_DOMAIN_EVENT_CALLBACK(onDevice)},
        {VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, VIR_DOMAIN_EVENT_CALLBACK(onDevice)},
        {VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, VIR_DOMAIN_EVENT_CALLBACK(onBalloon)},
        {VIR_DOMAIN_EVENT_ID_TUNABLE, VIR_DOMAIN_EVENT_CALLBACK(onTunable)},
    };
    for (const auto &[id, callback] : domainEvents) {
        void *opaque = hold(m_handlers);
        const int registration = virConnectDomainEventRegisterAny(connection, nullptr, id, callback, opaque, release);
        registration >= 0 ? m_domainCallbacks.push_back(registration) : release(opaque);
    }
    const std::pair<int, virConnectStoragePoolEventGenericCallback> poolEvents[] = {
        {VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, VIR_STORAGE_POOL_EVENT_CALLBACK(onPoolLifecycle)},
        {VIR_STORAGE_POOL_EVENT_ID_REFRESH, VIR_STORAGE_POOL_EVENT_CALLBACK(onPool)},
    };
    for (const auto &[id, callback] : poolEvents) {
        void *opaque = hold(m_handlers);
        const int registration
            = virConnectStoragePoolEventRegisterAny(connection, nullptr, id, callback, opaque, release);
        registration >= 0 ? m_poolCallbacks.push_back(registration) : release(opaque);
    }
    void *opaque = hold(m_handlers);
    const int network = virConnectNetworkEventRegisterAny(connection, nullptr, VIR_NETWORK_EVENT_ID_LIFECYCLE,
        VIR_NETWORK_EVENT_CALLBACK(onNetworkLifecycle), opaque, release);
    network >= 0 ? m_networkCallbacks.push_back(network) : release(opaque);
    // The test driver in this process (test:///…) has no connection to lose:
    // it takes a close callback without keeping it, so libvirt would never
    // free what it was given. Every other node is reached through a daemon.
    if (!isTestDriverInProcess(connection)) {
        opaque = hold(m_handlers);
        m_closeCallback = virConnectRegisterCloseCallback(connection, onClose, opaque, release) == 0;
        if (!m_closeCallback) {
            release(opaque);
        }
    }
    virResetLastError(); // a driver without some kind of event is not an error
    qCDebug(FLOTILLA_SESSION) << "registered" << m_domainCallbacks.size() << "domain events";
}

EventSubscription::~EventSubscription()
{
    for (const int registration : m_domainCallbacks) {
        virConnectDomainEventDeregisterAny(m_connection, registration);
    }
    for (const int registration : m_poolCallbacks) {
        virConnectStoragePoolEventDeregisterAny(m_connection, registration);
    }
    for (const int registration : m_networkCallbacks) {
        virConnectNetworkEventDeregisterAny(m_connection, registration);
    }
    if (m_closeCallback) {
        virConnectUnregisterCloseCallback(m_connection, onClose);
    }
    virResetLastError(); // a dead connection cannot deregister; that is fine
}

} // namespace Flotilla::Libvirt
