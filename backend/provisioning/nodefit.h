// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <libvirt/libvirt.h>

namespace Flotilla
{

/// What a machine's definition must say to run on another node: that
/// node's hypervisor, machine type and QEMU. Empty fields change nothing.
struct NodeFit {
    QString domainType; ///< "kvm" where the node has it and the machine used it, else "qemu"
    QString machineType; ///< the machine's own where the node has it, else the node's newest of its family
    QString emulator; ///< the node's QEMU for that architecture
};

/// Fitting a machine's definition, written on one node, to another node
/// (a clone or a move there). The guest's hardware stays what it was but
/// for its version: a "pc-q35-7.2" machine becomes the target's newest q35
/// where the target has no 7.2, which a shut-off machine takes as an
/// upgrade, as after a QEMU update.
namespace NodeFits
{

/// How the definition @p xml fits @p target, from the target's domain
/// capabilities for the machine's own architecture and machine type.
/// libvirt's test driver (a demo node) takes any definition: an empty fit.
/// An error names what the target lacks, such as any QEMU for the
/// machine's architecture.
[[nodiscard]] Result<NodeFit> read(virConnectPtr target, const QByteArray &xml);

/// @p xml with @p fit's hypervisor, machine type and emulator. A machine
/// whose firmware the node chooses (`<os firmware='efi'>`) loses its
/// loader's and variable store's paths, which were the source node's: the
/// target chooses its own, and makes a fresh variable store.
[[nodiscard]] Result<QByteArray> apply(const QByteArray &xml, const NodeFit &fit);

} // namespace NodeFits

} // namespace Flotilla
