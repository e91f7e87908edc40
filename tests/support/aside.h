// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QEventLoop>
#include <QScopeGuard>

#include <future>

namespace Flotilla::Testing
{

/// Runs @p work on a thread of its own while this (the UI) thread keeps its
/// event loop turning, and returns what @p work returned: what a test does to
/// a node (stopping its daemon, say) must not count as a stall of the UI
/// thread, nor keep the fleet from hearing about it. The work's end reaches
/// the loop as an event; nothing polls.
template<typename Work>
auto aside(Work work)
{
    QEventLoop loop;
    auto result = std::async(std::launch::async, [&loop, work = std::move(work)]() mutable {
        // Quits once the loop runs, even if the work ends before it starts.
        const auto quit
            = qScopeGuard([&loop] { QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection); });
        return work();
    });
    loop.exec();
    return result.get();
}

} // namespace Flotilla::Testing
