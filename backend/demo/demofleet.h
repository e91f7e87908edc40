// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "nodes/nodeentry.h"

/// The bundled demo fleet: five simulated nodes in libvirt's test driver,
/// compiled into the program. libvirt opens test-driver nodes from files
/// (test:///path.xml), so they are unpacked into a folder first.
namespace Flotilla::DemoFleet
{

/// Writes the demo nodes' files into @p folder and returns their entries,
/// whose URIs point at those files.
[[nodiscard]] Result<QList<NodeEntry>> unpack(const QString &folder);

} // namespace Flotilla::DemoFleet
