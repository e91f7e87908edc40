// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QList>

namespace Flotilla
{
class Fleet;
}

namespace Flotilla::Bench
{

/// What scrolling the machine list end to end cost the window.
struct WindowFigures {
    QList<double> frameMs; ///< between consecutive frames shown while scrolling
    qint64 longestStallMs = 0; ///< of the main event loop, over the scroll
    double scrollSeconds = 0;
    int rows = 0;
};

/// Opens Flotilla's real window on @p fleet (already read), shows the
/// machines page sorted by CPU % (so every tick re-sorts it), and scrolls its
/// list from the first row to the last while the ticks keep coming.
[[nodiscard]] Result<WindowFigures> scrollMachineList(Fleet &fleet);

} // namespace Flotilla::Bench
