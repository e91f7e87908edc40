// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <array>
#include <cmath>
#include <optional>

namespace Flotilla
{

/// One machine's cumulative counters at one moment, as libvirt's bulk
/// statistics report them (or the demo's simulated activity). A counter the
/// node did not report is empty.
struct MachineCounters {
    QString uuid;
    int vcpus = 0;
    std::optional<quint64> cpuTimeNs; ///< "cpu.time"
    std::optional<quint64> memoryAvailableKiB; ///< "balloon.available": what the guest sees
    std::optional<quint64> memoryUnusedKiB; ///< "balloon.unused"
    std::optional<quint64> memoryRssKiB; ///< "balloon.rss": what the host gives
    std::optional<quint64> diskReadBytes; ///< summed over "block.N.rd.bytes"
    std::optional<quint64> diskWriteBytes;
    std::optional<quint64> diskReadRequests;
    std::optional<quint64> diskWriteRequests;
    std::optional<quint64> netRxBytes; ///< summed over "net.N.rx.bytes"
    std::optional<quint64> netTxBytes;
};

/// The node's own counters (virNodeGetCPUStats, virNodeGetMemoryStats).
struct NodeCounters {
    std::optional<quint64> cpuBusyNs; ///< kernel + user
    std::optional<quint64> cpuTotalNs; ///< kernel + user + idle + iowait
    std::optional<quint64> memoryTotalKiB;
    std::optional<quint64> memoryAvailableKiB; ///< free + buffers + cached
};

/// What a history keeps per moment: eight channels, NaN where unknown.
enum class Channel {
    CpuPercent, ///< machines: of their vCPUs; nodes and the fleet: of their CPUs
    MemoryUsedBytes,
    DiskReadBytesPerSecond,
    DiskWriteBytesPerSecond,
    DiskReadsPerSecond,
    DiskWritesPerSecond,
    NetReceiveBytesPerSecond,
    NetSendBytesPerSecond,
};
inline constexpr int channelCount = 8;
using Rates = std::array<double, channelCount>;

inline Rates unknownRates()
{
    Rates rates;
    rates.fill(NAN);
    return rates;
}

inline double &at(Rates &rates, Channel channel)
{
    return rates[size_t(channel)];
}
inline double at(const Rates &rates, Channel channel)
{
    return rates[size_t(channel)];
}

/// One point of a history: a step's mean rates.
struct HistoryPoint {
    qint64 timestamp; ///< seconds since the epoch, start of the step
    Rates rates;
};

/// A machine's rates for one tick.
struct MachineRates {
    QString uuid;
    Rates rates = unknownRates();
    double cpuHostPercent = NAN; ///< of the whole node's CPUs
};

/// One node's tick: its own rates and each running machine's.
struct NodeTick {
    qint64 timestampMs = 0; ///< since the epoch
    Rates node = unknownRates();
    QList<MachineRates> machines;
    qint64 workMs = 0; ///< how long the tick's work took on the session's thread
    bool simulated = false; ///< the demo's activity, not the node's counters
};

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::NodeTick)
