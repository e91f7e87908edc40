// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "metrics/metrics.h"

/// Rates from two readings of cumulative counters. A counter that went
/// backwards (the machine restarted, a disk was removed) or is missing in
/// either reading gives no rate for that tick, never a negative or a spike.
namespace Flotilla::RateCalculator
{

[[nodiscard]] MachineRates machine(
    const MachineCounters &before, const MachineCounters &now, double seconds, int hostCpus);
[[nodiscard]] Rates node(const NodeCounters &before, const NodeCounters &now);
/// The node's disk and network channels, which libvirt reports per machine
/// only: the sums over @p machines with a known rate (0 when none runs).
void addMachineTraffic(Rates &node, const QList<MachineRates> &machines);
/// A machine's memory in use: the guest's own view where the balloon
/// driver reports it, else what the host has given it, else unknown.
[[nodiscard]] double memoryUsedBytes(const MachineCounters &counters);

} // namespace Flotilla::RateCalculator
