// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/storagepool.h"
#include "model/virtualnetwork.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

typedef struct _virConnect *virConnectPtr;

namespace Flotilla
{

/// Something a person asked of a node's storage or networks. A plain value:
/// it travels to the node's session thread, which carries it out
/// (NodeRequests::perform), as a MachineRequest does for a machine.
struct NodeRequest {
    enum class Kind {
        CreatePool, ///< defines pool, makes its directory where it has one, starts it, starts it with the node
        StartPool,
        StopPool, ///< refused while a running machine uses one of its volumes
        RefreshPool, ///< looks again at what the pool holds (files copied in by hand)
        DeletePool, ///< forgets an empty pool; its directory, volume group or export stays
        SetPoolAutostart,
        CreateVolume, ///< volume, in pool
        ResizeVolume, ///< grows volume to bytes; refused while a running machine uses it
        DeleteVolume, ///< refused while any machine uses it
        CreateNetwork, ///< defines network, starts it, starts it with the node
        StartNetwork,
        StopNetwork, ///< refused while a running machine is on it
        DeleteNetwork, ///< refused while any machine is on it
        SetNetworkAutostart,
    };

    Kind kind = Kind::RefreshPool;
    QString pool; ///< the pool requests, and the volume requests: its pool
    QString volume; ///< the volume requests: its name
    QString network; ///< the network requests
    PoolSpec poolSpec; ///< CreatePool
    VolumeSpec volumeSpec; ///< CreateVolume
    NetworkSpec networkSpec; ///< CreateNetwork
    quint64 bytes = 0; ///< ResizeVolume: the new size
    bool autostart = false; ///< SetPoolAutostart, SetNetworkAutostart
};

/// How a node request ended: nothing in error when it worked; @p warnings
/// holds what worked only in part (made, but not started with the node).
struct NodeRequestResult {
    quint64 requestId = 0;
    Error error;
    QStringList warnings;
};

namespace NodeRequests
{
/// Carries out @p request on @p connection, on the calling (session) thread.
NodeRequestResult perform(virConnectPtr connection, const NodeRequest &request);
/// "Could not start the pool": the message of a request of @p kind that failed.
QString failureMessage(NodeRequest::Kind kind);
} // namespace NodeRequests

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::NodeRequestResult)
