// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "inventory.h"
#include "libvirthandles.h"
#include "result.h"

#include <QObject>
#include <QTimer>

namespace Flotilla
{

/// One node's connection and everything read through it. A session lives on
/// its own worker thread (see Fleet) and is the only owner of its
/// connection: every libvirt call for this node happens here, never on the
/// UI thread. What it learns leaves as signals carrying plain values.
class NodeSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Connecting,
        Connected,
        Disconnected,
    };
    Q_ENUM(State)

    explicit NodeSession(QString uri, QObject *parent = nullptr);
    ~NodeSession() override;

    /// Opens the connection and reads the inventory. Invoke it queued, on the session's thread.
    Q_INVOKABLE void open();
    /// Reads the inventory again. Invoke it queued, on the session's thread.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void stateChanged(Flotilla::NodeSession::State state, const Flotilla::Error &error);
    void inventoryRead(const Flotilla::NodeInventory &inventory);

private:
    void setState(State state, const Error &error = {});

    QString m_uri;
    Libvirt::Connection m_connection;
    QTimer *m_resync = nullptr;
};

} // namespace Flotilla
