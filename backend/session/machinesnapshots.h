// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "session/machinerequest.h"

typedef struct _virDomain *virDomainPtr;

/// A machine's snapshots read, taken, reverted to and deleted, on the
/// node's session thread: the snapshot kinds of MachineRequest.
namespace Flotilla::MachineSnapshots
{
/// Whether @p kind is one of the snapshot requests.
[[nodiscard]] bool handles(MachineRequest::Kind kind);
/// Carries out the snapshot request @p request on @p domain; every
/// request but a failed read answers with the snapshots as they are after it.
[[nodiscard]] MachineRequestResult perform(virDomainPtr domain, const MachineRequest &request);
} // namespace Flotilla::MachineSnapshots
