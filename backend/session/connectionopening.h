// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "libvirt/libvirtauth.h"
#include "libvirt/libvirthandles.h"

#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>

namespace Flotilla
{

class CredentialAccess;

/// One virConnectOpenAuth, made on a thread of its own. libvirt cannot
/// cancel an opening, and a peer that accepts the connection but never
/// answers holds it forever; so the session that wants the connection is
/// never the thread that waits. The outcome is posted to the session's
/// thread, unless the session gave the opening up first: then a connection
/// that arrives late is closed on the opening's thread, unseen.
class ConnectionOpening
{
public:
    /// Gets the connection, or libvirt's error. Runs on @p context's thread.
    using Done = std::function<void(std::shared_ptr<Libvirt::Connection> connection, const Error &error)>;

    /// Starts opening @p uri; @p done is called on @p context's thread.
    [[nodiscard]] static std::shared_ptr<ConnectionOpening> start(
        const QString &uri, std::shared_ptr<CredentialAccess> credentials, QObject *context, Done done);

    /// Nothing more is reported; a late connection is closed. Call on the
    /// context's thread, at the latest as the context goes.
    void abandon();
    /// Takes an abandoned opening that libvirt still holds back, so that a
    /// node that never answers costs one waiting thread, not one per try.
    /// False if it has ended meanwhile: then start a new one.
    [[nodiscard]] bool adopt(QObject *context, Done done);
    /// True while libvirt waits for the person's answer to a question.
    [[nodiscard]] bool isAskingPerson() const { return m_wait.asking; }
    /// When the person last answered (ms since the epoch; 0: never).
    [[nodiscard]] qint64 answeredAtMs() const { return m_wait.answeredAtMs; }

private:
    void run(const QString &uri, std::shared_ptr<CredentialAccess> credentials);

    QMutex m_mutex; ///< guards m_context against abandon() while posting
    QObject *m_context = nullptr;
    Done m_done;
    bool m_ended = false; ///< libvirt has returned (guarded by m_mutex)
    Libvirt::PersonWait m_wait;
};

} // namespace Flotilla
