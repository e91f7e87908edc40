// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/credentialstore.h"

#include "core/logging.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonDocument>
#include <qt6keychain/keychain.h>

namespace Flotilla
{
namespace
{
const QString service = QStringLiteral("flotilla");

QString keyOf(const QString &uri)
{
    return QStringLiteral("node:%1").arg(uri);
}
} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

void CredentialStore::enqueue(Step step)
{
    m_steps.push_back(std::move(step));
    if (!m_busy) {
        next();
    }
}

void CredentialStore::next()
{
    m_busy = !m_steps.empty();
    if (m_busy) {
        const Step step = std::move(m_steps.front());
        m_steps.pop_front();
        step();
    }
}

void CredentialStore::read(const QString &uri, const std::function<void(const QJsonObject &)> &then)
{
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setKey(keyOf(uri));
    connect(job, &QKeychain::Job::finished, this, [job, then] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            qCInfo(FLOTILLA_FLEET) << "keyring:" << job->errorString();
        }
        then(job->error() == QKeychain::NoError ? QJsonDocument::fromJson(job->textData().toUtf8()).object()
                                                : QJsonObject());
    });
    job->start();
}

void CredentialStore::find(const QString &uri, const QString &kinds, Found found)
{
    enqueue([this, uri, kinds, found = std::move(found)] {
        read(uri, [this, kinds, found](const QJsonObject &entry) {
            const QJsonValue kept = entry.value(kinds);
            std::optional<QStringList> answers;
            if (kept.isArray()) {
                answers = QStringList();
                for (const QJsonValue answer : kept.toArray()) {
                    answers->append(answer.toString());
                }
            }
            found(answers);
            next();
        });
    });
}

void CredentialStore::keep(const QString &uri, const QString &kinds, const QStringList &answers)
{
    enqueue([this, uri, kinds, answers] {
        read(uri, [this, uri, kinds, answers](QJsonObject entry) {
            entry.insert(kinds, QJsonArray::fromStringList(answers));
            auto *job = new QKeychain::WritePasswordJob(service, this);
            job->setKey(keyOf(uri));
            job->setTextData(QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Compact)));
            connect(job, &QKeychain::Job::finished, this, [this, job] {
                if (job->error() != QKeychain::NoError) {
                    Q_EMIT problem(
                        i18nc("@info", "Could not keep the credentials in the keyring: %1", job->errorString()));
                }
                next();
            });
            job->start();
        });
    });
}

void CredentialStore::forget(const QString &uri)
{
    enqueue([this, uri] {
        auto *job = new QKeychain::DeletePasswordJob(service, this);
        job->setKey(keyOf(uri));
        connect(job, &QKeychain::Job::finished, this, [this, job] {
            if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
                Q_EMIT problem(
                    i18nc("@info", "Could not forget the credentials in the keyring: %1", job->errorString()));
            }
            next();
        });
        job->start();
    });
}

} // namespace Flotilla
