// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>
#include <thread>

namespace Flotilla
{

/// Blocking calls that a session makes on threads of their own, for what a
/// node may take long to answer and nobody waits for: its host name, which
/// the node looks up in its own DNS (seconds, where that DNS is slow). Each
/// answer is posted to the owner's thread, unless the owner has gone by
/// then; a call still running then ends unseen. A libvirt connection takes
/// calls from several threads at once.
class AsideCalls
{
public:
    explicit AsideCalls(QObject *owner)
        : m_owner(std::make_shared<Owner>(owner))
    {
    }
    ~AsideCalls()
    {
        const QMutexLocker lock(&m_owner->mutex);
        m_owner->object = nullptr;
    }
    AsideCalls(const AsideCalls &) = delete;
    AsideCalls &operator=(const AsideCalls &) = delete;

    /// Runs @p call on a thread of its own, then @p answer with its result
    /// on the owner's thread. @p call must hold whatever it uses.
    template<typename Value>
    void run(std::function<Value()> call, std::function<void(Value)> answer)
    {
        std::thread([owner = m_owner, call = std::move(call), answer = std::move(answer)] {
            Value value = call();
            const QMutexLocker lock(&owner->mutex);
            if (owner->object) {
                QMetaObject::invokeMethod(
                    owner->object, [answer, value = std::move(value)] { answer(value); }, Qt::QueuedConnection);
            }
        }).detach();
    }

    /// Posts a function to the owner's thread, unless the owner has gone:
    /// how a call running aside tells its progress while it runs.
    using Post = std::function<void(std::function<void()>)>;
    [[nodiscard]] Post poster() const
    {
        return [owner = m_owner](std::function<void()> function) {
            const QMutexLocker lock(&owner->mutex);
            if (owner->object) {
                QMetaObject::invokeMethod(owner->object, std::move(function), Qt::QueuedConnection);
            }
        };
    }

private:
    struct Owner {
        explicit Owner(QObject *o)
            : object(o)
        {
        }
        QMutex mutex; ///< held while posting, so the owner cannot go half way
        QObject *object;
    };
    std::shared_ptr<Owner> m_owner;
};

} // namespace Flotilla
