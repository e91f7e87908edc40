// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "metrics/metrics.h"

#include <libvirt/libvirt.h>

/// The per-tick counters of a node: one bulk call for all its running
/// machines (virConnectGetAllDomainStats) and two for the node itself.
/// Blocking: on the session's thread only.
namespace Flotilla::StatsReader
{

[[nodiscard]] Result<QList<MachineCounters>> readMachines(virConnectPtr connection);

/// How many figures a node gives of its processors and of its memory: 0
/// not asked yet, -1 none. libvirt wants the count before the figures;
/// asked once per connection, a tick makes one call for each, not two.
struct NodeStatsShape {
    int cpuFields = 0;
    int memoryFields = 0;
};
/// The node's processor and memory counters; a node that keeps either to
/// itself leaves it empty. @p shape is kept from one tick to the next.
[[nodiscard]] Result<NodeCounters> readNode(virConnectPtr connection, NodeStatsShape &shape);
/// One bulk record turned into counters (split out to be tested on its own).
[[nodiscard]] MachineCounters fromTypedParameters(const QString &uuid, virTypedParameterPtr params, int count);

} // namespace Flotilla::StatsReader
