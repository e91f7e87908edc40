// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/logging.h"
#include "fleet/fleet.h"
#include "session/nodesession.h"

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

    /// Waits for the thread to end until @p deadline. A node that hangs
    /// inside a libvirt call must not hang the exit: past the deadline its
    /// thread and session are left to finish on their own, or to the
    /// process's end (destroying a running QThread would abort). The
    /// session then deletes itself on its thread when the call returns.
    void finish(QDeadlineTimer deadline)
    {
        stop();
        if (thread && !thread->wait(deadline)) {
            qCWarning(FLOTILLA_FLEET) << "the session of" << thread->objectName() << "did not stop in time";
            // Deleted when it ends at last, if an event loop still runs then.
            QThread *left = thread.release();
            QObject::connect(left, &QThread::finished, left, &QObject::deleteLater);
        }
        thread.reset();
    }

    ~Worker()
    {
        if (thread) {
            finish(QDeadlineTimer(exitGrace));
        }
    }
};

} // namespace Flotilla
