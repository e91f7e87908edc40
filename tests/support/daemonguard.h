// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <sys/types.h>

/// What the daemons tests start (libvirtd, sshd) share: a free port on
/// 127.0.0.1, a check that one is listened on, and a guard that kills them
/// when the test process ends, however it ends.
namespace Flotilla::Testing::Daemons
{

/// A port nobody listens on, and that no other daemon of this process was given.
[[nodiscard]] int freePort();
/// Whether something accepts connections on 127.0.0.1:@p port.
[[nodiscard]] bool accepts(int port);

/// The guard that outlives this process: start() before forking a daemon
/// (so the daemon never holds the guard's pipe), then watch() its PID, and
/// forget() it once it has been stopped and waited for.
class Guard
{
public:
    static void start();
    static void watch(pid_t pid);
    static void forget(pid_t pid);
};

} // namespace Flotilla::Testing::Daemons
