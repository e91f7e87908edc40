// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

namespace Flotilla::Bench
{

/// flotilla-bench --compare-qemu: on a real libvirtd with QEMU (emulated),
/// in one run, on one image and one node, Flotilla against the tools a
/// person would otherwise use:
///  - uploading a 2 GiB sparse raw image (the end-to-end test's bootable
///    disk, with 384 MiB of data after it): Flotilla's upload path against
///    `virsh vol-create-as` + `vol-upload --sparse`;
///  - making a machine from it (a linked clone, a data disk, a cloud-init
///    seed, define, start) until its serial console shows the first line,
///    and the first line of the guest's own init: Flotilla's plan against
///    `virt-install --import --cloud-init`, both consoles read the same way.
/// Each is measured @p rounds times, taking turns; the medians are printed.
/// Needs root (the QEMU driver's privileged daemon), like the e2e tests.
[[nodiscard]] int compareOnQemu(int rounds);

} // namespace Flotilla::Bench
