// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "metrics/metrichistory.h"

#include <QHash>
#include <QMutex>

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
    /// Every history's closed points that no call took before: what to keep
    /// on disk, each point once. Points restored from disk count as taken;
    /// a day recorded into the past (takePast) does not.
    [[nodiscard]] QList<TierPoints> takeUnkept();
    /// Points kept on disk put back, into histories with no samples yet.
    void restore(const QList<TierPoints> &kept);
    [[nodiscard]] int machineCount() const;
    /// Nothing recorded or restored yet.
    [[nodiscard]] bool isEmpty() const;
    /// Histories recorded into the past elsewhere (the demo's simulated
    /// first day) taken over whole, at once, so that no reader sees half of
    /// them; ignored if this store has points already. None of their points
    /// is taken yet (takeUnkept), however old.
    void takePast(MetricsStore &&past);

private:
    [[nodiscard]] bool hasNoPoints() const; // m_mutex held
    mutable QMutex m_mutex;
    NodeHistory m_node{nodeTiers};
    QHash<QString, MachineHistory> m_machines;
};

} // namespace Flotilla
