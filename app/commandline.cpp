// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "commandline.h"

#include "flotilla-version.h"
#include "nodes/nodeuri.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QFileInfo>

namespace Flotilla::CommandLine
{
namespace
{
/// Qt's help names the program after QCoreApplication's arguments, and
/// "<executable_name>" before an application object exists, as here: name
/// it after the program this command line started.
QString helpText(const QCommandLineParser &parser, const QString &program)
{
    const QString text = parser.helpText();
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const QString usage
        = QCommandLineParser::tr("Usage: %1").arg(program + QLatin1Char(' ') + QCommandLineParser::tr("[options]"));
    return usage + text.mid(lineEnd);
}
} // namespace

Outcome parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(i18nc("@info", "Your own fleet of virtual machines, on nodes around the world"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"), i18nc("@info:shell", "Open the bundled demo fleet of simulated nodes."));
    const QCommandLineOption connect(QStringLiteral("connect"),
        i18nc("@info:shell", "Also open the node at this libvirt URI, for this run only (repeatable)."),
        i18nc("@info:shell value name", "uri"));
    const QCommandLineOption colorScheme(QStringLiteral("color-scheme"),
        i18nc("@info:shell", "Use this colour scheme, e.g. BreezeLight or BreezeDark."),
        i18nc("@info:shell value name", "name"));
    parser.addOptions({demo, connect, colorScheme});

    if (!parser.parse(arguments)) {
        return Outcome{.exitCode = 2, .output = parser.errorText()};
    }
    if (parser.isSet(help)) {
        const QString program = arguments.isEmpty() ? QString() : QFileInfo(arguments.first()).fileName();
        return Outcome{
            .exitCode = 0, .output = helpText(parser, program.isEmpty() ? QStringLiteral("flotilla") : program)};
    }
    if (parser.isSet(version)) {
        return Outcome{.exitCode = 0, .output = QStringLiteral("flotilla " FLOTILLA_VERSION_STRING)};
    }
    if (!parser.positionalArguments().isEmpty()) {
        return Outcome{.exitCode = 2,
            .output = i18nc("@info:shell", "Unexpected argument “%1”; nodes are opened with --connect URI",
                parser.positionalArguments().first())};
    }
    Options options{.demo = parser.isSet(demo), .colorScheme = parser.value(colorScheme)};
    for (const QString &uri : parser.values(connect)) {
        const Result<NodeUri::Parts> parts = NodeUri::validate(uri);
        if (!parts) {
            return Outcome{.exitCode = 2, .output = parts.error().text()};
        }
        if (parts.value().skipsVerification) {
            // Consent to an unchecked node is asked for in the window, never assumed from a command line.
            return Outcome{.exitCode = 2,
                .output = i18nc("@info:shell",
                    "“%1” turns off the check of the node's identity; add such a node with Add Node, which asks "
                    "you to confirm",
                    uri)};
        }
        const QString name = parts.value().host.isEmpty() ? uri : parts.value().host;
        options.connect.append(
            NodeEntry{.id = QStringLiteral("connect-%1").arg(options.connect.size() + 1), .name = name, .uri = uri});
    }
    return Outcome{.start = options};
}

} // namespace Flotilla::CommandLine
