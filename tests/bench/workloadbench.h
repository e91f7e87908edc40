// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "benchnodes.h"
#include "fleet/fleet.h"

namespace Flotilla::Bench
{

/// flotilla-bench --workload R: deploys a workload of R replicas over the
/// generated nodes (spread over nodes), scales it to 2R and back to R, all
/// through WorkloadChange as the UI does, while the models stay live; prints
/// placement_ms, deploy_s, scale_up_s, scale_down_s and the longest stall
/// of the main thread.
[[nodiscard]] int measureWorkload(Fleet &fleet, const BenchNodes &nodes, int replicas);

} // namespace Flotilla::Bench
