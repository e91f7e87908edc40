// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "provisioning/machinedefinition.h"

#include <QStringList>

#include <libvirt/libvirt.h>

/// What the tests and benchmarks on a real QEMU daemon (LibvirtDaemon's
/// Driver::Qemu) do to its node.
namespace Flotilla::Testing::QemuNode
{

/// A folder pool @p pool over @p folder on the node, made for this run of
/// the daemon (transient); one already there is left as it is.
[[nodiscard]] Result<bool> makeFolderPool(virConnectPtr connection, const QString &pool, const QString &folder);
/// What the node offers a q35 machine under emulation (x86_64).
[[nodiscard]] Result<HypervisorOffer> emulatedOffer(virConnectPtr connection);
/// What the node holds, sorted: "machine NAME" for each machine and
/// "file NAME" for each file in @p folder (a pool's folder).
[[nodiscard]] QStringList whatIsOnTheNode(virConnectPtr connection, const QString &folder);

} // namespace Flotilla::Testing::QemuNode
