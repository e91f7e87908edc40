// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "libvirt/credentialbroker.h"
#include "model/inventory.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Flotilla
{

class CredentialAccess;

/// What a connection test found on a node.
struct ProbeFindings {
    NodeFacts facts;
    int machines = 0; ///< defined and running, all of them
};

/// Tries a connection URI once, as the add-node wizard's "Test connection":
/// opens a connection on a thread of its own, reads the node's facts and
/// how many machines it has, and closes. libvirt's questions for
/// credentials go to the CredentialBroker like a session's. Lives on the UI
/// thread, which never waits: a node that hangs is reported after the time
/// limit, and its thread is left to finish on its own, its answer ignored.
class NodeProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultTimeLimit{20000};

    explicit NodeProbe(CredentialBroker *credentials, QObject *parent = nullptr);

    /// Where the next tests ask for credentials (nullptr: nowhere, they fail).
    void setCredentials(CredentialBroker *credentials);

    /// Starts a test of @p uri, cancelling any test under way.
    void start(const QString &uri, std::chrono::milliseconds timeLimit = defaultTimeLimit);
    /// Forgets the test under way: nothing is reported for it.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// The test is over: what was found, or libvirt's error (or the time-out).
    void finished(const Flotilla::Result<Flotilla::ProbeFindings> &result);

private:
    void finish(quint64 attempt, const Result<ProbeFindings> &result);

    std::shared_ptr<CredentialAccess> m_credentials; ///< the test's thread may outlive the broker
    QTimer m_timeLimit;
    QString m_uri;
    quint64 m_attempt = 0;
    bool m_running = false;
};

/// The blocking part of a test, on the calling thread. Used by NodeProbe.
[[nodiscard]] Result<ProbeFindings> probeNode(const QString &uri, std::shared_ptr<CredentialAccess> credentials);

} // namespace Flotilla
