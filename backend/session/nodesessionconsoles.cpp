// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// NodeSession's machine consoles: opened on the session's thread, their
// output straight from libvirt's event thread; and the way to a machine's screen.
#include "session/nodesession.h"

#include <KLocalizedString>

namespace Flotilla
{

void NodeSession::openConsole(quint64 consoleId, const QString &uuid)
{
    if (!m_connection) {
        Q_EMIT consoleOpened(consoleId, Error{.message = i18nc("@info", "The node is not connected.")});
        return;
    }
    // The stream's callbacks run on libvirt's event thread; a signal emitted
    // there reaches its receivers queued.
    Result<std::unique_ptr<ConsoleStream>> stream = ConsoleStream::open(
        m_connection.get(), uuid,
        [this, consoleId](const QByteArray &bytes) { Q_EMIT consoleOutput(consoleId, bytes); },
        [this, consoleId](const Error &why) {
            Q_EMIT consoleEnded(consoleId, why);
            // Forgotten on the session's thread, which owns the streams.
            QMetaObject::invokeMethod(this, [this, consoleId] { m_consoles.erase(consoleId); }, Qt::QueuedConnection);
        });
    if (!stream) {
        Q_EMIT consoleOpened(consoleId, stream.error());
        return;
    }
    m_consoles[consoleId] = std::move(stream).value();
    Q_EMIT consoleOpened(consoleId, {});
}

void NodeSession::sendToConsole(quint64 consoleId, const QByteArray &bytes)
{
    const auto console = m_consoles.find(consoleId);
    if (console == m_consoles.end()) {
        return; // ended already: consoleEnded() said so
    }
    if (const Result<bool> sent = console->second->send(bytes); !sent) {
        Q_EMIT consoleEnded(consoleId, sent.error());
        m_consoles.erase(console);
    }
}

void NodeSession::closeConsole(quint64 consoleId)
{
    m_consoles.erase(consoleId);
}

void NodeSession::openScreen(quint64 screenId, const QString &uuid)
{
    if (!m_connection) {
        Q_EMIT screenOpened(screenId, {}, Error{.message = i18nc("@info", "The node is not connected.")});
        return;
    }
    Result<ScreenRoute> route = ScreenRoutes::open(m_connection.get(), m_uri, uuid);
    if (!route) {
        Q_EMIT screenOpened(screenId, {}, route.error());
        return;
    }
    Q_EMIT screenOpened(screenId, route.value(), {});
}

void NodeSession::endConsoles(const Error &why)
{
    for (const auto &[consoleId, stream] : m_consoles) {
        Q_EMIT consoleEnded(consoleId, why);
    }
    m_consoles.clear();
}

} // namespace Flotilla
