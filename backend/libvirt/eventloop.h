// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

namespace Flotilla::Libvirt
{

/// libvirt's default event loop, run on one thread of its own for the
/// whole process. It carries keepalive, close callbacks and domain events
/// for every connection; callbacks run on that thread and only post to
/// their session's thread. Started by Libvirt::initialize(), before the
/// first connection opens; stopped when the process exits.
namespace EventLoop
{
void start();
[[nodiscard]] bool isRunning();
} // namespace EventLoop

} // namespace Flotilla::Libvirt
