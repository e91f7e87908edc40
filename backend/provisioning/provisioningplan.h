// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace Flotilla
{

/// Making something on a node (a machine with its disks and its seed) as a
/// list of steps, each with how to take it back. A plan that fails or is
/// cancelled half way undoes what it did, newest first, and says what it
/// could not undo: nothing is left behind that nobody knows of. The
/// create-machine wizard runs one plan; a workload runs one per replica.
class ProvisioningPlan
{
public:
    struct Step {
        QString title; ///< what the step does, as the progress shows it: "Create the root disk"
        std::function<Result<bool>()> run;
        std::function<Result<bool>()> undo; ///< empty: the step leaves nothing to take back
        bool simulated = false; ///< on a demo node, done without the real work (and labelled so)
    };

    enum class StepState {
        Waiting,
        Running,
        Done,
        Failed,
        Undoing,
        Undone,
        UndoFailed, ///< what the step made is still on the node: Outcome::leftovers says what
    };

    struct Outcome {
        bool completed = false; ///< every step ran
        bool cancelled = false;
        qsizetype failedStep = -1; ///< the step whose failure stopped the plan, or -1
        Error failure; ///< its error
        QList<Error> leftovers; ///< one per undo that failed, newest step first
    };

    /// Hears a step change state, on the thread that runs the plan.
    using Report = std::function<void(qsizetype step, StepState state)>;

    void append(Step step);
    [[nodiscard]] qsizetype size() const { return m_steps.size(); }
    [[nodiscard]] const Step &step(qsizetype index) const { return m_steps.at(index); }

    /// Runs the steps in order on the calling thread. When a step fails, or
    /// @p cancel is set (it is looked at before each step), the steps done
    /// are undone, newest first; an undo that fails does not stop the others.
    Outcome run(const std::atomic_bool &cancel, const Report &report = {}) const;

private:
    void undoDone(qsizetype done, Outcome &outcome, const Report &report) const;

    QList<Step> m_steps;
};

} // namespace Flotilla
