// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QTest>

#include <chrono>
#include <future>

namespace Flotilla::Testing
{

/// Runs @p work on a thread of its own while this (the UI) thread keeps its
/// event loop turning, and returns what @p work returned: what a test does to
/// a node (stopping its daemon, say) must not count as a stall of the UI
/// thread, nor keep the fleet from hearing about it.
template<typename Work>
auto aside(Work work)
{
    using namespace std::chrono_literals;
    auto result = std::async(std::launch::async, std::move(work));
    while (result.wait_for(0ms) != std::future_status::ready) {
        QTest::qWait(2);
    }
    return result.get();
}

} // namespace Flotilla::Testing
