// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "metrics/metrics.h"

#include <QList>
#include <QMutex>
#include <QString>

namespace Flotilla
{

/// Ticks on their way from the sessions to the UI thread. Every node ticks
/// once a second; posted one by one, a hundred nodes would wake the UI
/// thread a hundred times a second, and each wakeup costs more than the
/// tick's own work. Left here by the sessions' threads, they are taken
/// together a few times a second.
class TickMailbox
{
public:
    struct Letter {
        QString node;
        quint64 session = 0; ///< which session of the node sent it
        NodeTick tick;
    };

    /// From any thread.
    void put(Letter letter)
    {
        const QMutexLocker lock(&m_mutex);
        m_letters.append(std::move(letter));
    }

    /// Everything put since the last time, oldest first.
    [[nodiscard]] QList<Letter> takeAll()
    {
        const QMutexLocker lock(&m_mutex);
        return std::exchange(m_letters, {});
    }

private:
    QMutex m_mutex;
    QList<Letter> m_letters;
};

} // namespace Flotilla
