// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/provisioningplan.h"
#include "provisioning/stepstatename.h"

namespace Flotilla
{

namespace
{
void tell(const ProvisioningPlan::Report &report, qsizetype step, ProvisioningPlan::StepState state)
{
    if (report) {
        report(step, state);
    }
}
} // namespace

void ProvisioningPlan::append(Step step)
{
    m_steps.append(std::move(step));
}

ProvisioningPlan::Outcome ProvisioningPlan::run(const std::atomic_bool &cancel, const Report &report) const
{
    Outcome outcome;
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        if (cancel.load()) {
            outcome.cancelled = true;
            undoDone(i, outcome, report);
            return outcome;
        }
        tell(report, i, StepState::Running);
        const Result<bool> done = m_steps.at(i).run();
        if (!done) {
            tell(report, i, StepState::Failed);
            outcome.failedStep = i;
            outcome.failure = done.error();
            undoDone(i, outcome, report);
            return outcome;
        }
        tell(report, i, StepState::Done);
    }
    outcome.completed = true;
    return outcome;
}

void ProvisioningPlan::undoDone(qsizetype done, Outcome &outcome, const Report &report) const
{
    for (qsizetype i = done - 1; i >= 0; --i) {
        const Step &step = m_steps.at(i);
        if (!step.undo) {
            continue;
        }
        tell(report, i, StepState::Undoing);
        const Result<bool> undone = step.undo();
        if (!undone) {
            outcome.leftovers.append(undone.error());
        }
        tell(report, i, undone ? StepState::Undone : StepState::UndoFailed);
    }
}

} // namespace Flotilla

namespace Flotilla::ProvisioningSteps
{

QString stateName(ProvisioningPlan::StepState state)
{
    switch (state) {
    case ProvisioningPlan::StepState::Waiting:
        return QStringLiteral("waiting");
    case ProvisioningPlan::StepState::Running:
        return QStringLiteral("running");
    case ProvisioningPlan::StepState::Done:
        return QStringLiteral("done");
    case ProvisioningPlan::StepState::Failed:
        return QStringLiteral("failed");
    case ProvisioningPlan::StepState::Undoing:
        return QStringLiteral("undoing");
    case ProvisioningPlan::StepState::Undone:
        return QStringLiteral("undone");
    case ProvisioningPlan::StepState::UndoFailed:
        break;
    }
    return QStringLiteral("undoFailed");
}

} // namespace Flotilla::ProvisioningSteps
