// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinejob.h"

#include "fleet/fleet.h"
#include "provisioning/stepstatename.h"

namespace Flotilla
{

void MachineJob::setFleet(FleetView *view)
{
    if (m_view == view) {
        return;
    }
    if (m_view) {
        disconnect(m_view->fleet(), nullptr, this, nullptr);
    }
    m_view = view;
    if (m_view) {
        connect(m_view->fleet(), &Fleet::machinesChanged, this, &MachineJob::changed);
        connect(m_view->fleet(), &Fleet::nodeChanged, this, &MachineJob::changed);
        connect(m_view->fleet(), &Fleet::provisioningUpdated, this, &MachineJob::onUpdated);
        connect(m_view->fleet(), &Fleet::provisioningFinished, this, &MachineJob::onFinished);
    }
    Q_EMIT changed();
}

const Machine *MachineJob::machine() const
{
    return m_view ? m_view->machines()->machine(m_uuid) : nullptr;
}

QString MachineJob::nodeId() const
{
    return isRunning() ? m_source : m_view ? m_view->machines()->nodeIdOf(m_uuid) : QString();
}

QString MachineJob::reachProblem() const
{
    if (!machine()) {
        return i18nc("@info", "The machine is gone");
    }
    const Fleet::Node *node = m_view->fleet()->node(nodeId());
    if (!node || !isUp(node->status.state)) {
        return i18nc("@info", "The machine's node is not connected");
    }
    return {};
}

void MachineJob::clearProgress()
{
    m_steps.clear();
    m_finished = false;
    m_failure.clear();
    Q_EMIT progressChanged();
}

void MachineJob::start(const ProvisioningRequest &request)
{
    if (!m_view || isRunning()) {
        return;
    }
    m_source = nodeId();
    m_steps.clear();
    m_failure.clear();
    m_finished = false;
    m_job = m_view->fleet()->provision(m_source, request);
    Q_EMIT progressChanged();
}

void MachineJob::cancel()
{
    if (m_view && isRunning()) {
        m_view->fleet()->cancelProvisioning(m_job);
    }
}

void MachineJob::onUpdated(const QString & /*nodeId*/, const ProvisioningUpdate &update)
{
    if (update.jobId != m_job || m_job == 0 || update.step < 0) {
        return;
    }
    if (!update.steps.isEmpty() && m_steps.size() != update.steps.size()) {
        m_steps.clear();
        for (qsizetype i = 0; i < update.steps.size(); ++i) {
            m_steps.append(QVariantMap{{QStringLiteral("title"), update.steps.at(i)},
                {QStringLiteral("state"), QStringLiteral("waiting")},
                {QStringLiteral("simulated"), update.simulated.value(i)}, {QStringLiteral("doneBytes"), 0.0},
                {QStringLiteral("totalBytes"), 0.0}});
        }
    }
    if (update.step >= m_steps.size()) {
        return; // bytes before the first word of the steps: the next update brings them
    }
    QVariantMap step = m_steps.value(update.step).toMap();
    step[QStringLiteral("state")] = ProvisioningSteps::stateName(update.state);
    if (update.totalBytes > 0) {
        step[QStringLiteral("doneBytes")] = double(update.doneBytes);
        step[QStringLiteral("totalBytes")] = double(update.totalBytes);
    }
    m_steps[update.step] = step;
    Q_EMIT progressChanged();
}

void MachineJob::onFinished(const QString & /*nodeId*/, const ProvisioningResult &result)
{
    if (result.jobId != m_job || m_job == 0) {
        return;
    }
    m_job = 0;
    m_finished = true;
    ended(result);
    Q_EMIT progressChanged();
    Q_EMIT changed();
}

void MachineJob::endWith(const ProvisioningResult &result, const KLocalizedString &notDone)
{
    const ProvisioningPlan::Outcome &outcome = result.outcome;
    if (outcome.completed) {
        return;
    }
    m_failure = outcome.cancelled ? i18nc("@info", "Cancelled; everything made was undone.")
                                  : notDone.subs(outcome.failure.text()).toString() + QLatin1Char(' ')
            + i18nc("@info", "Everything made was undone.");
    for (const Error &left : outcome.leftovers) {
        m_failure += QLatin1Char('\n') + i18nc("@info %1 is what", "Not undone: %1", left.text());
    }
}

} // namespace Flotilla
