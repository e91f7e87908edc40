// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/uriparameters.h"

#include <KLocalizedString>

#include <QDir>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

namespace Flotilla::NodeUri
{

namespace
{

Error refused(const QString &details)
{
    return Error{.details = details};
}

/// libvirt reads an option's name and value percent-decoded, and "+" in a value as a space.
QString decoded(QStringView text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('+', ' ');
    return QUrl::fromPercentEncoding(bytes);
}

Result<bool> checkPath(const QString &written, const QString &value)
{
    if (!QDir::isAbsolutePath(value)) {
        return refused(i18nc("@info %1 is a URI option", "give “%1” a full path, starting with /", written));
    }
    return true;
}

Result<bool> checkChoice(const QString &written, const QString &value, const QStringList &choices)
{
    if (!choices.contains(value)) {
        return refused(i18nc("@info %1 is a URI option, %2 its allowed values", "“%1” takes one of %2", written,
            choices.join(QStringLiteral(", "))));
    }
    return true;
}

/// One option, @p name lower-cased; @p written as the URI spells it.
Result<bool> checkOption(
    const QString &name, const QString &written, const QString &value, const QString &transport, Options &options)
{
    if (name == QLatin1StringView("command") || name == QLatin1StringView("netcat")) {
        return refused(i18nc("@info %1 is a URI option",
            "the option “%1” names a program to run; Flotilla does not run programs named in a URI", written));
    }
    if (name == QLatin1StringView("socket")) {
        if (transport != QLatin1StringView("unix") && !transport.isEmpty()) {
            return refused(i18nc("@info %1 is a URI option",
                "the option “%1” goes into the command run on the node; Flotilla takes it only for a local "
                "connection (qemu+unix:///system?socket=…)",
                written));
        }
        return checkPath(written, value);
    }
    if (name == QLatin1StringView("keyfile") || name == QLatin1StringView("known_hosts")
        || name == QLatin1StringView("pkipath")) {
        return checkPath(written, value);
    }
    if (name == QLatin1StringView("no_verify")) {
        options.skipsVerification = options.skipsVerification || value.trimmed() != QLatin1StringView("0");
        return true;
    }
    if (name == QLatin1StringView("known_hosts_verify")) {
        options.skipsVerification = options.skipsVerification || value != QLatin1StringView("normal");
        return checkChoice(
            written, value, {QStringLiteral("normal"), QStringLiteral("auto"), QStringLiteral("ignore")});
    }
    if (name == QLatin1StringView("mode")) {
        return checkChoice(
            written, value, {QStringLiteral("auto"), QStringLiteral("direct"), QStringLiteral("legacy")});
    }
    if (name == QLatin1StringView("proxy")) {
        return checkChoice(
            written, value, {QStringLiteral("auto"), QStringLiteral("netcat"), QStringLiteral("native")});
    }
    if (name == QLatin1StringView("sshauth")) {
        const QStringList methods = {QStringLiteral("agent"), QStringLiteral("privkey"), QStringLiteral("password"),
            QStringLiteral("keyboard-interactive")};
        for (const QString &method : value.split(QLatin1Char(','))) {
            if (Result<bool> known = checkChoice(written, method.trimmed(), methods); !known) {
                return known;
            }
        }
        return true;
    }
    if (name == QLatin1StringView("no_tty") || name == QLatin1StringView("tls_priority")) {
        return true;
    }
    return refused(i18nc("@info %1 is a URI option",
        "Flotilla does not pass the option “%1” to libvirt; it takes keyfile, known_hosts, known_hosts_verify, "
        "no_tty, sshauth, mode, proxy, pkipath, tls_priority, no_verify, and socket for a local connection",
        written));
}

} // namespace

Result<Options> checkOptions(const QString &query, const QString &transport)
{
    Options options;
    // libvirt splits options at "&" and at ";".
    static const QRegularExpression separators(QStringLiteral("[&;]"));
    for (const QString &option : query.split(separators, Qt::SkipEmptyParts)) {
        const qsizetype equals = option.indexOf(QLatin1Char('='));
        const QString written = decoded(QStringView(option).left(equals));
        const QString value = equals < 0 ? QString() : decoded(QStringView(option).mid(equals + 1));
        if (Result<bool> ok = checkOption(written.toLower(), written, value, transport, options); !ok) {
            return ok.error();
        }
    }
    return options;
}

QString rawQuery(const QString &uri)
{
    const qsizetype question = uri.indexOf(QLatin1Char('?'));
    return question < 0 ? QString() : uri.mid(question + 1).section(QLatin1Char('#'), 0, 0);
}

bool skipsVerification(const QString &uri)
{
    const Result<Options> options = checkOptions(rawQuery(uri.trimmed()), QStringLiteral("unix"));
    return options && options.value().skipsVerification;
}

} // namespace Flotilla::NodeUri
