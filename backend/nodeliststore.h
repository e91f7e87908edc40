// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "nodeentry.h"
#include "result.h"

namespace Flotilla
{

/// The user's node list on disk (NodeListFile's format), the only state
/// Flotilla keeps of its own. Written atomically; a file that cannot be
/// read is moved aside, never silently replaced.
class NodeListStore
{
public:
    /// @p path: the file; by default nodes.json in Flotilla's configuration folder.
    explicit NodeListStore(QString path = defaultPath());

    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] QString path() const { return m_path; }

    /// The list; empty when there is no file yet. A corrupt file is renamed
    /// to "nodes.json.corrupt-<time>" and the error names where it went.
    [[nodiscard]] Result<QList<NodeEntry>> load() const;
    /// Replaces the file in one step: readers see the old list or the new, never half.
    [[nodiscard]] Result<bool> save(const QList<NodeEntry> &nodes) const;

private:
    QString m_path;
};

} // namespace Flotilla
