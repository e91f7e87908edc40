// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "demo/demofleet.h"

#include "nodes/nodelistfile.h"

#include <KLocalizedString>

#include <QDir>
#include <QFile>

namespace Flotilla::DemoFleet
{

namespace
{
const QString resourceFolder = QStringLiteral(":/flotilla/demo/");
// In the bundled list a node's URI is "demo:FILE", FILE being its test-driver file.
const QString demoScheme = QStringLiteral("demo:");
} // namespace

Result<QList<NodeEntry>> unpack(const QString &folder)
{
    QFile list(resourceFolder + QStringLiteral("fleet.json"));
    if (!list.open(QIODevice::ReadOnly)) {
        return Error{.message = i18nc("@info", "The demo fleet is missing from this build")};
    }
    Result<QList<NodeEntry>> nodes = NodeListFile::parse(list.readAll());
    if (!nodes) {
        return nodes.error();
    }
    QList<NodeEntry> entries = std::move(nodes).value();
    const QDir target(folder);
    for (NodeEntry &entry : entries) {
        const QString file = entry.uri.mid(demoScheme.size());
        const QString path = target.absoluteFilePath(file);
        QFile::remove(path);
        if (!entry.uri.startsWith(demoScheme) || !QFile::copy(resourceFolder + file, path)) {
            return Error{.message = i18nc("@info", "Could not unpack the demo node %1", entry.name), .details = path};
        }
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        entry.uri = QStringLiteral("test://") + path;
    }
    return entries;
}

} // namespace Flotilla::DemoFleet
