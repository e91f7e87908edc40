// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The fleet's part in machines' serial consoles and screens: each console
// belongs to its node's session, and ends when the session does; a screen
// asked for is answered by the session, or refused when it goes first.
#include "fleet/fleet.h"

#include "fleet/fleetworker.h"

#include <KLocalizedString>

namespace Flotilla
{

namespace
{

/// Takes the entries of @p session out of @p jobs; returns their ids.
template<typename Jobs>
QList<quint64> takeJobsOf(Jobs &jobs, quint64 session)
{
    QList<quint64> taken;
    for (auto it = jobs.begin(); it != jobs.end();) {
        if (it->session == session) {
            taken.append(it.key());
            it = jobs.erase(it);
        } else {
            ++it;
        }
    }
    return taken;
}

} // namespace

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
    connect(session, &NodeSession::screenOpened, this,
        [this](quint64 screenId, const ScreenRoute &route, const Error &error) {
            if (m_screens.remove(screenId) > 0) {
                Q_EMIT screenOpened(screenId, route, error);
            }
        });
}

quint64 Fleet::openScreen(const QString &nodeId, const QString &uuid)
{
    const quint64 id = ++m_lastRequestId;
    const qsizetype index = indexOf(nodeId);
    if (index < 0) {
        const Error error{.message = i18nc("@info", "There is no node “%1”.", nodeId)};
        QMetaObject::invokeMethod(
            this, [this, id, error] { Q_EMIT screenOpened(id, {}, error); }, Qt::QueuedConnection);
        return id;
    }
    m_screens.insert(id, Job{.nodeId = nodeId, .session = m_nodes.at(index).session});
    NodeSession *session = m_workers.at(size_t(index))->session;
    QMetaObject::invokeMethod(session, [session, id, uuid] { session->openScreen(id, uuid); }, Qt::QueuedConnection);
    return id;
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
    const Error error{.message = why};
    for (const quint64 screenId : takeJobsOf(m_screens, session)) {
        QMetaObject::invokeMethod(
            this, [this, screenId, error] { Q_EMIT screenOpened(screenId, {}, error); }, Qt::QueuedConnection);
    }
    for (const quint64 consoleId : takeJobsOf(m_consoles, session)) {
        QMetaObject::invokeMethod(
            this, [this, consoleId, error] { Q_EMIT consoleEnded(consoleId, error); }, Qt::QueuedConnection);
    }
}

} // namespace Flotilla
