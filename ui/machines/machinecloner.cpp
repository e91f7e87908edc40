// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinecloner.h"

#include "fleet/arrival.h"
#include "fleet/fleet.h"
#include "model/names.h"
#include "transfertargets.h"

#include <KLocalizedString>

#include <QUuid>

namespace Flotilla
{

QString MachineCloner::targetNode() const
{
    return m_targetNode.isEmpty() ? nodeId() : m_targetNode;
}

void MachineCloner::setTargetNode(const QString &node)
{
    if (node == targetNode()) {
        return;
    }
    m_targetNode = node == nodeId() ? QString() : node;
    if (m_view && isElsewhere()) {
        const Machine *parent = machine();
        const QString pool
            = parent && !parent->disks.isEmpty() ? parent->disks.first().source.section(u'/', 0, 0) : QString();
        m_pool = TransferTargets::firstPool(
            *m_view->fleet(), m_targetNode, pool.isEmpty() ? QStringLiteral("default") : pool);
        m_linked = false; // the one kind another node can have
    }
    if (!problemOfName(m_name).isEmpty()) {
        m_name = suggestedName();
    }
    Q_EMIT changed();
}

bool MachineCloner::isElsewhere() const
{
    return !m_targetNode.isEmpty() && m_targetNode != nodeId();
}

QVariantList MachineCloner::nodes() const
{
    if (!m_view) {
        return {};
    }
    const Fleet::Node *own = m_view->fleet()->node(nodeId());
    QVariantList list;
    if (own) {
        list.append(QVariantMap{{QStringLiteral("id"), own->entry.id},
            {QStringLiteral("name"), i18nc("@item:inlistbox %1 is a node", "%1 (its own node)", own->entry.name)},
            {QStringLiteral("connected"), true}});
    }
    return list + TransferTargets::nodes(*m_view->fleet(), nodeId());
}

QVariantList MachineCloner::pools() const
{
    return m_view && isElsewhere() ? TransferTargets::pools(*m_view->fleet(), m_targetNode) : QVariantList();
}

QString MachineCloner::targetProblem() const
{
    const Machine *parent = machine();
    if (!m_view || !parent || !isElsewhere()) {
        return {};
    }
    return Arrival::problem(*m_view->fleet(), m_targetNode, m_pool, *parent, m_name);
}

QString MachineCloner::roomNote() const
{
    const Machine *parent = machine();
    return m_view && parent && isElsewhere()
        ? TransferTargets::roomNote(*m_view->fleet(), m_targetNode, m_pool, Arrival::diskBytes(*parent))
        : QString();
}

QString MachineCloner::nameProblem() const
{
    return problemOfName(m_name);
}

QString MachineCloner::problemOfName(const QString &name) const
{
    if (const QString problem = Names::machineProblem(name); !problem.isEmpty()) {
        return problem;
    }
    const Fleet::Node *node = m_view ? m_view->fleet()->node(targetNode()) : nullptr;
    if (node) {
        for (const Machine &machine : node->machines.machines()) {
            if (machine.name == name) {
                return i18nc("@info", "This node already has a machine named %1", name);
            }
        }
    }
    return {};
}

QString MachineCloner::linkedProblem() const
{
    const Machine *parent = machine();
    if (parent && parent->snapshotCount > 0) {
        return i18nc("@info", "%1 has snapshots: a linked clone would take its disks from under them", parent->name);
    }
    return {};
}

QString MachineCloner::parentProblem() const
{
    const Machine *parent = machine();
    if (const QString problem = reachProblem(); !problem.isEmpty()) {
        return problem;
    }
    if (isElsewhere() && !targetProblem().isEmpty()) {
        return targetProblem();
    }
    if (m_linked && !linkedProblem().isEmpty()) {
        return linkedProblem();
    }
    if (m_linked && parent->state != MachineState::Off) {
        return i18nc(
            "@info", "Shut %1 down first: a linked clone shares its disks, which must not change", parent->name);
    }
    if (!m_linked && parent->state != MachineState::Off && parent->state != MachineState::Paused) {
        return i18nc(
            "@info", "Shut %1 down or pause it first: its disks must not change while they are copied", parent->name);
    }
    return {};
}

QString MachineCloner::suggestedName() const
{
    const Machine *parent = machine();
    const QString base = (parent ? parent->name : QStringLiteral("machine")).left(50) + QStringLiteral("-clone");
    QString name = base;
    for (int n = 2; n < 1000 && !problemOfName(name).isEmpty(); ++n) {
        name = base + QLatin1Char('-') + QString::number(n);
    }
    return name;
}

void MachineCloner::reset()
{
    clearProgress();
    m_targetNode.clear();
    m_pool.clear();
    m_cloneUuid.clear();
    m_name = suggestedName();
    if (!linkedProblem().isEmpty()) {
        m_linked = false; // the one kind it can have
    }
    Q_EMIT changed();
}

void MachineCloner::clone()
{
    if (!m_view || isRunning() || !nameProblem().isEmpty() || !parentProblem().isEmpty()) {
        return;
    }
    m_cloneUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    start(isElsewhere()
            ? ProvisioningRequest{.kind = ProvisioningRequest::Kind::Transfer,
                  .transfer = TransferOrder{.kind = TransferOrder::Kind::Clone,
                      .machine = m_uuid,
                      .name = m_name,
                      .uuid = m_cloneUuid,
                      .pool = m_pool,
                      .start = m_start},
                  .targetNode = m_targetNode}
            : ProvisioningRequest{.kind = ProvisioningRequest::Kind::Clone,
                  .clone = CloneOrder{
                      .parent = m_uuid, .name = m_name, .uuid = m_cloneUuid, .linked = m_linked, .start = m_start}});
}

void MachineCloner::ended(const ProvisioningResult &result)
{
    endWith(result, ki18nc("@info %1 is why", "The clone was not made: %1."));
    if (!result.outcome.completed) {
        m_cloneUuid.clear();
    }
}

} // namespace Flotilla
