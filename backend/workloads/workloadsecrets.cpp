// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/workloadsecrets.h"

#include <KLocalizedString>

#include <QRandomGenerator>
#include <QRegularExpression>
#include <qt6keychain/keychain.h>

#include <array>

namespace Flotilla
{
namespace
{
const QString service = QStringLiteral("flotilla");

QString keyOf(const QString &name)
{
    return QStringLiteral("secret:") + name;
}

const QRegularExpression &placeholders()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{secret:([A-Za-z0-9-]{1,80})\\}\\}"));
    return pattern;
}
} // namespace

namespace WorkloadSecrets
{
QString placeholder(const QString &name)
{
    return QStringLiteral("{{secret:%1}}").arg(name);
}

QStringList namesIn(const MachineSetup &setup)
{
    QStringList names;
    for (const QString &text : setup.commands + QStringList{setup.ownConfig}) {
        for (const QRegularExpressionMatch &match : placeholders().globalMatch(text)) {
            if (!names.contains(match.captured(1))) {
                names.append(match.captured(1));
            }
        }
    }
    return names;
}

MachineSetup filledIn(MachineSetup setup, const QHash<QString, QString> &secrets)
{
    const auto fill = [&secrets](QString &text) {
        for (auto secret = secrets.cbegin(); secret != secrets.cend(); ++secret) {
            text.replace(placeholder(secret.key()), secret.value());
        }
    };
    for (QString &command : setup.commands) {
        fill(command);
    }
    fill(setup.ownConfig);
    return setup;
}

QString newToken()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words))).toHex());
}
} // namespace WorkloadSecrets

SecretKeeper::SecretKeeper(QObject *parent)
    : QObject(parent)
{
}

void SecretKeeper::find(const QStringList &names, Found found)
{
    findFrom(names, {}, std::move(found));
}

void SecretKeeper::findFrom(QStringList names, QHash<QString, QString> found, Found then)
{
    if (names.isEmpty()) {
        then(found);
        return;
    }
    const QString name = names.takeFirst();
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setKey(keyOf(name));
    connect(job, &QKeychain::Job::finished, this,
        [this, job, name, names, found = std::move(found), then = std::move(then)]() mutable {
            if (job->error() != QKeychain::NoError) {
                then(Error{.message = i18nc("@info", "The secret “%1” is not in this computer's keyring", name),
                    .details = job->error() == QKeychain::EntryNotFound
                        ? i18nc("@info", "It is kept only by the Flotilla that made it.")
                        : job->errorString()});
                return;
            }
            found.insert(name, job->textData());
            findFrom(names, std::move(found), std::move(then));
        });
    job->start();
}

void SecretKeeper::keep(const QString &name, const QString &value, Kept kept)
{
    auto *job = new QKeychain::WritePasswordJob(service, this);
    job->setKey(keyOf(name));
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [job, kept = std::move(kept)] {
        if (job->error() != QKeychain::NoError) {
            kept(Error{.message = i18nc("@info", "The keyring cannot keep the secret"), .details = job->errorString()});
        } else {
            kept(true);
        }
    });
    job->start();
}

void SecretKeeper::forget(const QString &name)
{
    auto *job = new QKeychain::DeletePasswordJob(service, this);
    job->setKey(keyOf(name));
    job->start();
}

} // namespace Flotilla
