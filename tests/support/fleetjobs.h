// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleet.h"

namespace Flotilla::Testing
{

/// Hands @p request to @p fleet for @p nodeId and waits for its own end;
/// a job that does not end in @p timeoutMs comes back failed, saying so.
[[nodiscard]] ProvisioningResult provisionAndWait(
    Fleet &fleet, const QString &nodeId, const ProvisioningRequest &request, int timeoutMs);

} // namespace Flotilla::Testing
