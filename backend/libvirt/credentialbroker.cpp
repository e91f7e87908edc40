// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/credentialbroker.h"

#include "libvirt/credentialaccess.h"
#include "libvirt/credentialstore.h"

namespace Flotilla
{

namespace
{
/// libvirt may ask for a user name and a password in two questions: each
/// kind of question is remembered apart.
QString kindsOf(const QList<CredentialPrompt> &prompts)
{
    QString kinds;
    for (const CredentialPrompt &prompt : prompts) {
        kinds += prompt.isUserName ? QLatin1Char('u') : prompt.secret ? QLatin1Char('s') : QLatin1Char('t');
    }
    return kinds;
}
} // namespace

CredentialBroker::CredentialBroker(QObject *parent)
    : QObject(parent)
    , m_store(new CredentialStore(this))
    , m_access(std::make_shared<CredentialAccess>(this))
{
    qRegisterMetaType<CredentialRequest>();
    connect(m_store, &CredentialStore::problem, this, &CredentialBroker::keyringProblem);
}

CredentialBroker::~CredentialBroker()
{
    close(); // every waiting question is declined, and later ones at once
    m_access->detach(); // threads that outlive the broker find no way to it
}

std::optional<QStringList> CredentialBroker::ask(
    const QString &uri, const QList<CredentialPrompt> &prompts, std::chrono::milliseconds patience)
{
    std::future<std::optional<QStringList>> answer;
    CredentialRequest request{.uri = uri, .prompts = prompts};
    {
        const QMutexLocker lock(&m_mutex);
        if (m_closed) {
            return std::nullopt;
        }
        request.id = m_nextId++;
        answer = m_waiting[request.id].get_future();
        m_requests.insert(request.id, request);
    }
    QMetaObject::invokeMethod(this, [this, request] { start(request); }, Qt::QueuedConnection);
    if (answer.wait_for(patience) != std::future_status::ready) {
        fulfil(request.id, std::nullopt);
        return std::nullopt;
    }
    return answer.get();
}

void CredentialBroker::start(const CredentialRequest &request)
{
    if (!m_useKeyring || m_forgotten.contains(request.uri)) {
        Q_EMIT requested(request);
        return;
    }
    m_store->find(request.uri, kindsOf(request.prompts), [this, request](const std::optional<QStringList> &answers) {
        if (answers && answers->size() == request.prompts.size() && !m_forgotten.contains(request.uri)) {
            fulfil(request.id, *answers);
        } else {
            Q_EMIT requested(request);
        }
    });
}

void CredentialBroker::answer(quint64 id, const QStringList &answers, bool remember)
{
    CredentialRequest request;
    {
        const QMutexLocker lock(&m_mutex);
        request = m_requests.value(id);
    }
    if (remember && m_useKeyring && !request.uri.isEmpty()) {
        m_forgotten.remove(request.uri);
        m_store->keep(request.uri, kindsOf(request.prompts), answers);
    }
    fulfil(id, answers);
}

void CredentialBroker::decline(quint64 id)
{
    fulfil(id, std::nullopt);
}

void CredentialBroker::forget(const QString &uri)
{
    if (!m_useKeyring) {
        return;
    }
    // Not offered again in this run even if the keyring fails to delete them.
    m_forgotten.insert(uri);
    m_store->forget(uri);
}

void CredentialBroker::close()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_closed = true;
    }
    declineAll();
}

void CredentialBroker::declineAll()
{
    QList<quint64> ids;
    {
        const QMutexLocker lock(&m_mutex);
        for (const auto &[id, promise] : m_waiting) {
            ids.append(id);
        }
    }
    for (const quint64 id : ids) {
        fulfil(id, std::nullopt);
    }
}

void CredentialBroker::fulfil(quint64 id, std::optional<QStringList> answers)
{
    const QMutexLocker lock(&m_mutex);
    auto waiting = m_waiting.find(id);
    if (waiting == m_waiting.end()) {
        return; // answered already, or given up on
    }
    waiting->second.set_value(std::move(answers));
    m_waiting.erase(waiting);
    m_requests.remove(id);
}

} // namespace Flotilla
