// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "libvirt/credentialbroker.h"

#include <QReadWriteLock>

#include <memory>
#include <optional>

namespace Flotilla
{

/// The way to a CredentialBroker for threads that may outlive it: session
/// workers, the helpers that open connections, connection tests. Hold it by
/// std::shared_ptr (CredentialBroker::access()). When the broker goes, it
/// closes its access; a question asked later is declined, and never reaches
/// freed memory.
class CredentialAccess
{
public:
    explicit CredentialAccess(CredentialBroker *broker);

    CredentialAccess(const CredentialAccess &) = delete;
    CredentialAccess &operator=(const CredentialAccess &) = delete;

    /// As CredentialBroker::ask(); nothing once the broker has gone.
    [[nodiscard]] std::optional<QStringList> ask(const QString &uri, const QList<CredentialPrompt> &prompts);
    /// Asks the broker, on its own thread, to forget what it remembers for @p uri.
    void forget(const QString &uri);
    /// Called by the broker as it goes, after it has declined every waiting
    /// question: waits for those askers to leave, then cuts the way.
    void detach();

private:
    QReadWriteLock m_lock;
    CredentialBroker *m_broker;
};

} // namespace Flotilla
