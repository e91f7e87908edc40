// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/machinetransfer.h"

#include "core/logging.h"
#include "core/processtoken.h"
#include "model/xmlelements.h"
#include "provisioning/diskcopy.h"
#include "provisioning/machinecloning.h"
#include "provisioning/machinedefinition.h"
#include "provisioning/machineprovisioning.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/transferring.h"
#include "provisioning/volumetransfer.h"

#include <KLocalizedString>

#include <QDeadlineTimer>
#include <QThread>

#include <libvirt/virterror.h>

namespace Flotilla::MachineTransfer
{

namespace
{

using Step = ProvisioningPlan::Step;
using Shared = std::shared_ptr<const Transfer>;
using Made = std::shared_ptr<MachineProvisioning::PlannedMachine>;

Libvirt::Domain sourceDomain(const Transfer &transfer)
{
    return Libvirt::Domain(
        virDomainLookupByUUIDString(transfer.source(), transfer.machine.uuid.toLatin1().constData()));
}

bool isPaused(const Transfer &transfer)
{
    const Libvirt::Domain domain = sourceDomain(transfer);
    int state = VIR_DOMAIN_NOSTATE;
    return domain && virDomainGetState(domain.get(), &state, nullptr, 0) == 0 && state == VIR_DOMAIN_PAUSED;
}

/// Whether the volume under @p disk is a layer over another image, which
/// names that image by its path on the source node: it travels flattened.
bool isLayer(virConnectPtr connection, const ParentDisk &disk)
{
    const Result<Libvirt::Volume> volume = NodeVolumes::volumeNamed(connection, disk.pool, disk.volume);
    if (!volume) {
        return false;
    }
    bool layer = false;
    (void)XmlElements::walk(Libvirt::takeText(virStorageVolGetXMLDesc(volume.value().get(), 0)),
        [&layer](const QString &path, QXmlStreamReader &reader) {
            if (path == QLatin1StringView("volume/backingStore/path")) {
                layer = !reader.readElementText().trimmed().isEmpty();
                return true;
            }
            return false;
        });
    return layer;
}

Result<bool> sent(const Result<quint64> &bytes)
{
    return bytes ? Result<bool>(true) : Result<bool>(bytes.error());
}

/// Sends the disk @p disk to the target as @p volume: as it is, or first
/// flattened into a temporary volume beside it (a layer, or a disk a paused
/// machine holds open), which is deleted after.
Result<bool> copyDisk(const Transfer &transfer, const ParentDisk &disk, const QString &volume, qsizetype step)
{
    if (transfer.simulated()) {
        return NodeVolumes::createEmpty(
            transfer.target(), transfer.order.pool, volume, disk.capacityBytes, disk.format);
    }
    const VolumeTransfer::Report report = [&transfer, step](const VolumeTransfer::Progress &progress) {
        if (transfer.context.progress) {
            transfer.context.progress(step, progress.doneBytes, progress.totalBytes);
        }
    };
    const std::atomic_bool &cancel = *transfer.context.cancel;
    const bool open = isPaused(transfer);
    if (!open && !isLayer(transfer.source(), disk)) {
        return sent(VolumeTransfer::copy(
            transfer.source(), disk.pool, disk.volume, transfer.target(), transfer.order.pool, volume, cancel, report));
    }
    const QString flat = QStringLiteral("%1.flotilla-%2").arg(disk.volume, transfer.order.uuid.left(8));
    const Result<bool> flattened = open
        ? DiskCopy::fromOpenDisk(
              transfer.source(), transfer.machine.uuid, disk.target, disk.pool, flat, disk.capacityBytes, disk.format)
        : NodeVolumes::createCopy(transfer.source(), disk.pool, flat, disk.capacityBytes, disk.volume, disk.format);
    if (!flattened) {
        return flattened;
    }
    const Result<quint64> bytes = VolumeTransfer::copy(
        transfer.source(), disk.pool, flat, transfer.target(), transfer.order.pool, volume, cancel, report);
    if (const Result<bool> gone = NodeVolumes::remove(transfer.source(), disk.pool, flat); !gone) {
        qCWarning(FLOTILLA_SESSION).noquote() << "could not delete the temporary volume" << flat << "in" << disk.pool
                                              << "of" << transfer.context.sourceName << gone.error().text();
    }
    return sent(bytes);
}

Step recordStep(const Shared &transfer, const Made &made)
{
    return {.title = i18nc("@info:progress %1 is a node", "Record the machine on %1", transfer->context.target.name),
        .run = [transfer, made]() -> Result<bool> {
            qsizetype next = 0;
            const Result<QByteArray> xml = transfer->order.isMove()
                ? MachineClone::withDisks(transfer->machine.xml, transfer->identity.disks)
                : MachineClone::definition(transfer->machine.xml, transfer->identity,
                      [&] { return transfer->macs.value(next++, MachineDefinition::randomMac()); });
            const Result<QByteArray> fitted = xml ? NodeFits::apply(xml.value(), transfer->fit) : xml;
            if (!fitted) {
                return fitted.error();
            }
            return MachineProvisioning::defineMarked(transfer->target(), fitted.value(), transfer->unfinished, *made,
                i18nc("@info", "The target node refused the machine's definition"));
        },
        .undo = [made] { return MachineProvisioning::undefine(made->domain.get()); }};
}

/// A move's: the running machine shut down as a person would (ACPI), so
/// its disks are whole; started again as the undo.
Step shutdownStep(const Shared &transfer)
{
    const QString &name = transfer->machine.name;
    return {.title
        = i18nc("@info:progress %1 is a machine, %2 a node", "Shut %1 down on %2", name, transfer->context.sourceName),
        .run = [transfer, name]() -> Result<bool> {
            const Libvirt::Domain domain = sourceDomain(*transfer);
            if (!domain || virDomainShutdown(domain.get()) < 0) {
                return Libvirt::lastError(i18nc("@info %1 is a machine", "%1 did not take the shutdown", name));
            }
            // The plan runs on a thread of its own, away from the event
            // loop; a look every half second costs the node nothing.
            const QDeadlineTimer deadline{std::chrono::seconds(shutdownSeconds)};
            while (virDomainIsActive(domain.get()) == 1) {
                if (transfer->context.cancel->load()) {
                    return Error{.message = i18nc("@info", "Cancelled while the machine shut down")};
                }
                if (deadline.hasExpired()) {
                    return Error{.message = i18nc("@info %1 is a machine, %2 a number",
                                     "%1 did not shut down within %2 seconds; shut it down or turn it off yourself, "
                                     "then move it",
                                     name, shutdownSeconds)};
                }
                QThread::msleep(500);
            }
            return true;
        },
        .undo = [transfer, name]() -> Result<bool> {
            const Libvirt::Domain domain = sourceDomain(*transfer);
            if (!domain || (virDomainIsActive(domain.get()) != 1 && virDomainCreate(domain.get()) < 0)) {
                return Libvirt::lastError(i18nc("@info %1 is a machine", "Could not start %1 again", name));
            }
            return true;
        }};
}

Step diskStep(const Shared &transfer, const ParentDisk &disk, qsizetype step)
{
    const QString volume = transfer->volumes.value(disk.source);
    Step made = MachineProvisioning::volumeStep(transfer->target(),
        i18nc("@info:progress %1 is a disk such as vda, %2 a node", "Copy the disk %1 to %2", disk.target,
            transfer->context.target.name),
        transfer->order.pool, volume,
        [transfer, disk, volume, step] { return copyDisk(*transfer, disk, volume, step); });
    made.simulated = transfer->simulated();
    return made;
}

/// The target's volume names: a clone's as on one node
/// ("web-02-vda-5b3c6a1e.qcow2"); a moved machine's keep theirs.
QString volumeFor(const TransferOrder &order, const ParentDisk &disk)
{
    if (order.isMove()) {
        return disk.volume;
    }
    const QString extension
        = disk.format == QLatin1StringView("qcow2") ? QStringLiteral(".qcow2") : QStringLiteral(".img");
    return QStringLiteral("%1-%2-%3").arg(order.name, disk.target, order.uuid.left(8)) + extension;
}

/// Where each disk goes and what the target's definition says.
void placeDisks(Transfer &transfer)
{
    const TransferOrder &order = transfer.order;
    auto place = [&](const ParentDisk &disk, const QString &volume) {
        transfer.volumes.insert(disk.source, volume);
        transfer.identity.disks.insert(
            disk.source, (disk.byPath ? transfer.poolPath : order.pool) + QLatin1Char('/') + volume);
        transfer.unfinished.unfinished.append(order.pool + QLatin1Char('/') + volume);
    };
    for (const ParentDisk &disk : transfer.machine.copied) {
        place(disk, volumeFor(order, disk));
    }
    if (const std::optional<ParentDisk> &seed = transfer.machine.seedDisk) {
        place(*seed,
            order.isMove() ? seed->volume : QStringLiteral("%1-seed-%2.iso").arg(order.name, order.uuid.left(8)));
    }
    for (const Disk &disk : transfer.described.disks) {
        const bool cdrom = disk.device == QLatin1StringView("cdrom") || disk.device == QLatin1StringView("floppy");
        if (cdrom && !disk.source.isEmpty() && !transfer.volumes.contains(disk.source)) {
            transfer.identity.disks.insert(disk.source, QString()); // an installer the target has not
        }
    }
}

/// The machine's definition (unless a live move took it along) and its own
/// volumes, gone from the source.
Result<bool> removeFromSource(const Transfer &t)
{
    const QString &name = t.machine.name;
    const Libvirt::Domain domain = sourceDomain(t);
    virResetLastError();
    if (domain && virDomainIsActive(domain.get()) == 1) {
        return Error{.message = i18nc("@info %1 is a machine, %2 a node",
                         "%1 was started again on %2 during the move; it stays there", name, t.context.sourceName)};
    }
    if (!domain && !t.order.isLive()) {
        return Libvirt::lastError(i18nc("@info", "The machine is no longer on its node"));
    }
    if (domain && virDomainUndefineFlags(domain.get(), VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_NVRAM) < 0
        && virDomainUndefine(domain.get()) < 0) {
        return Libvirt::lastError(
            i18nc("@info %1 is a node", "%1 kept the machine's definition", t.context.sourceName));
    }
    QList<ParentDisk> volumes = t.machine.copied;
    if (t.machine.seedDisk) {
        volumes.append(*t.machine.seedDisk);
    }
    for (const ParentDisk &disk : volumes) {
        const QString path = NodeVolumes::pathOf(t.source(), disk.pool, disk.volume);
        const Result<QHash<QString, QStringList>> users
            = t.context.users ? t.context.users(t.source(), {path}, {}) : QHash<QString, QStringList>();
        const Result<bool> gone = users && users.value().isEmpty()
            ? NodeVolumes::remove(t.source(), disk.pool, disk.volume)
            : Result<bool>(Error{.message = users ? QStringLiteral("in use") : users.error().text()});
        if (!gone) {
            qCWarning(FLOTILLA_SESSION).noquote() << "moved" << name << "but kept its volume" << disk.volume << "on"
                                                  << t.context.sourceName << gone.error().text();
        }
    }
    return true;
}

} // namespace

ProvisioningPlan::Step seedStep(const std::shared_ptr<const Transfer> &transfer)
{
    const ParentDisk &seed = *transfer->machine.seedDisk;
    const QString volume = transfer->volumes.value(seed.source);
    ProvisioningPlan::Step made = MachineProvisioning::volumeStep(transfer->target(),
        transfer->order.isMove() ? i18nc("@info:progress", "Copy the machine's setup (cloud-init)")
                                 : i18nc("@info:progress", "Write the clone's setup (cloud-init)"),
        transfer->order.pool, volume, [transfer, seed, volume]() -> Result<bool> {
            const Transfer &t = *transfer;
            if (t.order.isMove() && t.simulated()) {
                return NodeVolumes::createEmpty(t.target(), t.order.pool, volume, seed.capacityBytes, seed.format);
            }
            if (t.order.isMove()) {
                return sent(VolumeTransfer::copy(
                    t.source(), seed.pool, seed.volume, t.target(), t.order.pool, volume, *t.context.cancel));
            }
            const Result<QByteArray> iso
                = MachineCloning::seedImage(t.machine.seed, t.order.name, t.order.uuid, t.macOf);
            if (!iso) {
                return iso.error();
            }
            return NodeVolumes::createWith(t.target(), t.order.pool, volume, iso.value(), t.simulated());
        });
    made.simulated = transfer->simulated();
    return made;
}

/// A move's last step, once the machine is whole (and runs, if it ran) on
/// the target: its definition and its own volumes go from the source. An
/// image under a disk stays (other machines may be made from it), as does
/// any volume another machine uses. Nothing after it can fail, so it has no
/// undo; a volume it cannot delete is logged and left, visible on the
/// node's Storage page.
ProvisioningPlan::Step removeStep(const std::shared_ptr<const Transfer> &transfer)
{
    const QString &name = transfer->machine.name;
    return {.title
        = i18nc("@info:progress %1 is a machine, %2 a node", "Remove %1 from %2", name, transfer->context.sourceName),
        .run = [transfer] { return removeFromSource(*transfer); }};
}

Result<std::shared_ptr<Transfer>> transferOf(const Context &context, const TransferOrder &order)
{
    auto transfer = std::make_shared<Transfer>();
    transfer->context = context;
    transfer->order = order;
    Result<ParentMachine> machine = ParentMachines::read(context.source, order.machine, context.simulated);
    if (!machine) {
        return machine.error();
    }
    transfer->machine = std::move(machine).value();
    const Result<DomainDescription> described = DomainXml::parse(transfer->machine.xml);
    if (!described) {
        return described.error();
    }
    const Result<QString> folder = folderOf(transfer->target(), order.pool);
    if (!folder) {
        return folder.error();
    }
    const Result<NodeFit> fit = order.isLive() ? NodeFit{} : NodeFits::read(transfer->target(), transfer->machine.xml);
    if (!fit) {
        return fit.error();
    }
    transfer->described = described.value();
    transfer->poolPath = folder.value();
    transfer->fit = fit.value();
    transfer->identity.name = order.name;
    transfer->identity.uuid = order.uuid;
    const Libvirt::Domain domain = sourceDomain(*transfer);
    transfer->wasRunning = order.isMove() && domain && virDomainIsActive(domain.get()) == 1 && !isPaused(*transfer);
    if (order.isMove()) {
        transfer->finished = transfer->machine.metadata;
        transfer->unfinished = transfer->finished;
        // Marked as this process's while it travels, so no other Flotilla takes it for a leftover.
        transfer->unfinished.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        transfer->unfinished.creator = MachineProvisioning::creatorHere();
    } else {
        MachineCloning::NewMacs macs = MachineCloning::newMacs(transfer->machine.macs);
        transfer->macs = std::move(macs.macs);
        transfer->macOf = std::move(macs.of);
        transfer->finished = MachineCloning::metadataFor(transfer->machine.metadata);
        transfer->unfinished = transfer->finished;
    }
    transfer->unfinished.maker = ProcessToken::here();
    placeDisks(*transfer);
    return transfer;
}

ProvisioningPlan::Step checkStep(const std::shared_ptr<const Transfer> &transfer)
{
    return {.title = i18nc("@info:progress", "Check the machine and both nodes"),
        .run = [transfer] { return check(*transfer); }};
}

ProvisioningPlan plan(const Context &context, const TransferOrder &order)
{
    ProvisioningPlan plan;
    const QString checkTitle = i18nc("@info:progress", "Check the machine and both nodes");
    const Result<std::shared_ptr<Transfer>> made = transferOf(context, order);
    if (!made) {
        plan.append({.title = checkTitle, .run = [error = made.error()]() -> Result<bool> { return error; }});
        return plan;
    }
    const std::shared_ptr<const Transfer> transfer = made.value();
    if (order.isLive()) {
        return livePlan(transfer);
    }
    const auto machine = std::make_shared<MachineProvisioning::PlannedMachine>();
    plan.append(checkStep(transfer));
    plan.append(recordStep(transfer, machine));
    if (transfer->wasRunning) {
        plan.append(shutdownStep(transfer));
    }
    for (const ParentDisk &disk : transfer->machine.copied) {
        plan.append(diskStep(transfer, disk, plan.size()));
    }
    if (transfer->machine.seedDisk) {
        plan.append(seedStep(transfer));
    }
    plan.append(MachineProvisioning::finishStep(transfer->finished, machine));
    if (order.isMove() ? transfer->wasRunning : order.start) {
        plan.append(MachineProvisioning::startStep(machine));
    }
    if (order.isMove()) {
        plan.append(removeStep(transfer));
    }
    return plan;
}

} // namespace Flotilla::MachineTransfer
