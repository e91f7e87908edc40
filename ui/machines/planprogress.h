// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "session/provisioningjob.h"

#include <KLocalizedString>

#include <QVariantList>

namespace Flotilla
{

/// A plan's steps as a dialog lists them (PlanStepList.qml), kept from the
/// fleet's updates of one job: each step's title, state ("waiting",
/// "running", "done", "failed", "undoing", "undone", "undoFailed"),
/// whether it was simulated, and the bytes a copying step has sent
/// (doneBytes, totalBytes).
class PlanProgress
{
public:
    void clear() { m_steps.clear(); }
    /// Takes @p update in; whether the steps changed.
    bool take(const ProvisioningUpdate &update);
    [[nodiscard]] const QVariantList &steps() const { return m_steps; }

    /// How a job that did not complete ended, as the dialog says it:
    /// @p notDone is "The clone was not made: %1." with the reason for %1.
    [[nodiscard]] static QString failure(const ProvisioningPlan::Outcome &outcome, const KLocalizedString &notDone);

private:
    QVariantList m_steps;
};

} // namespace Flotilla
