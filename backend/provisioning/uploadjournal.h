// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace Flotilla
{

/// The uploads under way from this computer, written down before a volume
/// is made and crossed out once it is whole or deleted: a volume half sent
/// when its node (or Flotilla) went away is found here and deleted once the
/// node is back. The mark cannot live on the node: libvirt keeps nothing on
/// a volume but its name and cannot rename one, so a volume sent under a
/// temporary name would have to be copied whole at the end.
///
/// One file for every Flotilla of this person on this computer, read and
/// written under a lock file; each entry names the process that sends it.
class UploadJournal
{
public:
    struct Entry {
        QString node; ///< the node's URI
        QString pool;
        QString volume;
        QString process; ///< the process sending it (ProcessToken)

        bool operator==(const Entry &) const = default;
    };

    /// The journal at @p path; by default in Flotilla's data folder.
    explicit UploadJournal(QString path = defaultPath());

    [[nodiscard]] static QString defaultPath();

    /// Written down before the volume is made: an upload that cannot be
    /// recorded does not start.
    [[nodiscard]] Result<bool> begin(const Entry &entry) const;
    /// The upload has ended. @p settled: its volume is whole, or deleted,
    /// and it is crossed out; otherwise (the node went away before the
    /// half-made volume could be deleted) it is left for abandoned().
    void end(const Entry &entry, bool settled) const;
    /// The uploads to @p node that ended unsettled, here or in a Flotilla
    /// that has ended since: their volumes are half made.
    [[nodiscard]] QList<Entry> abandoned(const QString &node) const;
    /// Whether nothing is written down (then no upload of any node needs a look).
    [[nodiscard]] bool isEmpty() const;
    /// Crossed out: its half-made volume is deleted.
    void forget(const Entry &entry) const;

private:
    [[nodiscard]] QList<Entry> read() const;
    [[nodiscard]] Result<bool> write(const QList<Entry> &entries) const;

    QString m_path;
};

} // namespace Flotilla
