// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

namespace Flotilla::Libvirt
{

/// libvirt's event loop: Flotilla's own, on the kernel's epoll, run by one
/// thread of its own for the whole process (not glib's default context,
/// which Qt's main thread runs; see eventloop.cpp). It carries keepalive,
/// close callbacks and domain events for every connection; callbacks run on
/// that thread and only post to their session's thread. Started by
/// Libvirt::initialize(), before the first connection opens; it ends with
/// the process.
namespace EventLoop
{
void start();
[[nodiscard]] bool isRunning();
} // namespace EventLoop

} // namespace Flotilla::Libvirt
