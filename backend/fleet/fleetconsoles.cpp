// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The fleet's part in machines' serial consoles: each console belongs to its
// node's session, and ends when the session does.
#include "fleet/fleet.h"

#include "fleet/fleetworker.h"

#include <KLocalizedString>

namespace Flotilla
{

void Fleet::connectConsoles(NodeSession *session)
{
    connect(session, &NodeSession::consoleOpened, this, [this](quint64 consoleId, const Error &error) {
        if (!m_consoles.contains(consoleId)) {
            return;
        }
        if (!error.isEmpty()) {
            m_consoles.remove(consoleId);
        }
        Q_EMIT consoleOpened(consoleId, error);
    });
    connect(session, &NodeSession::consoleOutput, this, [this](quint64 consoleId, const QByteArray &bytes) {
        if (m_consoles.contains(consoleId)) {
            Q_EMIT consoleOutput(consoleId, bytes);
        }
    });
    connect(session, &NodeSession::consoleEnded, this, [this](quint64 consoleId, const Error &why) {
        if (m_consoles.remove(consoleId) > 0) {
            Q_EMIT consoleEnded(consoleId, why);
        }
    });
}

quint64 Fleet::openConsole(const QString &nodeId, const QString &uuid)
{
    const quint64 id = ++m_lastRequestId;
    const qsizetype index = indexOf(nodeId);
    if (index < 0) {
        const Error error{.message = i18nc("@info", "There is no node “%1”.", nodeId)};
        QMetaObject::invokeMethod(this, [this, id, error] { Q_EMIT consoleOpened(id, error); }, Qt::QueuedConnection);
        return id;
    }
    m_consoles.insert(id, Job{.nodeId = nodeId, .session = m_nodes.at(index).session});
    NodeSession *session = m_workers.at(size_t(index))->session;
    QMetaObject::invokeMethod(session, [session, id, uuid] { session->openConsole(id, uuid); }, Qt::QueuedConnection);
    return id;
}

void Fleet::sendToConsole(quint64 consoleId, const QByteArray &bytes)
{
    const auto console = m_consoles.constFind(consoleId);
    const qsizetype index = console == m_consoles.cend() ? -1 : indexOf(console->nodeId);
    if (index < 0) {
        return;
    }
    NodeSession *session = m_workers.at(size_t(index))->session;
    QMetaObject::invokeMethod(
        session, [session, consoleId, bytes] { session->sendToConsole(consoleId, bytes); }, Qt::QueuedConnection);
}

void Fleet::closeConsole(quint64 consoleId)
{
    const auto console = m_consoles.constFind(consoleId);
    const qsizetype index = console == m_consoles.cend() ? -1 : indexOf(console->nodeId);
    m_consoles.remove(consoleId);
    if (index < 0) {
        return;
    }
    NodeSession *session = m_workers.at(size_t(index))->session;
    QMetaObject::invokeMethod(
        session, [session, consoleId] { session->closeConsole(consoleId); }, Qt::QueuedConnection);
}

void Fleet::endConsoles(quint64 session, const QString &why)
{
    for (auto it = m_consoles.begin(); it != m_consoles.end();) {
        if (it->session == session) {
            const quint64 consoleId = it.key();
            QMetaObject::invokeMethod(
                this, [this, consoleId, why] { Q_EMIT consoleEnded(consoleId, Error{.message = why}); },
                Qt::QueuedConnection);
            it = m_consoles.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace Flotilla
