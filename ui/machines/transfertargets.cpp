// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "transfertargets.h"

#include "fleet/arrival.h"
#include "fleet/fleet.h"

#include <KFormat>
#include <KLocalizedString>

#include <algorithm>

namespace Flotilla::TransferTargets
{

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
    QVariantList list;
    const KFormat format;
    for (const StoragePool &pool : Arrival::pools(fleet, node)) {
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
