// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "transfertargets.h"

#include "fleet/fleet.h"

#include <KFormat>
#include <KLocalizedString>

#include <algorithm>

namespace Flotilla::TransferTargets
{

namespace
{
bool takesDisks(const StoragePool &pool)
{
    static const QStringList files{QStringLiteral("dir"), QStringLiteral("fs"), QStringLiteral("netfs")};
    return pool.active && files.contains(pool.type);
}

bool isCdrom(const Disk &disk)
{
    return disk.device == QLatin1StringView("cdrom") || disk.device == QLatin1StringView("floppy");
}
} // namespace

QVariantList nodes(const Fleet &fleet, const QString &except)
{
    QVariantList up;
    QVariantList down;
    for (const Fleet::Node &node : fleet.nodes()) {
        if (node.entry.id == except) {
            continue;
        }
        const bool connected = isUp(node.status.state);
        (connected ? up : down)
            .append(QVariantMap{{QStringLiteral("id"), node.entry.id},
                {QStringLiteral("name"),
                    connected ? node.entry.name
                              : i18nc("@item:inlistbox %1 is a node", "%1 (not connected)", node.entry.name)},
                {QStringLiteral("connected"), connected}});
    }
    return up + down;
}

QVariantList pools(const Fleet &fleet, const QString &node)
{
    const Fleet::Node *found = fleet.node(node);
    if (!found) {
        return {};
    }
    QList<StoragePool> usable;
    std::ranges::copy_if(found->pools, std::back_inserter(usable), takesDisks);
    std::ranges::sort(usable, std::greater<>(), &StoragePool::availableBytes);
    QVariantList list;
    const KFormat format;
    for (const StoragePool &pool : usable) {
        list.append(QVariantMap{{QStringLiteral("name"), pool.name}, {QStringLiteral("freeBytes"), pool.availableBytes},
            {QStringLiteral("text"),
                i18nc("@item:inlistbox %1 is a pool, %2 a size", "%1 (%2 free)", pool.name,
                    format.formatByteSize(double(pool.availableBytes), 1, KFormat::IECBinaryDialect))}});
    }
    return list;
}

QString firstPool(const Fleet &fleet, const QString &node, const QString &preferred)
{
    const QVariantList offered = pools(fleet, node);
    for (const QVariant &pool : offered) {
        if (pool.toMap().value(QStringLiteral("name")).toString() == preferred) {
            return preferred;
        }
    }
    return offered.isEmpty() ? QString() : offered.first().toMap().value(QStringLiteral("name")).toString();
}

quint64 diskBytes(const Machine &machine)
{
    quint64 bytes = 0;
    for (const Disk &disk : machine.disks) {
        bytes += isCdrom(disk) ? 0 : disk.capacityBytes;
    }
    return bytes;
}

QString problem(
    const Fleet &fleet, const QString &node, const QString &pool, const Machine &machine, const QString &name)
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
    const auto chosen = std::ranges::find(target->pools, pool, &StoragePool::name);
    if (chosen == target->pools.cend() || !takesDisks(*chosen)) {
        return i18nc("@info %1 is a node", "Choose a running pool of files on %1 for the disks", target->entry.name);
    }
    return {};
}

QString roomNote(const Fleet &fleet, const QString &node, const QString &pool, quint64 travelling)
{
    const Fleet::Node *target = fleet.node(node);
    if (!target) {
        return {};
    }
    const auto chosen = std::ranges::find(target->pools, pool, &StoragePool::name);
    if (chosen == target->pools.cend() || chosen->availableBytes >= travelling) {
        return {};
    }
    const KFormat format;
    return i18nc("@info %1 is a pool, %2 and %3 sizes",
        "The pool %1 has %2 free, and the disks are %3 in size: the copy fails if they hold more than fits", pool,
        format.formatByteSize(double(chosen->availableBytes), 1, KFormat::IECBinaryDialect),
        format.formatByteSize(double(travelling), 1, KFormat::IECBinaryDialect));
}

} // namespace Flotilla::TransferTargets
