// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "testfleet.h"

#include "nodes/nodelistfile.h"

#include <QDir>
#include <QFile>
#include <QUrl>

namespace Flotilla::Testing::TestFleet
{

QString folder()
{
    return QStringLiteral(FLOTILLA_TEST_DATA "/fleet");
}

Result<QList<NodeEntry>> entries()
{
    QFile list(folder() + QStringLiteral("/fleet.json"));
    if (!list.open(QIODevice::ReadOnly)) {
        return Error{.message = QStringLiteral("cannot read %1").arg(list.fileName()), .details = list.errorString()};
    }
    Result<QList<NodeEntry>> nodes = NodeListFile::parse(list.readAll());
    if (!nodes) {
        return nodes.error();
    }
    QList<NodeEntry> entries = std::move(nodes).value();
    // In the list a node's URI is test:///FILE; FILE lives in folder().
    const QDir files(folder());
    for (NodeEntry &entry : entries) {
        const QString path = files.absoluteFilePath(QUrl(entry.uri).fileName());
        if (!QFile::exists(path)) {
            return Error{.message = QStringLiteral("the test fleet has no file %1").arg(path)};
        }
        entry.uri = QStringLiteral("test://") + path;
    }
    return entries;
}

} // namespace Flotilla::Testing::TestFleet
