// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinemover.h"

#include "fleet/arrival.h"
#include "fleet/fleet.h"
#include "transfertargets.h"
#include "workloads/fleetworkloads.h"

#include <KFormat>
#include <KLocalizedString>

namespace Flotilla
{

void MachineMover::setTargetNode(const QString &node)
{
    if (node == m_targetNode) {
        return;
    }
    m_targetNode = node;
    const Machine *moving = machine();
    const QString pool
        = moving && !moving->disks.isEmpty() ? moving->disks.first().source.section(u'/', 0, 0) : QString();
    m_pool = m_view
        ? TransferTargets::firstPool(*m_view->fleet(), node, pool.isEmpty() ? QStringLiteral("default") : pool)
        : QString();
    m_live = liveProblem().isEmpty(); // each node chosen begins with the move it can do best
    Q_EMIT changed();
}

QVariantList MachineMover::nodes() const
{
    return m_view ? TransferTargets::nodes(*m_view->fleet(), nodeId()) : QVariantList();
}

QVariantList MachineMover::pools() const
{
    return m_view ? TransferTargets::pools(*m_view->fleet(), m_targetNode) : QVariantList();
}

QString MachineMover::problem() const
{
    const Machine *moving = machine();
    if (const QString problem = reachProblem(); !problem.isEmpty()) {
        return problem;
    }
    if (moving->state != MachineState::Off && !moving->isRunning()) {
        return i18nc("@info %1 is a machine", "Resume %1 or shut it down first", moving->name);
    }
    if (moving->snapshotCount > 0) {
        return i18nc("@info %1 is a machine",
            "%1 has snapshots, which do not travel between nodes; delete them first, or clone it instead",
            moving->name);
    }
    return Arrival::problem(*m_view->fleet(), m_targetNode, m_pool, *moving, moving->name);
}

QString MachineMover::liveProblem() const
{
    const Machine *moving = machine();
    if (!moving || !moving->isRunning()) {
        return i18nc("@info", "Only a running machine moves live");
    }
    const Fleet::Node *own = m_view->fleet()->node(nodeId());
    const Fleet::Node *target = m_view->fleet()->node(m_targetNode);
    if ((own && own->simulatedActivity) || (target && target->simulatedActivity)) {
        return i18nc("@info", "Demo nodes cannot move machines live: libvirt's test driver has no migration");
    }
    return {};
}

QString MachineMover::roomNote() const
{
    const Machine *moving = machine();
    return moving ? TransferTargets::roomNote(*m_view->fleet(), m_targetNode, m_pool, Arrival::diskBytes(*moving))
                  : QString();
}

QString MachineMover::placementNote() const
{
    const Machine *moving = machine();
    return moving && problem().isEmpty() // what stands in the way is said once
        ? FleetWorkloads::placementNote(*m_view->fleet(), nodeId(), *moving, m_targetNode)
        : QString();
}

double MachineMover::travelBytes() const
{
    const Machine *moving = machine();
    return moving ? double(Arrival::diskBytes(*moving)) : 0.0;
}

QString MachineMover::plan() const
{
    const Machine *moving = machine();
    const Fleet::Node *target = m_view ? m_view->fleet()->node(m_targetNode) : nullptr;
    if (!moving || !target) {
        return {};
    }
    // The disks' size is known once the node has measured them.
    const QString size = travelBytes() > 0
        ? i18nc("@info %1 is a size, in the sentence on a move", " (up to %1; empty space does not travel)",
              KFormat().formatByteSize(travelBytes(), 1, KFormat::IECBinaryDialect))
        : QString();
    if (m_live && liveProblem().isEmpty()) {
        return i18nc("@info %1 a machine, %2 a node, %3 the disks' size or nothing",
            "A live move: %1 keeps running while its memory and disks%3 are copied to %2, and then runs there; its "
            "volumes here are removed after. %2 must be reachable from this node on QEMU's migration ports "
            "(49152 to 49215); if it is not, the move fails and %1 runs on here.",
            moving->name, target->entry.name, size);
    }
    if (moving->isRunning()) {
        return i18nc("@info %1 a machine, %2 a node, %3 the disks' size or nothing",
            "A cold move: %1 shuts down, its disks%3 are copied to %2 through Flotilla, and it starts there; it is "
            "removed here only once it runs there. What runs in it starts afresh.",
            moving->name, target->entry.name, size);
    }
    return i18nc("@info %1 a machine, %2 a node, %3 the disks' size or nothing",
        "A cold move: the disks of %1%3 are copied to %2 through Flotilla, and it is defined there, shut down as it "
        "is now; it is removed here only once it is whole there.",
        moving->name, target->entry.name, size);
}

void MachineMover::reset()
{
    clearProgress();
    m_targetNode.clear();
    m_live = false;
    const QVariantList offered = nodes();
    if (!offered.isEmpty()) {
        setTargetNode(offered.first().toMap().value(QStringLiteral("id")).toString());
    }
    m_live = liveProblem().isEmpty(); // live where it can: nothing running in it stops
    Q_EMIT changed();
}

void MachineMover::move()
{
    const Machine *moving = machine();
    if (!moving || isRunning() || !problem().isEmpty()) {
        return;
    }
    start(ProvisioningRequest{.kind = ProvisioningRequest::Kind::Transfer,
        .transfer = TransferOrder{.kind
            = m_live && liveProblem().isEmpty() ? TransferOrder::Kind::LiveMove : TransferOrder::Kind::Move,
            .machine = m_uuid,
            .name = moving->name,
            .uuid = m_uuid,
            .pool = m_pool},
        .targetNode = m_targetNode});
}

void MachineMover::ended(const ProvisioningResult &result)
{
    endWith(result, ki18nc("@info %1 is why", "The machine was not moved: %1. It is where it was."));
}

} // namespace Flotilla
