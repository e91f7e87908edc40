// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodeliststore.h"

#include "nodelistfile.h"

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

Result<QList<NodeEntry>> NodeListStore::load() const
{
    QFile file(m_path);
    if (!file.exists()) {
        return QList<NodeEntry>{};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{.message = i18nc("@info", "Could not read your node list"),
            .details = i18nc("@info", "%1: %2", m_path, file.errorString())};
    }
    Result<QList<NodeEntry>> nodes = NodeListFile::parse(file.readAll());
    file.close();
    if (nodes) {
        return nodes;
    }
    const QString aside = m_path + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QFile::rename(m_path, aside)) {
        return Error{.message = i18nc("@info", "Your node list is damaged and could not be moved aside"),
            .details = i18nc("@info", "%1 (%2)", m_path, nodes.error().details)};
    }
    return Error{.message = i18nc("@info", "Your node list was damaged: Flotilla starts with an empty one"),
        .details = i18nc("@info", "the damaged file is kept as %1 (%2)", aside, nodes.error().details)};
}

Result<bool> NodeListStore::save(const QList<NodeEntry> &nodes) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{.message = i18nc("@info", "Could not save your node list"),
            .details = i18nc("@info", "%1: %2", m_path, file.errorString())};
    }
    file.write(NodeListFile::serialize(nodes));
    if (!file.commit()) {
        return Error{.message = i18nc("@info", "Could not save your node list"),
            .details = i18nc("@info", "%1: %2", m_path, file.errorString())};
    }
    return true;
}

} // namespace Flotilla
