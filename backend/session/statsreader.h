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
[[nodiscard]] Result<NodeCounters> readNode(virConnectPtr connection);
/// One bulk record turned into counters (split out to be tested on its own).
[[nodiscard]] MachineCounters fromTypedParameters(const QString &uuid, virTypedParameterPtr params, int count);

} // namespace Flotilla::StatsReader
