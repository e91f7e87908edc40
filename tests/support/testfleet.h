// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "nodes/nodeentry.h"

/// The tests' own fleet: five test-driver nodes in tests/data/fleet, listed
/// in fleet.json (the node list format). It began as a copy of the demo; it
/// stays as it is when the demo changes, so tests may count its machines.
namespace Flotilla::Testing::TestFleet
{

/// The folder of the fleet's files.
[[nodiscard]] QString folder();
/// The fleet's nodes, their URIs pointing at the files in folder().
[[nodiscard]] Result<QList<NodeEntry>> entries();

} // namespace Flotilla::Testing::TestFleet
