// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

namespace Flotilla::Testing
{

/// Waits until libvirt's event loop has gone round @p turns times: whatever
/// was ready on its sockets before has been dispatched, and what a closed
/// connection left it to free (its watches, its keepalive) is freed. False
/// if that took longer than @p timeoutMs.
[[nodiscard]] bool libvirtEventLoopTurned(int turns = 2, int timeoutMs = 20000);

} // namespace Flotilla::Testing
