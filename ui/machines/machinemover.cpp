// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinemover.h"

#include "fleet/fleet.h"
#include "transfertargets.h"

#include <KFormat>
#include <KLocalizedString>

namespace Flotilla
{

MachineMover::MachineMover(QObject *parent)
    : QObject(parent)
{
}

void MachineMover::setFleet(FleetView *view)
{
    if (m_view == view) {
        return;
    }
    if (m_view) {
        disconnect(m_view->fleet(), nullptr, this, nullptr);
    }
    m_view = view;
    if (m_view) {
        connect(m_view->fleet(), &Fleet::machinesChanged, this, &MachineMover::changed);
        connect(m_view->fleet(), &Fleet::nodeChanged, this, &MachineMover::changed);
    }
    Q_EMIT changed();
}

const Machine *MachineMover::machine() const
{
    return m_view ? m_view->machines()->machine(m_uuid) : nullptr;
}

QString MachineMover::nodeId() const
{
    return isRunning() ? m_source : m_view ? m_view->machines()->nodeIdOf(m_uuid) : QString();
}

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
    if (!moving) {
        return i18nc("@info", "The machine is gone");
    }
    const Fleet::Node *own = m_view->fleet()->node(nodeId());
    if (!own || !isUp(own->status.state)) {
        return i18nc("@info", "The machine's node is not connected");
    }
    if (moving->state != MachineState::Off && !moving->isRunning()) {
        return i18nc("@info %1 is a machine", "Resume %1 or shut it down first", moving->name);
    }
    if (moving->snapshotCount > 0) {
        return i18nc("@info %1 is a machine",
            "%1 has snapshots, which do not travel between nodes; delete them first, or clone it instead",
            moving->name);
    }
    return TransferTargets::problem(*m_view->fleet(), m_targetNode, m_pool, *moving, moving->name);
}

QString MachineMover::roomNote() const
{
    const Machine *moving = machine();
    return moving
        ? TransferTargets::roomNote(*m_view->fleet(), m_targetNode, m_pool, TransferTargets::diskBytes(*moving))
        : QString();
}

double MachineMover::travelBytes() const
{
    const Machine *moving = machine();
    return moving ? double(TransferTargets::diskBytes(*moving)) : 0.0;
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
    m_progress.clear();
    m_finished = false;
    m_failure.clear();
    m_targetNode.clear();
    const QVariantList offered = nodes();
    if (!offered.isEmpty()) {
        setTargetNode(offered.first().toMap().value(QStringLiteral("id")).toString());
    }
    Q_EMIT changed();
    Q_EMIT progressChanged();
}

void MachineMover::move()
{
    const Machine *moving = machine();
    if (!m_view || isRunning() || !moving || !problem().isEmpty()) {
        return;
    }
    Fleet *fleet = m_view->fleet();
    connect(fleet, &Fleet::provisioningUpdated, this, &MachineMover::onUpdated, Qt::UniqueConnection);
    connect(fleet, &Fleet::provisioningFinished, this, &MachineMover::onFinished, Qt::UniqueConnection);
    m_progress.clear();
    m_failure.clear();
    m_finished = false;
    m_source = nodeId();
    m_job = fleet->provision(m_source,
        ProvisioningRequest{.kind = ProvisioningRequest::Kind::Transfer,
            .transfer = TransferOrder{.kind = TransferOrder::Kind::Move,
                .machine = m_uuid,
                .name = moving->name,
                .uuid = m_uuid,
                .pool = m_pool},
            .targetNode = m_targetNode});
    Q_EMIT progressChanged();
}

void MachineMover::cancel()
{
    if (m_view && isRunning()) {
        m_view->fleet()->cancelProvisioning(m_job);
    }
}

void MachineMover::onUpdated(const QString & /*nodeId*/, const ProvisioningUpdate &update)
{
    if (update.jobId == m_job && m_progress.take(update)) {
        Q_EMIT progressChanged();
    }
}

void MachineMover::onFinished(const QString & /*nodeId*/, const ProvisioningResult &result)
{
    if (result.jobId != m_job) {
        return;
    }
    m_job = 0;
    m_finished = true;
    if (!result.outcome.completed) {
        m_failure = PlanProgress::failure(
            result.outcome, ki18nc("@info %1 is why", "The machine was not moved: %1. It is where it was."));
    }
    Q_EMIT progressChanged();
    Q_EMIT changed();
}

} // namespace Flotilla
