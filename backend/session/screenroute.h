// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/domainxml.h"
#include "nodes/nodeuri.h"

#include <QMetaType>
#include <QStringList>

#include <memory>

typedef struct _virConnect *virConnectPtr;

namespace Flotilla
{

/// A socket connected to a machine's display, closed when the last copy
/// of its route goes (unless someone took it).
class ScreenSocket
{
public:
    explicit ScreenSocket(int fd)
        : m_fd(fd)
    {
    }
    ~ScreenSocket();
    ScreenSocket(const ScreenSocket &) = delete;
    ScreenSocket &operator=(const ScreenSocket &) = delete;
    /// The socket, now the caller's to close; -1 once taken.
    [[nodiscard]] int take() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

/// How Flotilla reaches a running machine's screen (its VNC display).
/// Three ways, as virt-manager has them:
/// - Socket: libvirt handed over a socket already connected to it
///   (virDomainOpenGraphicsFD), on a node reached through its local socket;
/// - Tunnel: a program whose input and output are the display (ssh to the
///   node, running netcat there), on a node reached over SSH;
/// - Address: the display's own address and port, on a node reached over
///   TLS or TCP whose display listens beyond the node itself.
struct ScreenRoute {
    enum class Kind { Socket, Tunnel, Address };
    Kind kind = Kind::Socket;
    std::shared_ptr<ScreenSocket> socket; ///< Socket
    QString program; ///< Tunnel
    QStringList arguments; ///< Tunnel
    QString host; ///< Address
    int port = -1; ///< Address
    QString password; ///< the display's, if it has one (never for Socket: libvirt let it in)
    QString description; ///< for the person: "through libvirt's socket", "over SSH to host"
};

namespace ScreenRoutes
{
/// The first VNC display of @p domain, or why there is none (no display,
/// or only SPICE, which Flotilla does not speak).
[[nodiscard]] Result<Graphics> display(const DomainDescription &domain);
/// The way to @p display of machine @p name on a node at @p node, other
/// than a socket from libvirt: a tunnel over SSH, or its address. The
/// error says why it cannot be reached and what the person can change.
[[nodiscard]] Result<ScreenRoute> remote(const NodeUri::Parts &node, const Graphics &display, const QString &name);
/// Whether a node at @p node hands over its displays as sockets: one
/// reached through its local Unix socket.
[[nodiscard]] bool handsOverSockets(const NodeUri::Parts &node);
/// The whole way to the screen of the running machine @p uuid, through
/// @p connection to the node at @p uri: run on the node's session thread.
[[nodiscard]] Result<ScreenRoute> open(virConnectPtr connection, const QString &uri, const QString &uuid);
} // namespace ScreenRoutes

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::ScreenRoute)
