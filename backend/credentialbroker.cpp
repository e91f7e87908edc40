// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "credentialbroker.h"

#include "libvirt/credentialaccess.h"
#include "logging.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonDocument>
#include <qt6keychain/keychain.h>

namespace Flotilla
{

namespace
{
const QString keyringService = QStringLiteral("flotilla");

/// libvirt may ask for a user name and a password in two questions: each
/// kind of question is remembered apart.
QString keyFor(const QString &uri, const QList<CredentialPrompt> &prompts)
{
    QString kinds;
    for (const CredentialPrompt &prompt : prompts) {
        kinds += prompt.isUserName ? QLatin1Char('u') : prompt.secret ? QLatin1Char('s') : QLatin1Char('t');
    }
    return QStringLiteral("node:%1#%2").arg(uri, kinds);
}
} // namespace

CredentialBroker::CredentialBroker(QObject *parent)
    : QObject(parent)
    , m_access(std::make_shared<CredentialAccess>(this))
{
    qRegisterMetaType<CredentialRequest>();
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
    if (!m_useKeyring) {
        Q_EMIT requested(request);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(keyringService, this);
    job->setKey(keyFor(request.uri, request.prompts));
    connect(job, &QKeychain::Job::finished, this, [this, job, request] {
        const QJsonArray stored = QJsonDocument::fromJson(job->textData().toUtf8()).array();
        if (job->error() == QKeychain::NoError && stored.size() == request.prompts.size()) {
            QStringList answers;
            for (const QJsonValue value : stored) {
                answers.append(value.toString());
            }
            fulfil(request.id, answers);
            return;
        }
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            qCInfo(FLOTILLA_FLEET) << "keyring:" << job->errorString();
        }
        Q_EMIT requested(request);
    });
    job->start();
}

void CredentialBroker::answer(quint64 id, const QStringList &answers, bool remember)
{
    CredentialRequest request;
    {
        const QMutexLocker lock(&m_mutex);
        request = m_requests.value(id);
    }
    if (remember && m_useKeyring && !request.uri.isEmpty()) {
        auto *job = new QKeychain::WritePasswordJob(keyringService, this);
        job->setKey(keyFor(request.uri, request.prompts));
        job->setTextData(
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(answers)).toJson(QJsonDocument::Compact)));
        connect(job, &QKeychain::Job::finished, this, [this, job] {
            if (job->error() != QKeychain::NoError) {
                Q_EMIT keyringProblem(
                    i18nc("@info", "Could not keep the credentials in the keyring: %1", job->errorString()));
            }
        });
        job->start();
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
    for (const char *kinds : {"u", "s", "us", "t"}) {
        auto *job = new QKeychain::DeletePasswordJob(keyringService, this);
        job->setKey(QStringLiteral("node:%1#%2").arg(uri, QLatin1StringView(kinds)));
        job->start();
    }
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
