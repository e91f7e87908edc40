// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/domainxml.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Flotilla
{

/// What a node's hypervisor offers a new machine, from its domain
/// capabilities (virConnectGetDomainCapabilities) for one machine type.
struct HypervisorOffer {
    QString domainType; ///< "kvm", or "qemu" for emulation
    QString machineType; ///< the exact one, e.g. "pc-q35-10.0"
    QString arch; ///< "x86_64"
    QString emulator; ///< the QEMU binary on the node
    bool uefi = false; ///< UEFI firmware is installed on the node
    bool hostPassthrough = false; ///< the CPU mode for KVM
    bool maximumCpu = false; ///< the CPU mode for emulation: everything QEMU can emulate
    bool virtioVideo = false;
    bool virtioRng = false;

    [[nodiscard]] bool isEmulated() const { return domainType != QLatin1StringView("kvm"); }
};

/// A disk of a new machine: a volume in one of the node's pools, named by
/// pool and volume, which works for every kind of pool (a folder, LVM, …).
struct NewDisk {
    enum class Kind {
        Root, ///< boots, the first virtio disk
        Data, ///< kept apart from the root: it outlives a rebuild
        Seed, ///< cloud-init's CD-ROM, read-only
        Installer, ///< an installer's ISO from the image library, as a CD-ROM: booted while the root disk is empty
    };
    Kind kind = Kind::Root;
    QString pool;
    QString volume;
    QString format; ///< "qcow2", "raw", "iso"
};

/// The machine a plan defines on a node.
struct NewMachine {
    enum class Firmware {
        Bios,
        Uefi,
    };
    QString name;
    QString uuid; ///< chosen before it exists, so a plan can find (and undo) what it defined
    int vcpus = 1;
    int maxVcpus = 1; ///< how far vCPUs can grow while it runs
    quint64 memoryBytes = 0;
    quint64 maxMemoryBytes = 0; ///< how far memory can grow while it runs
    Firmware firmware = Firmware::Bios;
    QList<NewDisk> disks;
    QString network; ///< a libvirt network's name; empty with a bridge
    /// A host bridge's name; empty with a network. With neither, QEMU's
    /// own user-mode network: outbound only, and nothing to set up on the node.
    QString bridge;
    QString mac; ///< "52:54:00:…": the seed's network-config matches it
    MachineMetadata metadata;
};

/// Domain XML for new machines, in the shape virt-install gives them: q35,
/// virtio disks, network and RNG, a serial console on a pty, the guest
/// agent's channel, VNC on the node's own loopback. Written with
/// QXmlStreamWriter; the node validates it again on define.
namespace MachineDefinition
{

/// The offer in a domain capabilities document.
[[nodiscard]] Result<HypervisorOffer> parseOffer(QByteArrayView domainCapabilitiesXml);

/// What is wrong with @p machine on a node that makes @p offer: a name
/// libvirt or a file name cannot hold, sizes out of order, UEFI where the
/// node has no firmware, no root disk, a malformed MAC address. Empty if
/// nothing.
[[nodiscard]] QStringList problems(const HypervisorOffer &offer, const NewMachine &machine);

/// The domain XML of @p machine on a node that makes @p offer; fails with
/// problems().
[[nodiscard]] Result<QByteArray> domainXml(const HypervisorOffer &offer, const NewMachine &machine);

/// A MAC address in QEMU's own range (52:54:00), the rest random.
[[nodiscard]] QString randomMac();

} // namespace MachineDefinition

} // namespace Flotilla
