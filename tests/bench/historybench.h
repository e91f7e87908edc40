// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

namespace Flotilla::Bench
{

/// flotilla-bench --history: 1,000 machines on 10 nodes, their histories fed
/// a sample every 2 s (the fleet's own tick for machines) and written to a
/// history file every 30 s as HistoryKeeper does, for 10 minutes simulated
/// at speed; prints history_write_cpu_percent (the writes' CPU time over the
/// 10 minutes) and history_mb (the file once every tier is full: after 30
/// days simulated, by the coarsest steps), and history_load_ms (reading it
/// all back, as a start does).
void measureHistory();

} // namespace Flotilla::Bench
