// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/snapshot.h"

#include "model/names.h"
#include "model/xmlelements.h"

#include <KLocalizedString>

#include <QTimeZone>
#include <QXmlStreamWriter>

#include <functional>

namespace Flotilla::Snapshots
{

Result<Snapshot> parse(const QByteArray &xml)
{
    Snapshot snapshot;
    // Only the snapshot's own elements: its saved <domain> holds names and states of its own.
    const std::pair<const char *, std::function<void(const QString &)>> texts[] = {
        {"domainsnapshot/name", [&](const QString &text) { snapshot.name = text; }},
        {"domainsnapshot/description", [&](const QString &text) { snapshot.description = text; }},
        {"domainsnapshot/state", [&](const QString &text) { snapshot.state = text; }},
        {"domainsnapshot/creationTime",
            [&](const QString &text) {
                snapshot.created = QDateTime::fromSecsSinceEpoch(text.toLongLong(), QTimeZone::UTC);
            }},
        {"domainsnapshot/parent/name", [&](const QString &text) { snapshot.parent = text; }},
    };
    const QString error = XmlElements::walk(xml, [&](const QString &at, QXmlStreamReader &reader) {
        const QStringView kind = reader.attributes().value(QLatin1StringView("snapshot"));
        if (at == QLatin1StringView("domainsnapshot/memory")) {
            snapshot.memory = kind == QLatin1StringView("internal") || kind == QLatin1StringView("external");
            snapshot.external = snapshot.external || kind == QLatin1StringView("external");
        } else if (at == QLatin1StringView("domainsnapshot/disks/disk")) {
            snapshot.external = snapshot.external || kind == QLatin1StringView("external");
        }
        for (const auto &[path, keep] : texts) {
            if (at == QLatin1StringView(path)) {
                keep(reader.readElementText());
                return true;
            }
        }
        return false;
    });
    if (!error.isEmpty() || snapshot.name.isEmpty()) {
        return Error{.message = i18nc("@info", "The node described a snapshot Flotilla cannot read"),
            .details = !error.isEmpty() ? error : i18nc("@info", "it has no name")};
    }
    // A snapshot taken of a running machine without its memory is "disk-snapshot"; with it, "running".
    snapshot.memory = snapshot.memory || snapshot.state == QLatin1StringView("running")
        || snapshot.state == QLatin1StringView("paused");
    return snapshot;
}

QString nameProblem(const QString &name)
{
    return Names::problem(name, i18nc("@info", "A snapshot needs a name."));
}

Result<QByteArray> request(const QString &name, const QString &description, bool withMemory)
{
    if (const QString wrong = nameProblem(name); !wrong.isEmpty()) {
        return Error{.message = wrong};
    }
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartElement(QStringLiteral("domainsnapshot"));
    writer.writeTextElement(QStringLiteral("name"), name);
    if (!description.isEmpty()) {
        writer.writeTextElement(QStringLiteral("description"), description);
    }
    if (!withMemory) {
        writer.writeEmptyElement(QStringLiteral("memory"));
        writer.writeAttribute(QStringLiteral("snapshot"), QStringLiteral("no"));
    }
    writer.writeEndElement();
    if (writer.hasError()) {
        return Error{.message = i18nc("@info", "Could not write the snapshot's request")};
    }
    return xml;
}

QList<Snapshot> asTree(const QList<Snapshot> &snapshots, QList<int> *depths)
{
    QList<Snapshot> ordered;
    const auto byTime = [](const Snapshot &a, const Snapshot &b) {
        return a.created == b.created ? a.name < b.name : a.created < b.created;
    };
    QList<Snapshot> sorted = snapshots;
    std::ranges::sort(sorted, byTime);
    const std::function<void(const QString &, int)> childrenOf = [&](const QString &parent, int depth) {
        for (const Snapshot &snapshot : std::as_const(sorted)) {
            const bool parentKnown
                = std::ranges::any_of(sorted, [&](const Snapshot &other) { return other.name == snapshot.parent; });
            // A snapshot whose parent is not listed is a root.
            if ((parentKnown ? snapshot.parent : QString()) == parent && snapshot.name != parent) {
                ordered.append(snapshot);
                if (depths) {
                    depths->append(depth);
                }
                childrenOf(snapshot.name, depth + 1);
            }
        }
    };
    childrenOf(QString(), 0);
    return ordered;
}

} // namespace Flotilla::Snapshots
