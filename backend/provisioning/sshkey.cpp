// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/sshkey.h"

#include <KLocalizedString>

#include <QByteArray>
#include <QtEndian>

namespace Flotilla::SshKey
{

namespace
{

// The public key types OpenSSH accepts in authorized_keys.
constexpr const char *knownTypes[] = {
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
    "ssh-dss",
};

Error wrong(const QString &why)
{
    return Error{.message = i18nc("@info", "This is not an SSH public key"), .details = why};
}

} // namespace

Result<Key> parse(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.contains(QLatin1StringView("PRIVATE KEY"))) {
        return wrong(i18nc("@info", "it is a private key; give the matching .pub file, and keep this one to yourself"));
    }
    const QStringList parts = trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() < 2) {
        return wrong(
            i18nc("@info", "a key is a type, the key and an optional comment, as in “ssh-ed25519 AAAA… you@host”"));
    }
    const QString &type = parts.at(0);
    if (std::ranges::none_of(knownTypes, [&type](const char *known) { return type == QLatin1StringView(known); })) {
        return wrong(i18nc("@info", "“%1” is no key type OpenSSH knows", type));
    }
    const auto decoded
        = QByteArray::fromBase64Encoding(parts.at(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < 4) {
        return wrong(i18nc("@info", "the key itself is not base64: it may be cut or changed"));
    }
    // The key begins with its own type, length first: a cut or mixed paste shows here.
    const QByteArray &blob = decoded.decoded;
    const quint32 typeLength = qFromBigEndian<quint32>(blob.constData());
    if (typeLength > quint32(blob.size() - 4) || blob.sliced(4, qsizetype(typeLength)) != type.toLatin1()) {
        return wrong(
            i18nc("@info", "the key does not begin with its type “%1”: it may be cut or mixed with another", type));
    }
    if (blob.size() - 4 - qsizetype(typeLength) < 16) {
        return wrong(i18nc("@info", "the key is too short: it may be cut"));
    }
    const QString comment = parts.mid(2).join(QLatin1Char(' '));
    return Key{.type = type,
        .comment = comment,
        .line = parts.mid(0, 2).join(QLatin1Char(' ')) + (comment.isEmpty() ? QString() : QLatin1Char(' ') + comment)};
}

} // namespace Flotilla::SshKey
