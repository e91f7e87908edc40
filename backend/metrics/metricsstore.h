// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "metrics/metrichistory.h"

#include <QHash>
#include <QMutex>

#include <optional>

namespace Flotilla
{

/// One node's histories: the node's own and each machine's. Its session
/// writes once per tick; the UI reads a window when it draws. A machine's
/// history exists from its first sample until it is forgotten.
/// Memory: about 18 KiB per machine with samples, 400 KiB for the node.
class MetricsStore
{
public:
    void record(qint64 timestamp, const Rates &node, const QList<MachineRates> &machines);
    void forget(const QString &uuid);

    [[nodiscard]] QList<MachineHistory::Point> machineWindow(const QString &uuid, qint64 seconds) const;
    [[nodiscard]] QList<NodeHistory::Point> nodeWindow(qint64 seconds) const;
    /// One tier of a machine's closed points from @p since on, oldest first (none for a machine not seen).
    [[nodiscard]] QList<HistoryPoint> machineClosedSince(const QString &uuid, int tier, qint64 since) const;
    [[nodiscard]] size_t memoryBytes() const;

    /// One tier of one history's points: the node's (machine empty) or a machine's.
    struct TierPoints {
        QString machine;
        int tier = 0;
        QList<HistoryPoint> points;
    };
    /// Every history's closed points from about @p since on (each tier a
    /// step or two before, for points closed late): what to keep on disk.
    [[nodiscard]] QList<TierPoints> closedSince(qint64 since) const;
    /// Points kept on disk put back, into histories with no samples yet.
    void restore(const QList<TierPoints> &kept);
    [[nodiscard]] int machineCount() const;
    /// Nothing recorded or restored yet.
    [[nodiscard]] bool isEmpty() const;
    /// Histories recorded into the past elsewhere (the demo's simulated
    /// first day, from @p since on) taken over whole, at once, so that no
    /// reader sees half of them; ignored if this store has points already.
    /// takeBackfill() then tells the keeper of the history on disk, which
    /// writes only what is newer than its last write.
    void takePast(MetricsStore &&past, qint64 since);
    /// When the points recorded into the past begin, once; none if there are none.
    [[nodiscard]] std::optional<qint64> takeBackfill();

private:
    [[nodiscard]] bool hasNoPoints() const; // m_mutex held
    mutable QMutex m_mutex;
    std::optional<qint64> m_backfill;
    NodeHistory m_node{nodeTiers};
    QHash<QString, MachineHistory> m_machines;
};

} // namespace Flotilla
