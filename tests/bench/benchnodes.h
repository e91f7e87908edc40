// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace Flotilla::Bench
{

/// The benchmark's nodes and the private libvirtd daemons serving them.
///
/// libvirt's test driver keeps a node read from a file per connection: no
/// other connection sees its changes. Only a daemon's shared "/default" node
/// is one node for every connection, so that changes made through the
/// tool's own connection reach Flotilla as events. So, by default, every
/// node has a daemon of its own (as in a real fleet) serving "/default",
/// which the tool fills with the generated machines through libvirt.
/// With fewer daemons than nodes, the nodes are files spread over them, and
/// nothing can change them from outside.
class BenchNodes
{
public:
    BenchNodes(int nodes, int machines, int daemons);

    /// Writes the node files or starts the daemons and fills them.
    [[nodiscard]] Result<bool> start();
    /// True when each node is its daemon's shared "/default".
    [[nodiscard]] bool shared() const { return m_shared; }
    [[nodiscard]] QString uri(int node) const;
    [[nodiscard]] QStringList uris() const;
    [[nodiscard]] int nodes() const { return m_nodes; }
    [[nodiscard]] int machines() const { return m_machines; }

    /// SIGKILL to every daemon: a crash, as the nodes see it.
    void killDaemons();
    /// Starts every daemon again on its port (and fills the shared nodes again).
    [[nodiscard]] Result<bool> restartDaemons();
    /// How long the last fill took (the tool's own work on the daemons).
    [[nodiscard]] qint64 fillMs() const { return m_fillMs; }

private:
    [[nodiscard]] Result<bool> startDaemons();
    [[nodiscard]] Result<bool> fill();

    int m_nodes;
    int m_machines;
    bool m_shared;
    QTemporaryDir m_folder;
    std::vector<std::unique_ptr<Testing::LibvirtDaemon>> m_daemons;
    /// The tool's own connections to the shared nodes: a test driver's
    /// "/default" is forgotten when its last connection closes.
    std::vector<Libvirt::Connection> m_keepers;
    qint64 m_fillMs = 0;
};

} // namespace Flotilla::Bench
