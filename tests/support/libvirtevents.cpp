// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirtevents.h"

#include <QTest>

#include <libvirt/libvirt.h>

#include <atomic>
#include <memory>

namespace Flotilla::Testing
{

bool libvirtEventLoopTurned(int turns, int timeoutMs)
{
    struct Count {
        std::atomic<int> seen = 0;
        int wanted = 0;
    };
    using Shared = std::shared_ptr<Count>;
    const Shared count = std::make_shared<Count>();
    count->wanted = turns;
    const int timer = virEventAddTimeout(
        0,
        [](int timer, void *opaque) {
            Count &count = **static_cast<Shared *>(opaque);
            if (++count.seen == count.wanted) {
                virEventRemoveTimeout(timer);
            }
        },
        new Shared(count), [](void *opaque) { delete static_cast<Shared *>(opaque); });
    return timer >= 0 && QTest::qWaitFor([&count, turns] { return count->seen.load() >= turns; }, timeoutMs);
}

} // namespace Flotilla::Testing
