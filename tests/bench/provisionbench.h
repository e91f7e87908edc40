// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "benchnodes.h"
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"

#include <vector>

namespace Flotilla::Bench
{

/// Makes the base image @p name in the test driver's pool of every node;
/// @p held gets the connections that keep the shared nodes alive.
[[nodiscard]] bool makeBaseImages(const BenchNodes &nodes, const QString &name, std::vector<Libvirt::Connection> &held);

/// flotilla-bench --provision N: makes N machines (a linked clone of a base
/// image, a data disk, a seed, define, start) through the fleet, spread over
/// the generated nodes, at most two at a time on a node as the wizard does,
/// while the models stay live; prints each machine's time from the request
/// to running, and the longest stall of the main thread.
[[nodiscard]] int measureProvisioning(Fleet &fleet, const BenchNodes &nodes, int machines);

} // namespace Flotilla::Bench
