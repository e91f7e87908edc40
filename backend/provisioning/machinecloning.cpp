// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/machinecloning.h"

#include "core/processtoken.h"
#include "libvirt/libvirthandles.h"
#include "model/domainxml.h"
#include "model/names.h"
#include "provisioning/cloudinit.h"
#include "provisioning/diskcopy.h"
#include "provisioning/machineclone.h"
#include "provisioning/machinedefinition.h"
#include "provisioning/machineprovisioning.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/parentmachine.h"
#include "provisioning/seediso.h"

#include <KLocalizedString>

#include <QDateTime>

#include <libvirt/virterror.h>

#include <memory>

namespace Flotilla::MachineCloning
{

namespace
{

using Step = ProvisioningPlan::Step;

/// What the steps share, decided as the plan is made.
struct Cloning {
    CloneOrder order;
    ParentMachine parent;
    CloneIdentity identity; ///< the clone's disks and formats
    QHash<QString, QString> parentLayers; ///< linked: each copied disk's source to the parent's new layer
    QHash<QString, QString> parentFormats;
    QStringList macs; ///< the clone's, in the order of the parent's interfaces
    QHash<QString, QString> macOf; ///< the parent's MAC to the clone's, lower case
    MachineMetadata metadata; ///< the clone's, marked unfinished
    QString seedVolume; ///< the clone's seed volume, in the pool of the parent's
    bool simulated = false;
};

QString qualified(const QString &pool, const QString &volume)
{
    return pool + QLatin1Char('/') + volume;
}

/// A volume's name for @p machine's disk @p disk: "web-02-vda-5b3c6a1e.qcow2",
/// with part of the clone's UUID, so it never takes an existing name. A
/// block volume (LVM) has no file name extension.
QString volumeName(const QString &machine, const ParentDisk &disk, const QString &tag, bool layer)
{
    const QString name = QStringLiteral("%1-%2-%3").arg(machine, disk.target, tag);
    return disk.block ? name
                      : name
            + (layer || disk.format == QLatin1StringView("qcow2") ? QStringLiteral(".qcow2") : QStringLiteral(".img"));
}

/// Where @p volume of @p disk's pool sits as the definition names it: by
/// path beside the parent's (one pool is one folder or volume group), or by pool and name.
QString sourceFor(const ParentDisk &disk, const QString &volume)
{
    return disk.byPath ? disk.source.section(QLatin1Char('/'), 0, -2) + QLatin1Char('/') + volume
                       : qualified(disk.pool, volume);
}

Result<bool> check(virConnectPtr connection, const Cloning &cloning)
{
    const CloneOrder &order = cloning.order;
    if (const QString problem = Names::machineProblem(order.name); !problem.isEmpty()) {
        return Error{.message = problem};
    }
    const Libvirt::Domain taken(virDomainLookupByName(connection, order.name.toUtf8().constData()));
    virResetLastError();
    if (taken) {
        return Error{.message = i18nc("@info", "A machine named %1 is already on this node", order.name)};
    }
    const Result<bool> ready = ParentMachines::readyToClone(connection, cloning.parent, order.linked);
    if (!ready) {
        return ready;
    }
    QHash<QString, quint64> needed;
    for (const ParentDisk &disk : cloning.parent.copied) {
        needed[disk.pool] += order.linked ? 0 : disk.allocationBytes;
    }
    if (cloning.parent.seedDisk) {
        needed[cloning.parent.seedDisk->pool] += quint64(CloudInit::maxSeedBytes);
    }
    return NodeVolumes::roomFor(connection, needed);
}

Step recordStep(virConnectPtr connection, const std::shared_ptr<const Cloning> &cloning,
    const std::shared_ptr<MachineProvisioning::PlannedMachine> &made)
{
    return {.title = i18nc("@info:progress", "Record the clone on the node"),
        .run = [connection, cloning, made]() -> Result<bool> {
            qsizetype next = 0;
            const Result<QByteArray> xml = MachineClone::definition(cloning->parent.xml, cloning->identity,
                [&] { return cloning->macs.value(next++, MachineDefinition::randomMac()); });
            if (!xml) {
                return xml.error();
            }
            return MachineProvisioning::defineMarked(connection, xml.value(), cloning->metadata, *made,
                i18nc("@info", "The node refused the clone's definition"));
        },
        .undo = [made] { return MachineProvisioning::undefine(made->domain.get()); }};
}

/// Linked: the parent's new layers over its disks, and the parent moved onto them.
void appendParentLayers(ProvisioningPlan &plan, virConnectPtr connection, const std::shared_ptr<const Cloning> &cloning)
{
    const QString parentName = cloning->parent.name;
    for (const ParentDisk &disk : cloning->parent.copied) {
        const QString layer = cloning->parentLayers.value(disk.source).section(QLatin1Char('/'), -1);
        plan.append(MachineProvisioning::volumeStep(connection,
            i18nc("@info:progress %1 is a machine, %2 a disk such as vda", "Lay a new layer over %1's %2", parentName,
                disk.target),
            disk.pool, layer, [connection, disk, layer] {
                return NodeVolumes::createOverlay(
                    connection, disk.pool, layer, disk.capacityBytes, disk.volume, disk.format);
            }));
    }
    plan.append({.title = i18nc("@info:progress %1 is a machine", "Move %1 onto its new layers", parentName),
        .run = [connection, cloning]() -> Result<bool> {
            const Result<QByteArray> xml
                = MachineClone::withDisks(cloning->parent.xml, cloning->parentLayers, cloning->parentFormats);
            if (!xml) {
                return xml.error();
            }
            const Libvirt::Domain moved(virDomainDefineXML(connection, xml.value().constData()));
            if (!moved) {
                return Libvirt::lastError(i18nc("@info", "The node refused the parent's new definition"));
            }
            return true;
        },
        .undo = [connection, cloning]() -> Result<bool> {
            const Libvirt::Domain back(virDomainDefineXML(connection, cloning->parent.xml.constData()));
            if (!back) {
                return Libvirt::lastError(i18nc("@info", "Could not put the parent back onto its own disks"));
            }
            return true;
        }});
}

bool parentIsActive(virConnectPtr connection, const QString &uuid)
{
    const Libvirt::Domain domain(virDomainLookupByUUIDString(connection, uuid.toLatin1().constData()));
    return domain && virDomainIsActive(domain.get()) == 1;
}

void appendCloneDisks(ProvisioningPlan &plan, virConnectPtr connection, const std::shared_ptr<const Cloning> &cloning)
{
    for (const ParentDisk &disk : cloning->parent.copied) {
        const QString name = cloning->identity.disks.value(disk.source).section(QLatin1Char('/'), -1);
        const bool linked = cloning->order.linked;
        plan.append(MachineProvisioning::volumeStep(connection,
            linked
                ? i18nc("@info:progress %1 is a disk such as vda", "Lay the clone's %1 over the parent's", disk.target)
                : i18nc("@info:progress %1 is a disk such as vda", "Copy the disk %1", disk.target),
            disk.pool, name, [connection, cloning, disk, name, linked]() -> Result<bool> {
                if (linked) {
                    return NodeVolumes::createOverlay(
                        connection, disk.pool, name, disk.capacityBytes, disk.volume, disk.format);
                }
                const QString format = disk.block ? QStringLiteral("raw") : disk.format;
                if (!cloning->simulated
                    && parentIsActive(connection, cloning->parent.uuid)) { // paused: QEMU holds the disk
                    return DiskCopy::fromOpenDisk(
                        connection, cloning->parent.uuid, disk.target, disk.pool, name, disk.capacityBytes, format);
                }
                return NodeVolumes::createCopy(connection, disk.pool, name, disk.capacityBytes, disk.volume, format);
            }));
    }
}

Step seedStep(virConnectPtr connection, const std::shared_ptr<const Cloning> &cloning)
{
    const QString pool = cloning->parent.seedDisk->pool;
    Step step
        = MachineProvisioning::volumeStep(connection, i18nc("@info:progress", "Write the clone's setup (cloud-init)"),
            pool, cloning->seedVolume, [connection, cloning, pool]() -> Result<bool> {
                const Result<QByteArray> iso
                    = seedImage(cloning->parent.seed, cloning->order.name, cloning->order.uuid, cloning->macOf);
                if (!iso) {
                    return iso.error();
                }
                return NodeVolumes::createWith(connection, pool, cloning->seedVolume, iso.value(), cloning->simulated);
            });
    step.simulated = cloning->simulated;
    return step;
}

/// What the plan's steps share, from the parent as read.
std::shared_ptr<const Cloning> cloningOf(const CloneOrder &order, ParentMachine parent, bool simulated)
{
    auto cloning = std::make_shared<Cloning>();
    cloning->order = order;
    cloning->simulated = simulated;
    const QString tag = order.uuid.left(8);
    NewMacs macs = newMacs(parent.macs);
    cloning->macs = std::move(macs.macs);
    cloning->macOf = std::move(macs.of);
    cloning->metadata = metadataFor(parent.metadata);
    for (const ParentDisk &disk : parent.copied) {
        const QString volume = volumeName(order.name, disk, tag, order.linked);
        cloning->identity.disks.insert(disk.source, sourceFor(disk, volume));
        cloning->metadata.unfinished.append(qualified(disk.pool, volume));
        if (order.linked) {
            cloning->parentLayers.insert(disk.source, sourceFor(disk, volumeName(parent.name, disk, tag, true)));
        }
        if (order.linked && disk.format != QLatin1StringView("qcow2")) {
            cloning->identity.formats.insert(disk.source, QStringLiteral("qcow2"));
            cloning->parentFormats.insert(disk.source, QStringLiteral("qcow2"));
        }
    }
    if (parent.seedDisk) {
        cloning->seedVolume = QStringLiteral("%1-seed-%2.iso").arg(order.name, tag);
        cloning->identity.disks.insert(parent.seedDisk->source, sourceFor(*parent.seedDisk, cloning->seedVolume));
        cloning->metadata.unfinished.append(qualified(parent.seedDisk->pool, cloning->seedVolume));
    }
    cloning->identity.name = order.name;
    cloning->identity.uuid = order.uuid;
    cloning->parent = std::move(parent);
    return cloning;
}

} // namespace

MachineMetadata metadataFor(const MachineMetadata &parent)
{
    return MachineMetadata{.tags = parent.tags,
        .templateName = parent.templateName,
        .note = parent.note,
        .image = parent.image,
        .created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
        .creator = MachineProvisioning::creatorHere(),
        .maker = ProcessToken::here()};
}

NewMacs newMacs(const QStringList &parentMacs)
{
    NewMacs made;
    for (const QString &mac : parentMacs) {
        made.macs.append(MachineDefinition::randomMac());
        made.of.insert(mac.toLower(), made.macs.last());
    }
    return made;
}

Result<QByteArray> seedImage(
    const CloudInit::Seed &seed, const QString &name, const QString &uuid, const QHash<QString, QString> &macOf)
{
    const Result<CloudInit::Seed> clone = CloudInit::forClone(seed, name, QStringLiteral("iid-") + uuid, macOf);
    if (!clone) {
        return clone.error();
    }
    return SeedIso::build(clone.value());
}

ProvisioningPlan plan(virConnectPtr connection, const CloneOrder &order, bool simulated)
{
    ProvisioningPlan plan;
    const QString checkTitle = i18nc("@info:progress", "Check the machine and the node");
    Result<ParentMachine> parent = ParentMachines::read(connection, order.parent, simulated);
    if (!parent) {
        plan.append({.title = checkTitle, .run = [error = parent.error()]() -> Result<bool> { return error; }});
        return plan;
    }
    const std::shared_ptr<const Cloning> cloning = cloningOf(order, std::move(parent).value(), simulated);
    const auto made = std::make_shared<MachineProvisioning::PlannedMachine>();
    plan.append({.title = checkTitle, .run = [connection, cloning] { return check(connection, *cloning); }});
    plan.append(recordStep(connection, cloning, made));
    if (order.linked) {
        appendParentLayers(plan, connection, cloning);
    }
    appendCloneDisks(plan, connection, cloning);
    if (cloning->parent.seedDisk) {
        plan.append(seedStep(connection, cloning));
    }
    plan.append(MachineProvisioning::finishStep(cloning->metadata, made));
    if (order.start) {
        plan.append(MachineProvisioning::startStep(made));
    }
    return plan;
}

} // namespace Flotilla::MachineCloning
