// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// MachineWizard's data disk: a new one in a pool of the person's choice,
// or one kept on the node from a machine deleted before.
#include "machinewizard.h"

#include "provisioning/imagelibrary.h"

#include <KLocalizedString>

#include <QSet>

namespace Flotilla
{

namespace
{
constexpr quint64 GiB = 1ULL << 30;
} // namespace

QList<NodeVolume> MachineWizard::keptDataVolumes(const Fleet::Node &node) const
{
    QSet<QString> used; // every disk's source on the node, once
    for (const Machine &machine : node.machines.machines()) {
        for (const Disk &disk : machine.disks) {
            used.insert(disk.source);
        }
    }
    QList<NodeVolume> kept;
    for (const NodeVolume &volume : node.stock.volumes) {
        if (ImageLibrary::isDataVolume(volume.name) && !used.contains(volume.pool + QLatin1Char('/') + volume.name)
            && (volume.path.isEmpty() || !used.contains(volume.path))) {
            kept.append(volume);
        }
    }
    return kept;
}

QVariantList MachineWizard::keptDataDisks() const
{
    QVariantList list;
    if (const Fleet::Node *node = chosenNode()) {
        for (const NodeVolume &volume : keptDataVolumes(*node)) {
            list.append(QVariantMap{{QStringLiteral("key"), QString(volume.pool + QLatin1Char('/') + volume.name)},
                {QStringLiteral("name"), volume.name}, {QStringLiteral("pool"), volume.pool},
                {QStringLiteral("sizeBytes"), double(volume.capacityBytes)}});
        }
    }
    return list;
}

void MachineWizard::checkDataDisk(QVariantMap &found) const
{
    const Fleet::Node *node = chosenNode();
    if (!m_keptDataDisk.isEmpty()) {
        const bool there = node && std::ranges::any_of(keptDataVolumes(*node), [this](const NodeVolume &volume) {
            return volume.pool + QLatin1Char('/') + volume.name == m_keptDataDisk;
        });
        if (!there) {
            found[QStringLiteral("keptDataDisk")]
                = i18nc("@info", "%1 is no longer a free data disk on this node", m_keptDataDisk);
        } else if (m_count > 1) {
            found[QStringLiteral("keptDataDisk")]
                = i18nc("@info", "A kept data disk goes to one machine: make one, or give each a new data disk");
        }
        return;
    }
    if (m_dataGiB < 0) {
        found[QStringLiteral("dataGiB")] = i18nc("@info", "0 for no data disk, or its size");
        return;
    }
    const QString pool = m_dataPool.isEmpty() ? m_pool : m_dataPool;
    if (!m_dataPool.isEmpty() && !pools().contains(m_dataPool)) {
        found[QStringLiteral("dataPool")] = i18nc("@info", "Choose one of the node's active pools.");
        return;
    }
    if (!node || m_dataGiB == 0) {
        return;
    }
    // Where the root disk shares its pool, both must fit (a linked clone takes no room yet).
    const quint64 root = pool == m_pool && (!m_linkedClone || installing()) ? quint64(m_rootGiB) * GiB : 0;
    const quint64 needed = root + quint64(m_dataGiB) * GiB;
    const quint64 free = poolFree(*node, pool);
    if (needed > free) {
        found[QStringLiteral("dataGiB")] = i18nc("@info", "The pool %1 has %2 free; the disks take %3", pool,
            formatBytes(double(free)), formatBytes(double(needed)));
    }
}

} // namespace Flotilla
