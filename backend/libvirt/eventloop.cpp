// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/eventloop.h"

#include <libvirt/libvirt.h>

#include <atomic>
#include <csignal>
#include <thread>

namespace Flotilla::Libvirt::EventLoop
{

namespace
{

void wakeUp(int timer, void *)
{
    virEventRemoveTimeout(timer);
}

/// The thread running virEventRunDefaultImpl(). Its destructor, at process
/// exit, asks it to stop, wakes it with a zero timeout and joins it.
class Runner
{
public:
    Runner()
        : m_thread([this] {
            while (!m_stopping.load()) {
                virEventRunDefaultImpl();
            }
        })
    {
    }

    ~Runner()
    {
        m_stopping.store(true);
        virEventAddTimeout(0, wakeUp, nullptr, nullptr);
        m_thread.join();
    }

    Runner(const Runner &) = delete;
    Runner &operator=(const Runner &) = delete;

private:
    std::atomic_bool m_stopping{false};
    std::thread m_thread;
};

std::atomic_bool s_running{false};

} // namespace

void start()
{
    static const bool registered = [] {
        // A node that goes away leaves sockets that libvirt may still write
        // to: that must fail with EPIPE, not end the process with SIGPIPE
        // (virsh ignores it too).
        std::signal(SIGPIPE, SIG_IGN);
        virEventRegisterDefaultImpl();
        return true;
    }();
    (void)registered;
    static Runner runner;
    s_running.store(true);
}

bool isRunning()
{
    return s_running.load();
}

} // namespace Flotilla::Libvirt::EventLoop
