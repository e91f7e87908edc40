// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <algorithm>
#include <chrono>

namespace Flotilla::ReconnectPolicy
{

/// The first attempts come quickly: most losses are a daemon restarted (an
/// upgrade, `systemctl restart libvirtd`), back within seconds, and a node
/// should be seen again as soon as it is. A refused connection costs little.
inline constexpr int quickAttempts = 8;
inline constexpr std::chrono::milliseconds quickDelay{500};
inline constexpr std::chrono::milliseconds firstDelay{1000};
inline constexpr std::chrono::milliseconds maximumDelay{60000};

/// How long to wait before reconnect attempt @p attempt (1, 2, ...): half
/// a second for the first quickAttempts (four seconds of them), then
/// doubling from one second, capped at a minute; spread by ±20 % with
/// @p jitter in [0, 1) so that many nodes lost together do not retry in step.
[[nodiscard]] constexpr std::chrono::milliseconds delay(int attempt, double jitter)
{
    const double spread = 0.8 + 0.4 * std::clamp(jitter, 0.0, 1.0);
    if (attempt <= quickAttempts) {
        return std::chrono::milliseconds(static_cast<long long>(double(quickDelay.count()) * spread));
    }
    const int doublings = std::clamp(attempt - quickAttempts - 1, 0, 16);
    const std::chrono::milliseconds base
        = std::min<std::chrono::milliseconds>(maximumDelay, firstDelay * (1LL << doublings));
    return std::chrono::milliseconds(static_cast<long long>(double(base.count()) * spread));
}

} // namespace Flotilla::ReconnectPolicy
