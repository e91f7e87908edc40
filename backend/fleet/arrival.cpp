// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/arrival.h"

#include "fleet/fleet.h"

#include <KLocalizedString>

#include <algorithm>

namespace Flotilla::Arrival
{

namespace
{
bool isCdrom(const Disk &disk)
{
    return disk.device == QLatin1StringView("cdrom") || disk.device == QLatin1StringView("floppy");
}
} // namespace

bool takesDisks(const StoragePool &pool)
{
    static const QStringList files{QStringLiteral("dir"), QStringLiteral("fs"), QStringLiteral("netfs")};
    return pool.active && files.contains(pool.type);
}

QList<StoragePool> pools(const Fleet &fleet, const QString &node)
{
    const Fleet::Node *found = fleet.node(node);
    if (!found) {
        return {};
    }
    QList<StoragePool> usable;
    std::ranges::copy_if(found->pools, std::back_inserter(usable), takesDisks);
    std::ranges::stable_sort(usable, std::greater<>(), &StoragePool::availableBytes);
    return usable;
}

quint64 diskBytes(const Machine &machine)
{
    quint64 bytes = 0;
    for (const Disk &disk : machine.disks) {
        bytes += isCdrom(disk) ? 0 : disk.capacityBytes;
    }
    return bytes;
}

quint64 copyBytes(const Fleet &fleet, const QString &source, const Machine &machine)
{
    const Fleet::Node *node = fleet.node(source);
    quint64 bytes = 0;
    for (const Disk &disk : machine.disks) {
        if (isCdrom(disk)) {
            continue;
        }
        const auto volume = node
            ? std::ranges::find_if(node->stock.volumes,
                  [&disk](const NodeVolume &candidate) {
                      return candidate.path == disk.source || candidate.pool + u'/' + candidate.name == disk.source;
                  })
            : QList<NodeVolume>::const_iterator();
        const bool measured = node && volume != node->stock.volumes.cend() && disk.backingFiles.isEmpty();
        bytes += measured ? std::min(volume->allocationBytes, disk.capacityBytes) : disk.capacityBytes;
    }
    return bytes;
}

QString nodeProblem(const Fleet &fleet, const QString &node, const Machine &machine, const QString &name)
{
    const Fleet::Node *target = fleet.node(node);
    if (!target) {
        return i18nc("@info", "Choose the node it goes to");
    }
    if (!isUp(target->status.state)) {
        return i18nc("@info %1 is a node", "%1 is not connected", target->entry.name);
    }
    for (const Machine &there : target->machines.machines()) {
        if (there.uuid == machine.uuid) {
            return i18nc("@info %1 is a node", "%1 already holds this machine", target->entry.name);
        }
        if (there.name == name) {
            return i18nc(
                "@info %1 is a node, %2 a machine", "%1 already has a machine named %2", target->entry.name, name);
        }
    }
    for (const NetworkInterface &card : machine.interfaces) {
        const bool there = std::ranges::any_of(
            target->networks, [&card](const VirtualNetwork &network) { return network.name == card.source; });
        if (card.type == QLatin1StringView("network") && !there) {
            return i18nc("@info %1 is a node, %2 a virtual network",
                "%1 has no virtual network named %2, which the machine's network card is on; make one there first",
                target->entry.name, card.source);
        }
    }
    return {};
}

QString problem(
    const Fleet &fleet, const QString &node, const QString &pool, const Machine &machine, const QString &name)
{
    if (QString why = nodeProblem(fleet, node, machine, name); !why.isEmpty()) {
        return why;
    }
    const Fleet::Node *target = fleet.node(node);
    const auto chosen = std::ranges::find(target->pools, pool, &StoragePool::name);
    if (chosen == target->pools.cend() || !takesDisks(*chosen)) {
        return i18nc("@info %1 is a node", "Choose a running pool of files on %1 for the disks", target->entry.name);
    }
    return {};
}

} // namespace Flotilla::Arrival
