// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet.h"
#include "logging.h"
#include "nodesession.h"

#include <QThread>

namespace Flotilla
{

/// A session and the thread it runs on. The session is closed and deleted
/// on its own thread, which then ends. Private to Fleet.
struct Fleet::Worker {
    std::unique_ptr<QThread> thread = std::make_unique<QThread>();
    NodeSession *session = nullptr;
    bool stopping = false;

    /// Asks the session to close and its thread to end; does not wait.
    void stop()
    {
        if (stopping) {
            return;
        }
        stopping = true;
        QMetaObject::invokeMethod(
            session,
            [session = session] {
                session->shutdown();
                session->deleteLater(); // deleted as the thread finishes
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
    }

    ~Worker()
    {
        stop();
        // A node that hangs inside a libvirt call must not hang the exit:
        // after the grace period its thread and session are left to the
        // process's end (destroying a running QThread would abort).
        if (!thread->wait(QDeadlineTimer(std::chrono::seconds(3)))) {
            qCWarning(FLOTILLA_FLEET) << "the session of" << thread->objectName() << "did not stop in time";
            (void)thread.release();
        }
    }
};

} // namespace Flotilla
