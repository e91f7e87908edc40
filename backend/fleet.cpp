// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet.h"

#include "logging.h"

#include <QThread>

using namespace std::chrono_literals;

namespace Flotilla
{

/// A session and the thread it runs on. The thread's event loop is the
/// session's; the session is deleted once that loop has ended.
struct Fleet::Worker {
    std::unique_ptr<QThread> thread = std::make_unique<QThread>();
    NodeSession *session = nullptr;

    ~Worker()
    {
        thread->quit();
        // A node that hangs inside a libvirt call must not hang the exit:
        // after the grace period its thread and session are left to the
        // process's end (destroying a running QThread would abort).
        if (thread->wait(QDeadlineTimer(3s))) {
            delete session;
        } else {
            qCWarning(FLOTILLA_FLEET) << "the session of" << thread->objectName() << "did not stop in time";
            (void)thread.release();
        }
    }
};

Fleet::Fleet(QObject *parent)
    : QObject(parent)
{
}

Fleet::~Fleet() = default;

void Fleet::addNode(const NodeEntry &entry)
{
    Q_ASSERT(indexOf(entry.id) < 0);
    m_nodes.append(Node{.entry = entry});

    auto worker = std::make_unique<Worker>();
    worker->thread->setObjectName(QStringLiteral("node:") + entry.id);
    worker->session = new NodeSession(entry.uri);
    worker->session->moveToThread(worker->thread.get());
    const QString id = entry.id;
    connect(worker->session, &NodeSession::stateChanged, this,
        [this, id](NodeSession::State state, const Error &error) { onStateChanged(id, state, error); });
    connect(worker->session, &NodeSession::inventoryRead, this,
        [this, id](const NodeInventory &inventory) { onInventoryRead(id, inventory); });
    worker->thread->start();
    QMetaObject::invokeMethod(worker->session, &NodeSession::open, Qt::QueuedConnection);
    m_workers.push_back(std::move(worker));

    Q_EMIT nodeAdded(m_nodes.size() - 1);
}

qsizetype Fleet::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).entry.id == id) {
            return i;
        }
    }
    return -1;
}

void Fleet::onStateChanged(const QString &id, NodeSession::State state, const Error &error)
{
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return;
    }
    Node &node = m_nodes[index];
    node.state = state;
    node.error = error;
    Q_EMIT nodeChanged(index);
}

void Fleet::onInventoryRead(const QString &id, const NodeInventory &inventory)
{
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return;
    }
    Node &node = m_nodes[index];
    node.inventory = inventory;
    node.hasInventory = true;
    Q_EMIT nodeChanged(index);
}

} // namespace Flotilla
