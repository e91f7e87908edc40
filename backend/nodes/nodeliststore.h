// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "nodes/nodeentry.h"

#include <QJsonArray>

namespace Flotilla
{

/// The user's node list on disk (NodeListFile's format), the only state
/// Flotilla keeps of its own. Written atomically; a file that cannot be
/// read, or is larger than maxFileSize, is moved aside, never silently
/// replaced. Each entry is checked as the add-node form checks it (URI,
/// name, place, tags); an entry that fails is left out of the fleet but
/// kept: save() writes it back as it was, after the others.
class NodeListStore
{
public:
    /// @p path: the file; by default nodes.json in Flotilla's configuration folder.
    explicit NodeListStore(QString path = defaultPath());

    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] QString path() const { return m_path; }

    static constexpr qint64 maxFileSize = 1024 * 1024;

    /// The usable entries; empty when there is no file yet. A corrupt or too
    /// large file is renamed to "nodes.json.corrupt-<time>" and the error
    /// names where it went. Entries left out are in skipped().
    [[nodiscard]] Result<QList<NodeEntry>> load();
    /// What the last load() left out, and why; empty when it left out nothing.
    [[nodiscard]] const Error &skipped() const { return m_skipped; }
    /// Replaces the file in one step: readers see the old list or the new,
    /// never half. The entries load() left out follow @p nodes unchanged.
    [[nodiscard]] Result<bool> save(const QList<NodeEntry> &nodes) const;

private:
    [[nodiscard]] Error setAside(const QString &problem) const;

    QString m_path;
    QJsonArray m_kept; ///< the entries load() left out, as written
    Error m_skipped;
};

} // namespace Flotilla
