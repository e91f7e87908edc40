// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QHash>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <future>
#include <memory>
#include <optional>
#include <unordered_map>

namespace Flotilla
{
class CredentialStore;

class CredentialAccess;

/// One thing libvirt asks for while connecting: a user name, a password, a passphrase.
struct CredentialPrompt {
    QString text; ///< libvirt's prompt, e.g. "Enter your password"
    bool secret = false; ///< typed without echo
    bool isUserName = false;
    QString suggestion; ///< libvirt's default, if any
};

struct CredentialRequest {
    quint64 id = 0;
    QString uri;
    QList<CredentialPrompt> prompts;
};

/// Carries libvirt's questions for credentials from a node's session thread
/// to the person at the UI, and the answers back. Lives on the UI thread.
///
/// A session blocks in ask() (inside virConnectOpenAuth's callback) while
/// the UI asks; nothing else waits. Answers can be remembered, only ever in
/// the desktop keyring (QtKeychain), keyed by the node's URI; a remembered
/// answer is offered first, and a failed connection forgets it.
class CredentialBroker : public QObject
{
    Q_OBJECT

public:
    explicit CredentialBroker(QObject *parent = nullptr);
    ~CredentialBroker() override;

    /// From any thread but the UI's: the answers, or nothing if the person
    /// declined, nobody answered within @p patience, or Flotilla is closing.
    [[nodiscard]] std::optional<QStringList> ask(const QString &uri, const QList<CredentialPrompt> &prompts,
        std::chrono::milliseconds patience = std::chrono::minutes(5));

    /// The person's answers to request @p id; @p remember keeps them in the keyring.
    Q_INVOKABLE void answer(quint64 id, const QStringList &answers, bool remember);
    Q_INVOKABLE void decline(quint64 id);
    /// The remembered answers for @p uri did not work: forget every one of
    /// them, so that the person is asked next time.
    void forget(const QString &uri);
    /// Releases every waiting session (on exit).
    void declineAll();
    /// From now on every question is declined at once (Flotilla is closing).
    void close();

    /// The way to this broker for threads that may outlive it; closed when it goes.
    [[nodiscard]] std::shared_ptr<CredentialAccess> access() const { return m_access; }

    /// Whether remembered answers are looked up and stored (off in tests without a keyring).
    void setUseKeyring(bool use) { m_useKeyring = use; }

Q_SIGNALS:
    void requested(const Flotilla::CredentialRequest &request);
    /// Storing in or reading from the keyring failed; the answers still count.
    void keyringProblem(const QString &message);

private:
    void start(const CredentialRequest &request);
    void fulfil(quint64 id, std::optional<QStringList> answers);

    QMutex m_mutex;
    std::unordered_map<quint64, std::promise<std::optional<QStringList>>> m_waiting; // promises do not copy
    QHash<quint64, CredentialRequest> m_requests;
    quint64 m_nextId = 1;
    bool m_useKeyring = true;
    CredentialStore *m_store;
    QSet<QString> m_forgotten; ///< URIs whose remembered answers failed in this run (UI thread)
    bool m_closed = false;
    std::shared_ptr<CredentialAccess> m_access;
};

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::CredentialRequest)
