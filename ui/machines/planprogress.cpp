// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "planprogress.h"

#include "provisioning/stepstatename.h"

#include <KLocalizedString>

namespace Flotilla
{

bool PlanProgress::take(const ProvisioningUpdate &update)
{
    if (update.step < 0) {
        return false;
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
        return false; // bytes before the first word of the steps: the next update brings them
    }
    QVariantMap step = m_steps.value(update.step).toMap();
    step[QStringLiteral("state")] = ProvisioningSteps::stateName(update.state);
    if (update.totalBytes > 0) {
        step[QStringLiteral("doneBytes")] = double(update.doneBytes);
        step[QStringLiteral("totalBytes")] = double(update.totalBytes);
    }
    m_steps[update.step] = step;
    return true;
}

QString PlanProgress::failure(const ProvisioningPlan::Outcome &outcome, const KLocalizedString &notDone)
{
    QString text = outcome.cancelled ? i18nc("@info", "Cancelled; everything made was undone.")
                                     : notDone.subs(outcome.failure.text()).toString() + QLatin1Char(' ')
            + i18nc("@info", "Everything made was undone.");
    for (const Error &left : outcome.leftovers) {
        text += QLatin1Char('\n') + i18nc("@info %1 is what", "Not undone: %1", left.text());
    }
    return text;
}

} // namespace Flotilla
