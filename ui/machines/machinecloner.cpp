// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinecloner.h"

#include "fleet/fleet.h"
#include "model/names.h"
#include "provisioning/stepstatename.h"

#include <KLocalizedString>

#include <QUuid>

namespace Flotilla
{

MachineCloner::MachineCloner(QObject *parent)
    : QObject(parent)
{
}

void MachineCloner::setFleet(FleetView *view)
{
    if (m_view == view) {
        return;
    }
    if (m_view) {
        disconnect(m_view->fleet(), nullptr, this, nullptr);
    }
    m_view = view;
    if (m_view) {
        connect(m_view->fleet(), &Fleet::machinesChanged, this, &MachineCloner::changed);
        connect(m_view->fleet(), &Fleet::nodeChanged, this, &MachineCloner::changed);
    }
    Q_EMIT changed();
}

const Machine *MachineCloner::parentMachine() const
{
    return m_view ? m_view->machines()->machine(m_uuid) : nullptr;
}

QString MachineCloner::nodeId() const
{
    return m_view ? m_view->machines()->nodeIdOf(m_uuid) : QString();
}

QString MachineCloner::nameProblem() const
{
    if (const QString problem = Names::machineProblem(m_name); !problem.isEmpty()) {
        return problem;
    }
    const Fleet::Node *node = m_view ? m_view->fleet()->node(nodeId()) : nullptr;
    if (node) {
        for (const Machine &machine : node->machines.machines()) {
            if (machine.name == m_name) {
                return i18nc("@info", "This node already has a machine named %1", m_name);
            }
        }
    }
    return {};
}

QString MachineCloner::linkedProblem() const
{
    const Machine *parent = parentMachine();
    if (parent && parent->snapshotCount > 0) {
        return i18nc("@info", "%1 has snapshots: a linked clone would take its disks from under them", parent->name);
    }
    return {};
}

QString MachineCloner::parentProblem() const
{
    const Machine *parent = parentMachine();
    if (!parent) {
        return i18nc("@info", "The machine is gone");
    }
    const Fleet::Node *node = m_view->fleet()->node(nodeId());
    if (!node || !isUp(node->status.state)) {
        return i18nc("@info", "The machine's node is not connected");
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
    const Machine *parent = parentMachine();
    const QString base = (parent ? parent->name : QStringLiteral("machine")).left(50) + QStringLiteral("-clone");
    QString name = base;
    MachineCloner probe;
    probe.m_view = m_view;
    probe.m_uuid = m_uuid;
    for (int n = 2; n < 1000; ++n) {
        probe.m_name = name;
        if (probe.nameProblem().isEmpty()) {
            break;
        }
        name = base + QLatin1Char('-') + QString::number(n);
    }
    return name;
}

void MachineCloner::reset()
{
    m_steps.clear();
    m_finished = false;
    m_failure.clear();
    m_cloneUuid.clear();
    m_name = suggestedName();
    if (!linkedProblem().isEmpty()) {
        m_linked = false; // the one kind it can have
    }
    Q_EMIT changed();
    Q_EMIT progressChanged();
}

void MachineCloner::clone()
{
    if (!m_view || isRunning() || !nameProblem().isEmpty() || !parentProblem().isEmpty()) {
        return;
    }
    Fleet *fleet = m_view->fleet();
    connect(fleet, &Fleet::provisioningUpdated, this, &MachineCloner::onUpdated, Qt::UniqueConnection);
    connect(fleet, &Fleet::provisioningFinished, this, &MachineCloner::onFinished, Qt::UniqueConnection);
    m_cloneUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_steps.clear();
    m_failure.clear();
    m_finished = false;
    m_job = fleet->provision(nodeId(),
        ProvisioningRequest{.kind = ProvisioningRequest::Kind::Clone,
            .clone
            = CloneOrder{.parent = m_uuid, .name = m_name, .uuid = m_cloneUuid, .linked = m_linked, .start = m_start}});
    Q_EMIT progressChanged();
}

void MachineCloner::cancel()
{
    if (m_view && isRunning()) {
        m_view->fleet()->cancelProvisioning(m_job);
    }
}

void MachineCloner::onUpdated(const QString & /*nodeId*/, const ProvisioningUpdate &update)
{
    if (update.jobId != m_job || update.step < 0) {
        return;
    }
    if (m_steps.size() != update.steps.size()) {
        m_steps.clear();
        for (qsizetype i = 0; i < update.steps.size(); ++i) {
            m_steps.append(QVariantMap{{QStringLiteral("title"), update.steps.at(i)},
                {QStringLiteral("state"), QStringLiteral("waiting")},
                {QStringLiteral("simulated"), update.simulated.value(i)}});
        }
    }
    QVariantMap step = m_steps.value(update.step).toMap();
    step[QStringLiteral("state")] = ProvisioningSteps::stateName(update.state);
    m_steps[update.step] = step;
    Q_EMIT progressChanged();
}

void MachineCloner::onFinished(const QString & /*nodeId*/, const ProvisioningResult &result)
{
    if (result.jobId != m_job) {
        return;
    }
    m_job = 0;
    m_finished = true;
    const ProvisioningPlan::Outcome &outcome = result.outcome;
    if (!outcome.completed) {
        m_failure = outcome.cancelled
            ? i18nc("@info", "Cancelled; everything made was undone.")
            : i18nc(
                  "@info %1 is why", "The clone was not made: %1. Everything made was undone.", outcome.failure.text());
        for (const Error &left : outcome.leftovers) {
            m_failure += QLatin1Char('\n') + i18nc("@info %1 is what", "Not undone: %1", left.text());
        }
        m_cloneUuid.clear();
    }
    Q_EMIT progressChanged();
}

} // namespace Flotilla
