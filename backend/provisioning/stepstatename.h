// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "provisioning/provisioningplan.h"

#include <QString>

namespace Flotilla::ProvisioningSteps
{
/// A step's state as the pages that show plans name it to QML: "waiting",
/// "running", "done", "failed", "undoing", "undone", "undoFailed".
[[nodiscard]] QString stateName(ProvisioningPlan::StepState state);
} // namespace Flotilla::ProvisioningSteps
