// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodeuri.h"

#include "nodes/uriparameters.h"

#include <KLocalizedString>

#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

namespace Flotilla::NodeUri
{

namespace
{

Error wrong(const QString &uri, const QString &details)
{
    return Error{.message = i18nc("@info", "“%1” is not a connection URI Flotilla can use", uri), .details = details};
}

const QStringList remoteTransports = {QStringLiteral("ssh"), QStringLiteral("libssh"), QStringLiteral("libssh2"),
    QStringLiteral("tls"), QStringLiteral("tcp")};

Result<bool> checkPath(const QString &uri, const Parts &parts)
{
    if (parts.driver == QLatin1StringView("qemu")) {
        if (parts.path != QLatin1StringView("/system") && parts.path != QLatin1StringView("/session")) {
            return wrong(uri, i18nc("@info", "the QEMU driver's path is /system or /session, as in qemu:///system"));
        }
        return true;
    }
    if (parts.path.isEmpty() || parts.path == QLatin1StringView("/")) {
        return wrong(uri, i18nc("@info", "the test driver needs /default or the path of a node file"));
    }
    if (!parts.isRemote() && parts.path != QLatin1StringView("/default")) {
        const QFileInfo file(parts.path);
        if (!file.isFile() || !file.isReadable()) {
            return wrong(uri, i18nc("@info", "there is no readable node file at %1", parts.path));
        }
    }
    return true;
}

} // namespace

Result<Parts> validate(const QString &uri)
{
    const QString text = uri.trimmed();
    if (text.isEmpty()) {
        return wrong(uri, i18nc("@info", "it is empty; a local node is qemu:///system"));
    }
    if (text.contains(QRegularExpression(QStringLiteral("\\s")))) {
        return wrong(uri, i18nc("@info", "it contains spaces"));
    }
    const qsizetype separator = text.indexOf(QLatin1StringView("://"));
    if (separator <= 0) {
        return wrong(
            uri, i18nc("@info", "it does not start with a driver, as in qemu:///system or qemu+ssh://host/system"));
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        return wrong(uri, url.errorString());
    }
    Parts parts;
    const QStringList scheme = text.left(separator).toLower().split(QLatin1Char('+'));
    parts.driver = scheme.first();
    parts.transport = scheme.size() > 1 ? scheme.at(1) : QString();
    if (scheme.size() > 2) {
        return wrong(uri, i18nc("@info", "“%1” names more than one transport", text.left(separator)));
    }
    if (parts.driver != QLatin1StringView("qemu") && parts.driver != QLatin1StringView("test")) {
        return wrong(uri,
            i18nc("@info", "Flotilla manages QEMU/KVM nodes (qemu://…) and libvirt's test driver (test://…), not “%1”",
                parts.driver));
    }
    if (parts.transport == QLatin1StringView("ext")) {
        return wrong(uri,
            i18nc("@info",
                "the ext transport runs a program on this computer to reach the node; Flotilla does not "
                "allow it: use ssh, tls or tcp"));
    }
    if (!parts.transport.isEmpty() && parts.transport != QLatin1StringView("unix")
        && !remoteTransports.contains(parts.transport)) {
        return wrong(
            uri, i18nc("@info", "unknown transport “%1”; use ssh, libssh, libssh2, tls, tcp or unix", parts.transport));
    }
    parts.user = url.userName();
    parts.host = url.host();
    parts.port = url.port();
    parts.path = url.path();
    parts.query = url.query();
    if (remoteTransports.contains(parts.transport) && parts.host.isEmpty()) {
        return wrong(uri,
            i18nc("@info", "the %1 transport needs a host, as in %2+%1://user@host/system", parts.transport,
                parts.driver));
    }
    if (parts.transport == QLatin1StringView("unix") && !parts.host.isEmpty()) {
        return wrong(uri, i18nc("@info", "the unix transport reaches this computer only: leave out the host"));
    }
    static const QRegularExpression hostName(
        QStringLiteral("^[\\p{L}\\p{N}_.:][\\p{L}\\p{N}_.:-]*$"), QRegularExpression::UseUnicodePropertiesOption);
    if (parts.isRemote() && !hostName.match(parts.host).hasMatch()) {
        return wrong(uri, i18nc("@info", "the host “%1” is neither a host name nor an address", parts.host));
    }
    if (text.contains(QLatin1Char('@')) && parts.host.isEmpty()) {
        return wrong(uri, i18nc("@info", "it names a user but no host"));
    }
    if (url.port() == 0 || (url.port() < 0 && text.section(QLatin1Char('/'), 2, 2).endsWith(QLatin1Char(':')))) {
        return wrong(uri, i18nc("@info", "the port must be a number from 1 to 65535"));
    }
    Result<bool> path = checkPath(uri, parts);
    if (!path) {
        return path.error();
    }
    const Result<Options> options = checkOptions(rawQuery(text), parts.transport);
    if (!options) {
        return wrong(uri, options.error().details);
    }
    parts.skipsVerification = options.value().skipsVerification;
    return parts;
}

} // namespace Flotilla::NodeUri
