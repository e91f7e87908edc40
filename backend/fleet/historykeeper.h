// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <memory>

namespace Flotilla
{

class Fleet;
class HistoryFile;

/// Keeps the fleet's charts between runs: on start, and for a node added
/// after, what the history file holds of the node is put back into its
/// histories (before their first samples); then every half minute the points
/// closed since are gathered and written, each once, in one transaction, on a
/// thread of its own; and once more when it goes.
/// It also keeps each workload's month (WorkloadHistories): restored on
/// start, and fed at each write with the replicas' 5-minute points.
class HistoryKeeper : public QObject
{
    Q_OBJECT

public:
    static constexpr int writeIntervalMs = 30000;

    /// Opens @p path (HistoryFile) and restores every node of @p fleet from it.
    HistoryKeeper(Fleet *fleet, const QString &path, QObject *parent = nullptr);
    /// Writes what is new, and closes the file.
    ~HistoryKeeper() override;

    /// What went wrong with the file, for the person: set aside, or not
    /// opened at all (then nothing is kept); empty when all is well.
    [[nodiscard]] const QString &problem() const { return m_problem; }
    /// Writes the points closed since the last write: gathered and written on
    /// the keeper's thread (at 5,000 machines, tens of milliseconds the window
    /// would otherwise stop for); written() tells when they are.
    void write();

Q_SIGNALS:
    /// A write has ended (the points are in the workloads' months, and on disk unless it failed).
    void written();

private:
    /// Puts back what the file holds of the fleet's node at @p index.
    void restore(qsizetype index);
    /// Runs @p work on the keeper's thread and waits for it.
    void onThread(const std::function<void()> &work);

    QPointer<Fleet> m_fleet;
    QThread m_thread;
    QObject *m_context = nullptr; ///< lives on m_thread: where the file is used
    std::shared_ptr<HistoryFile> m_file; ///< made, used and closed on m_thread
    QTimer m_timer;
    qint64 m_written = 0; ///< up to when, in seconds since the epoch (for the workloads' months)
    QString m_problem;
};

} // namespace Flotilla
