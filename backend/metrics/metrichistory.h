// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "metrics/metrics.h"

#include <QList>

#include <span>
#include <vector>

namespace Flotilla
{

/// One resolution of a history: a point every stepSeconds, capacity points.
struct TierSpec {
    int stepSeconds;
    int capacity;
};

/// How often each node is asked for its figures (a session's tick), in
/// seconds: the finest tiers below keep a point per tick. A tick between
/// two points would add nothing a chart shows (the counters are totals, and
/// a point is the mean rate over its step), and each tick costs every node
/// a statistics call: at one a second, 100 nodes of 50 machines took more
/// than 5 % of a core (docs/BENCHMARKS.md). virt-manager asks every 3 s.
inline constexpr int tickSeconds = 2;
/// Machines: what the charts' windows show (10 minutes, 1 hour, 24 hours),
/// 10 minutes by the tick, 1 hour by 30 s, 24 hours by 5 min. 11 KB a
/// machine: a fleet of 10,000 holds 110 MB of history, where by the second
/// and with 2 hours by 30 s it held 180 MB, for no point a chart could show.
inline constexpr TierSpec machineTiers[] = {{tickSeconds, 600 / tickSeconds}, {30, 120}, {300, 288}};
/// Nodes and the fleet: 10 minutes by the tick, 6 hours by 10 s, 7 days
/// by the minute, 30 days by the hour (kept on disk between runs).
inline constexpr TierSpec nodeTiers[] = {{tickSeconds, 600 / tickSeconds}, {10, 2160}, {60, 10080}, {3600, 720}};
/// A workload's month: 30 days by the hour (WorkloadHistories); its last
/// day is its replicas' own histories'.
inline constexpr TierSpec workloadTiers[] = {{3600, 720}};

/// A history of Rates in fixed memory: one ring buffer per tier, allocated
/// whole at construction and never grown. Each tier's point is the mean of
/// the samples that fell into its step; steps with no sample are unknown.
/// Written by hand: no library we use keeps multi-resolution rings.
///
/// Machines store each channel in 16 bits (see HistoryCodec), nodes and the
/// fleet in 32-bit floats.
template<typename Cell>
class MetricHistory
{
public:
    using Point = HistoryPoint;

    explicit MetricHistory(std::span<const TierSpec> tiers);

    void append(qint64 timestamp, const Rates &rates);
    /// A tier's points, oldest first, the step in progress last.
    [[nodiscard]] QList<Point> points(int tier) const;
    /// A tier's closed points (not the step in progress) from @p since on, oldest first.
    [[nodiscard]] QList<Point> closedSince(int tier, qint64 since) const;
    /// A tier's closed points that no call took before, oldest first: each
    /// point once, however late its step closed. Restored points count as taken.
    [[nodiscard]] QList<Point> takeUnkept(int tier);
    /// Puts @p points (one tier's closed points, oldest first, as kept on
    /// disk) back into an empty history; the steps between and after them
    /// are unknown, so a chart shows the time Flotilla was closed as a gap.
    /// Does nothing once the history has samples of its own.
    void restore(int tier, const QList<Point> &points);
    [[nodiscard]] const TierSpec &spec(int tier) const { return m_tiers.at(size_t(tier)).spec; }
    /// The finest tier that covers @p seconds, trimmed to them.
    [[nodiscard]] QList<Point> window(qint64 seconds) const;
    [[nodiscard]] int tierCount() const { return int(m_tiers.size()); }
    /// Bytes this history holds, whatever it has seen.
    [[nodiscard]] size_t memoryBytes() const;

private:
    using Stored = std::array<Cell, channelCount>;
    struct Tier {
        TierSpec spec;
        std::vector<Stored> ring;
        qint64 newestStep = -1; ///< the step number being accumulated
        int filled = 0; ///< closed points in the ring
        int head = 0; ///< where the next closed point goes
        qint64 keptStep = -1; ///< the first step takeUnkept() has not taken
        std::array<double, channelCount> sums{};
        std::array<quint16, channelCount> counts{};
    };

    static void close(Tier &tier);
    static Rates mean(const Tier &tier);

    std::vector<Tier> m_tiers;
    qint64 m_newest = -1;
    bool m_sampled = false; ///< has had a sample of its own, not only restored points
};

/// 16-bit storage for one channel: a logarithmic scale from 0 to about
/// 1.4e13 with steps of 0.05 %, and one code for "unknown".
namespace HistoryCodec
{
[[nodiscard]] quint16 encode(double value);
[[nodiscard]] double decode(quint16 code);
} // namespace HistoryCodec

using MachineHistory = MetricHistory<quint16>;
using NodeHistory = MetricHistory<float>;

extern template class MetricHistory<quint16>;
extern template class MetricHistory<float>;

} // namespace Flotilla
