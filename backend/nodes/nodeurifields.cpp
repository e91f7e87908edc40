// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodeurifields.h"

#include "nodes/nodeuri.h"

#include <KLocalizedString>

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace Flotilla::NodeUri
{

namespace
{

QString schemeOf(Transport transport)
{
    switch (transport) {
    case Transport::Ssh:
        return QStringLiteral("qemu+ssh");
    case Transport::Tls:
        return QStringLiteral("qemu+tls");
    case Transport::Tcp:
        return QStringLiteral("qemu+tcp");
    default:
        return QStringLiteral("qemu");
    }
}

QString hostProblem(const QString &host)
{
    if (host.isEmpty()) {
        return i18nc("@info", "Enter the node's host name or address");
    }
    static const QRegularExpression ipv6(QStringLiteral("^[0-9A-Fa-f]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*$"));
    if (ipv6.match(host).hasMatch()) {
        return {};
    }
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                                                        "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\\.?$"));
    if (host.contains(QRegularExpression(QStringLiteral("\\s")))) {
        return i18nc("@info", "A host name has no spaces");
    }
    if (!name.match(host).hasMatch() || host.size() > 253) {
        return i18nc(
            "@info", "“%1” is neither a host name (letters, digits, hyphens and dots) nor an IP address", host);
    }
    return {};
}

QString userProblem(const QString &user)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]*$"));
    if (!allowed.match(user).hasMatch()) {
        return i18nc("@info", "A user name here has only letters, digits, dots, hyphens and underscores");
    }
    return {};
}

QString portProblem(const QString &port)
{
    if (port.isEmpty()) {
        return {};
    }
    bool number = false;
    const int value = port.toInt(&number);
    if (!number || value < 1 || value > 65535) {
        return i18nc("@info", "The port is a number from 1 to 65535, or empty for the usual one");
    }
    return {};
}

QString keyFileProblem(const QString &keyFile)
{
    if (keyFile.isEmpty()) {
        return {};
    }
    const QFileInfo file(keyFile);
    if (!file.isAbsolute()) {
        return i18nc("@info", "Give the key file's full path, starting with /");
    }
    if (!file.isFile() || !file.isReadable()) {
        return i18nc("@info", "There is no readable file at %1", keyFile);
    }
    return {};
}

QString hostPart(const QString &host)
{
    return host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
}

} // namespace

Built build(const Fields &fields)
{
    Built built;
    if (fields.transport == Transport::Raw) {
        built.uri = fields.raw.trimmed();
        const Result<Parts> parts = validate(built.uri);
        if (!parts) {
            built.problems.insert(QStringLiteral("raw"), parts.error().details);
        } else {
            built.skipsVerification = parts.value().skipsVerification;
        }
        return built;
    }
    const QString path
        = fields.path == QLatin1StringView("session") ? QStringLiteral("session") : QStringLiteral("system");
    if (fields.transport == Transport::ThisComputer) {
        if (fields.path != QLatin1StringView("system") && fields.path != QLatin1StringView("session")) {
            built.problems.insert(
                QStringLiteral("path"), i18nc("@info", "Choose the system or the session connection"));
        }
        built.uri = QStringLiteral("qemu:///") + path;
        return built;
    }
    const QString host = fields.host.trimmed();
    const QString user = fields.user.trimmed();
    const QString port = fields.port.trimmed();
    const auto note = [&built](const char *field, const QString &problem) {
        if (!problem.isEmpty()) {
            built.problems.insert(QLatin1StringView(field), problem);
        }
    };
    note("host", hostProblem(host));
    note("user", userProblem(user));
    note("port", portProblem(port));
    QString uri = schemeOf(fields.transport) + QStringLiteral("://");
    if (!user.isEmpty()) {
        uri += user + QLatin1Char('@');
    }
    uri += hostPart(host);
    if (!port.isEmpty()) {
        uri += QLatin1Char(':') + port;
    }
    uri += QStringLiteral("/system");
    if (fields.transport == Transport::Ssh && !fields.keyFile.trimmed().isEmpty()) {
        note("keyFile", keyFileProblem(fields.keyFile.trimmed()));
        uri += QStringLiteral("?keyfile=") + QString::fromUtf8(QUrl::toPercentEncoding(fields.keyFile.trimmed(), "/"));
    }
    built.uri = uri;
    return built;
}

Fields fieldsFrom(const QString &uri)
{
    Fields raw{.transport = Transport::Raw, .raw = uri};
    const Result<Parts> parts = validate(uri);
    if (!parts || parts.value().driver != QLatin1StringView("qemu")) {
        return raw;
    }
    const Parts &p = parts.value();
    const QUrlQuery query(p.query);
    const QString keyFile = query.queryItemValue(QStringLiteral("keyfile"), QUrl::FullyDecoded);
    const bool onlyKeyFile = query.queryItems().size() == (keyFile.isEmpty() ? 0 : 1);
    if (p.transport.isEmpty() && !p.isRemote() && p.query.isEmpty()) {
        return Fields{.path = p.path.mid(1)};
    }
    const QHash<QString, Transport> remote = {{QStringLiteral("ssh"), Transport::Ssh},
        {QStringLiteral("tls"), Transport::Tls}, {QStringLiteral("tcp"), Transport::Tcp}};
    if (!remote.contains(p.transport) || p.path != QLatin1StringView("/system") || !onlyKeyFile
        || (!keyFile.isEmpty() && p.transport != QLatin1StringView("ssh"))) {
        return raw;
    }
    return Fields{.transport = remote.value(p.transport),
        .host = p.host,
        .user = p.user,
        .port = p.port > 0 ? QString::number(p.port) : QString(),
        .keyFile = keyFile};
}

} // namespace Flotilla::NodeUri
