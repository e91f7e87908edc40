// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodeliststore.h"

#include "nodes/nodecheck.h"
#include "nodes/nodelistfile.h"

#include <KLocalizedString>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace Flotilla
{

NodeListStore::NodeListStore(QString path)
    : m_path(std::move(path))
{
}

QString NodeListStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/nodes.json");
}

Result<QList<NodeEntry>> NodeListStore::load()
{
    m_kept = {};
    m_skipped = {};
    QFile file(m_path);
    if (!file.exists()) {
        return QList<NodeEntry>{};
    }
    if (file.size() > maxFileSize) {
        return setAside(i18nc("@info", "it is larger than %1 bytes", maxFileSize));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{.message = i18nc("@info", "Could not read your node list"),
            .details = i18nc("@info", "%1: %2", m_path, file.errorString())};
    }
    const Result<QList<NodeListFile::ReadEntry>> entries = NodeListFile::read(file.read(maxFileSize + 1));
    file.close();
    if (!entries) {
        return setAside(entries.error().details);
    }
    QList<NodeEntry> nodes;
    QStringList names;
    QStringList problems;
    for (const NodeListFile::ReadEntry &entry : entries.value()) {
        QString problem = entry.problem;
        if (problem.isEmpty()) {
            problem = NodeCheck::entryProblem(entry.node, names);
            if (!problem.isEmpty()) {
                problem = i18nc("@info %1 is a node id, %2 what is wrong", "node '%1': %2", entry.node.id, problem);
            }
        }
        if (!problem.isEmpty()) {
            problems.append(problem);
            m_kept.append(entry.written);
            continue;
        }
        names.append(entry.node.name);
        nodes.append(entry.node);
    }
    if (!problems.isEmpty()) {
        m_skipped
            = Error{.message = i18ncp("@info", "One node of your list is left out: it stays in %2 as it is",
                        "%1 nodes of your list are left out: they stay in %2 as they are", problems.size(), m_path),
                .details = problems.join(QStringLiteral("; "))};
    }
    return nodes;
}

Error NodeListStore::setAside(const QString &problem) const
{
    const QString aside = m_path + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QFile::rename(m_path, aside)) {
        return Error{.message = i18nc("@info", "Your node list is damaged and could not be moved aside"),
            .details = i18nc("@info", "%1 (%2)", m_path, problem)};
    }
    return Error{.message = i18nc("@info", "Your node list was damaged: Flotilla starts with an empty one"),
        .details = i18nc("@info", "the damaged file is kept as %1 (%2)", aside, problem)};
}

Result<bool> NodeListStore::save(const QList<NodeEntry> &nodes) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{.message = i18nc("@info", "Could not save your node list"),
            .details = i18nc("@info", "%1: %2", m_path, file.errorString())};
    }
    file.write(NodeListFile::serialize(nodes, m_kept));
    if (!file.commit()) {
        return Error{.message = i18nc("@info", "Could not save your node list"),
            .details = i18nc("@info", "%1: %2", m_path, file.errorString())};
    }
    return true;
}

} // namespace Flotilla
