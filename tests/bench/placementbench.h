// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

namespace Flotilla::Bench
{

/// flotilla-bench --placement: places 100 replicas over 200 generated nodes
/// (five countries, sizes and pools varied, some of the workload's replicas
/// already there) under each spreading policy, 200 times each, and prints
/// placement_ms (median and p99) per policy.
void measurePlacement();

} // namespace Flotilla::Bench
