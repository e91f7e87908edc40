// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodesession.h"

#include "inventoryreader.h"

#include <KLocalizedString>

using namespace std::chrono_literals;

namespace Flotilla
{

namespace
{
// A full re-read heals anything missed; cheap next to the per-tick statistics.
constexpr auto resyncInterval = 15s;
} // namespace

NodeSession::NodeSession(QString uri, QObject *parent)
    : QObject(parent)
    , m_uri(std::move(uri))
    , m_resync(new QTimer(this))
{
    m_resync->setInterval(resyncInterval);
    connect(m_resync, &QTimer::timeout, this, &NodeSession::refresh);
}

NodeSession::~NodeSession() = default;

void NodeSession::open()
{
    setState(State::Connecting);
    m_connection.reset(virConnectOpen(m_uri.toUtf8().constData()));
    if (!m_connection) {
        setState(State::Disconnected, Libvirt::lastError(i18nc("@info", "Could not connect to %1", m_uri)));
        return;
    }
    setState(State::Connected);
    refresh();
    m_resync->start();
}

void NodeSession::refresh()
{
    if (!m_connection) {
        return;
    }
    Result<NodeInventory> inventory = InventoryReader::read(m_connection.get());
    if (!inventory) {
        const bool alive = virConnectIsAlive(m_connection.get()) == 1;
        if (!alive) {
            m_resync->stop();
            m_connection.reset();
        }
        // Still connected but unreadable: stay connected and say what failed.
        setState(alive ? State::Connected : State::Disconnected, inventory.error());
        return;
    }
    Q_EMIT inventoryRead(inventory.value());
}

void NodeSession::setState(State state, const Error &error)
{
    Q_EMIT stateChanged(state, error);
}

} // namespace Flotilla
