// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/credentialaccess.h"

namespace Flotilla
{

CredentialAccess::CredentialAccess(CredentialBroker *broker)
    : m_broker(broker)
{
}

std::optional<QStringList> CredentialAccess::ask(const QString &uri, const QList<CredentialPrompt> &prompts)
{
    // Held for the whole question: the broker cannot go while it is asked.
    // It declines every waiting question before detach(), so this never
    // holds its destruction up for long.
    const QReadLocker lock(&m_lock);
    if (!m_broker) {
        return std::nullopt;
    }
    return m_broker->ask(uri, prompts);
}

void CredentialAccess::forget(const QString &uri)
{
    const QReadLocker lock(&m_lock);
    if (m_broker) {
        QMetaObject::invokeMethod(m_broker, [broker = m_broker, uri] { broker->forget(uri); }, Qt::QueuedConnection);
    }
}

void CredentialAccess::detach()
{
    const QWriteLocker lock(&m_lock);
    m_broker = nullptr;
}

} // namespace Flotilla
