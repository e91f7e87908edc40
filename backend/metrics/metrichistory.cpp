// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "metrics/metrichistory.h"

#include <QDateTime>

#include <cmath>

namespace Flotilla
{

namespace HistoryCodec
{

namespace
{
constexpr quint16 unknown = 0xFFFF;
constexpr double codesPerDoubling = 1489.0; // 65534 codes over log2(1 + 1.4e13)
} // namespace

quint16 encode(double value)
{
    if (std::isnan(value)) {
        return unknown;
    }
    const double code = std::round(std::log2(1.0 + std::max(0.0, value)) * codesPerDoubling);
    return quint16(std::min(code, double(unknown - 1)));
}

double decode(quint16 code)
{
    return code == unknown ? NAN : std::exp2(code / codesPerDoubling) - 1.0;
}

} // namespace HistoryCodec

namespace
{
template<typename Cell>
Cell store(double value)
{
    if constexpr (std::is_same_v<Cell, quint16>) {
        return HistoryCodec::encode(value);
    } else {
        return Cell(value);
    }
}

template<typename Cell>
double load(Cell cell)
{
    if constexpr (std::is_same_v<Cell, quint16>) {
        return HistoryCodec::decode(cell);
    } else {
        return double(cell);
    }
}
} // namespace

template<typename Cell>
MetricHistory<Cell>::MetricHistory(std::span<const TierSpec> tiers)
{
    m_tiers.reserve(tiers.size());
    for (const TierSpec &spec : tiers) {
        Stored empty;
        empty.fill(store<Cell>(NAN));
        m_tiers.push_back(Tier{.spec = spec, .ring = std::vector<Stored>(size_t(spec.capacity), empty)});
    }
}

template<typename Cell>
Rates MetricHistory<Cell>::mean(const Tier &tier)
{
    Rates rates = unknownRates();
    for (int c = 0; c < channelCount; ++c) {
        if (tier.counts[c] > 0) {
            rates[c] = tier.sums[c] / tier.counts[c];
        }
    }
    return rates;
}

template<typename Cell>
void MetricHistory<Cell>::close(Tier &tier)
{
    const Rates rates = mean(tier);
    Stored &slot = tier.ring[size_t(tier.head)];
    for (int c = 0; c < channelCount; ++c) {
        slot[c] = store<Cell>(rates[c]);
    }
    tier.head = (tier.head + 1) % tier.spec.capacity;
    tier.filled = std::min(tier.filled + 1, tier.spec.capacity);
    tier.sums.fill(0);
    tier.counts.fill(0);
}

template<typename Cell>
void MetricHistory<Cell>::append(qint64 timestamp, const Rates &rates)
{
    if (timestamp < m_newest) {
        return; // the clock went back: keep the history monotonic
    }
    m_newest = timestamp;
    m_sampled = true;
    for (Tier &tier : m_tiers) {
        const qint64 step = timestamp / tier.spec.stepSeconds;
        if (tier.newestStep >= 0 && step != tier.newestStep) {
            close(tier);
            // Steps with no sample at all stay unknown (at most a ring's worth).
            const qint64 skipped = std::min<qint64>(step - tier.newestStep - 1, tier.spec.capacity);
            for (qint64 i = 0; i < skipped; ++i) {
                close(tier);
            }
        }
        tier.newestStep = step;
        for (int c = 0; c < channelCount; ++c) {
            if (!std::isnan(rates[c])) {
                tier.sums[c] += rates[c];
                tier.counts[c] = quint16(std::min(tier.counts[c] + 1, 65535));
            }
        }
    }
}

template<typename Cell>
QList<typename MetricHistory<Cell>::Point> MetricHistory<Cell>::points(int index) const
{
    const Tier &tier = m_tiers.at(size_t(index));
    QList<Point> result;
    if (tier.newestStep < 0) {
        return result;
    }
    result.reserve(tier.filled + 1);
    const qint64 firstStep = tier.newestStep - tier.filled;
    for (int i = 0; i < tier.filled; ++i) {
        const int slot = (tier.head - tier.filled + i + tier.spec.capacity) % tier.spec.capacity;
        Point point{.timestamp = (firstStep + i) * tier.spec.stepSeconds, .rates = {}};
        for (int c = 0; c < channelCount; ++c) {
            point.rates[c] = load<Cell>(tier.ring[size_t(slot)][c]);
        }
        result.append(point);
    }
    result.append(Point{.timestamp = tier.newestStep * tier.spec.stepSeconds, .rates = mean(tier)});
    return result;
}

template<typename Cell>
QList<typename MetricHistory<Cell>::Point> MetricHistory<Cell>::closedSince(int index, qint64 since) const
{
    const Tier &tier = m_tiers.at(size_t(index));
    QList<Point> result;
    if (tier.newestStep < 0) {
        return result;
    }
    const qint64 firstStep = tier.newestStep - tier.filled;
    const qint64 fromStep = std::max(firstStep, (since + tier.spec.stepSeconds - 1) / tier.spec.stepSeconds);
    for (qint64 step = fromStep; step < tier.newestStep; ++step) {
        const qint64 i = step - firstStep;
        const int slot = int((tier.head - tier.filled + i + tier.spec.capacity) % tier.spec.capacity);
        Point point{.timestamp = step * tier.spec.stepSeconds, .rates = {}};
        for (int c = 0; c < channelCount; ++c) {
            point.rates[c] = load<Cell>(tier.ring[size_t(slot)][c]);
        }
        result.append(point);
    }
    return result;
}

template<typename Cell>
QList<typename MetricHistory<Cell>::Point> MetricHistory<Cell>::takeUnkept(int index)
{
    Tier &tier = m_tiers.at(size_t(index));
    QList<Point> points = closedSince(index, std::max<qint64>(tier.keptStep, 0) * tier.spec.stepSeconds);
    tier.keptStep = std::max(tier.keptStep, tier.newestStep);
    return points;
}

template<typename Cell>
void MetricHistory<Cell>::restore(int index, const QList<Point> &points)
{
    Tier &tier = m_tiers.at(size_t(index));
    if (m_sampled || points.isEmpty()) {
        return;
    }
    const qint64 step = tier.spec.stepSeconds;
    const qint64 lastStep = points.last().timestamp / step;
    // Rebuilt from the newest point back: a ring's worth at most, unknown where none was kept.
    Stored empty;
    empty.fill(store<Cell>(NAN));
    std::ranges::fill(tier.ring, empty);
    tier.filled = int(std::min<qint64>(lastStep - points.first().timestamp / step + 1, tier.spec.capacity));
    for (const Point &point : points) {
        const qint64 back = lastStep - point.timestamp / step; // 0 for the newest
        if (back < 0 || back >= tier.filled) {
            continue;
        }
        Stored &slot = tier.ring[size_t(tier.filled - 1 - back)];
        for (int c = 0; c < channelCount; ++c) {
            slot[c] = store<Cell>(point.rates[c]);
        }
    }
    tier.head = tier.filled % tier.spec.capacity;
    tier.newestStep = lastStep + 1; // an empty step in progress: the next sample closes it unknown
    tier.keptStep = tier.newestStep; // what was restored is on disk already
    tier.sums.fill(0);
    tier.counts.fill(0);
    m_newest = std::max(m_newest, points.last().timestamp + step);
}

template<typename Cell>
QList<typename MetricHistory<Cell>::Point> MetricHistory<Cell>::window(qint64 seconds) const
{
    for (int index = 0; index < tierCount(); ++index) {
        const TierSpec &spec = m_tiers.at(size_t(index)).spec;
        if (qint64(spec.stepSeconds) * spec.capacity >= seconds || index == tierCount() - 1) {
            QList<Point> all = points(index);
            const qint64 since = m_newest - seconds;
            const auto first
                = std::ranges::find_if(all, [since](const Point &point) { return point.timestamp > since; });
            return QList<Point>(first, all.end());
        }
    }
    return {};
}

template<typename Cell>
size_t MetricHistory<Cell>::memoryBytes() const
{
    size_t bytes = sizeof(*this);
    for (const Tier &tier : m_tiers) {
        bytes += sizeof(Tier) + tier.ring.capacity() * sizeof(Stored);
    }
    return bytes;
}

template class MetricHistory<quint16>;
template class MetricHistory<float>;

} // namespace Flotilla
