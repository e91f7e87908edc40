// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "result.h"

#include <QString>

namespace Flotilla::Bench
{

/// Writes a libvirt test-driver node file with @p machines machines: about
/// 80 % running, 5 % paused, the rest off; one or two disks and a network
/// interface each, and Flotilla's metadata. Deterministic for a given @p seed.
[[nodiscard]] Result<bool> writeNodeFile(const QString &path, int machines, int seed);

} // namespace Flotilla::Bench
