// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/machineprovisioning.h"

#include "core/processtoken.h"
#include "libvirt/libvirthandles.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/seediso.h"

#include <KLocalizedString>

#include <libvirt/virterror.h>

#include <QHash>
#include <QSysInfo>

#include <array>
#include <memory>

namespace Flotilla::MachineProvisioning
{

namespace
{

QString qualified(const QString &pool, const QString &volume)
{
    return pool + QLatin1Char('/') + volume;
}

Result<bool> checkNode(virConnectPtr connection, const MachineOrder &order, const NewMachine &machine)
{
    const Libvirt::Domain taken(virDomainLookupByName(connection, order.machine.name.toUtf8().constData()));
    virResetLastError();
    if (taken) {
        return Error{.message = i18nc("@info", "A machine named %1 is already on this node", order.machine.name)};
    }
    if (!NodeVolumes::exists(connection, order.pool, order.image)) {
        return Error{.message = i18nc("@info", "The image %1 is not in the pool %2", order.image, order.pool)};
    }
    const QString dataPool = order.dataPoolOrPool();
    if (!order.dataVolume.isEmpty() && !NodeVolumes::exists(connection, dataPool, order.dataVolume)) {
        return Error{.message = i18nc("@info", "The data disk %1 is not in the pool %2", order.dataVolume, dataPool)};
    }
    for (const QString &volume : machine.metadata.unfinished) {
        if (NodeVolumes::exists(
                connection, volume.section(QLatin1Char('/'), 0, 0), volume.section(QLatin1Char('/'), 1))) {
            return Error{.message = i18nc("@info", "The volume %1 is already there", volume)};
        }
    }
    // What each pool must hold: the root disk and the seed in one, the data disk in its own.
    QHash<QString, quint64> needed;
    needed[order.pool] += (order.linkedClone && !order.isInstall() ? 0 : order.rootBytes) + quint64(order.seed.size());
    needed[dataPool] += order.dataVolume.isEmpty() ? order.dataBytes : 0;
    return NodeVolumes::roomFor(connection, needed);
}

ProvisioningPlan::Step recordStep(virConnectPtr connection, const HypervisorOffer &offer, const NewMachine &machine,
    const std::shared_ptr<PlannedMachine> &made)
{
    return ProvisioningPlan::Step{.title = i18nc("@info:progress", "Record the machine on the node"),
        .run = [connection, offer, machine, made]() -> Result<bool> {
            const Result<QByteArray> xml = MachineDefinition::domainXml(offer, machine);
            if (!xml) {
                return xml.error();
            }
            made->domain.reset(virDomainDefineXML(connection, xml.value().constData()));
            if (!made->domain) {
                return Libvirt::lastError(i18nc("@info", "The node refused the machine's definition"));
            }
            return true;
        },
        .undo = [made] { return undefine(made->domain.get()); }};
}

} // namespace

ProvisioningPlan::Step volumeStep(virConnectPtr connection, const QString &title, const QString &pool,
    const QString &name, std::function<Result<bool>()> make)
{
    return ProvisioningPlan::Step{.title = title, .run = std::move(make), .undo = [connection, pool, name] {
                                      return NodeVolumes::remove(connection, pool, name);
                                  }};
}

Result<bool> defineMarked(virConnectPtr connection, const QByteArray &xml, const MachineMetadata &metadata,
    PlannedMachine &made, const QString &refusal)
{
    made.domain.reset(virDomainDefineXML(connection, xml.constData()));
    if (!made.domain) {
        return Libvirt::lastError(refusal);
    }
    if (Result<bool> marked = writeMetadata(made.domain.get(), metadata); !marked) {
        (void)undefine(made.domain.get());
        return marked;
    }
    return true;
}

Result<bool> undefine(virDomainPtr domain)
{
    if (virDomainIsActive(domain) == 1) {
        virDomainDestroy(domain);
    }
    if (virDomainUndefineFlags(domain, VIR_DOMAIN_UNDEFINE_NVRAM) < 0 && virDomainUndefine(domain) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not remove the machine's definition"));
    }
    virResetLastError();
    return true;
}

Result<bool> writeMetadata(virDomainPtr domain, const MachineMetadata &metadata)
{
    const Result<QString> element = DomainXml::metadataElement(metadata);
    if (!element) {
        return element.error();
    }
    if (virDomainSetMetadata(domain, VIR_DOMAIN_METADATA_ELEMENT, element.value().toUtf8().constData(),
            DomainXml::metadataPrefix, DomainXml::metadataNamespace, VIR_DOMAIN_AFFECT_CONFIG)
        < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not write the machine's details into its definition"));
    }
    return true;
}

ProvisioningPlan::Step finishStep(MachineMetadata metadata, const std::shared_ptr<PlannedMachine> &made)
{
    metadata.unfinished.clear();
    metadata.maker.clear();
    return ProvisioningPlan::Step{.title = i18nc("@info:progress", "Mark the machine as made"),
        .run = [metadata, made] { return writeMetadata(made->domain.get(), metadata); }};
}

ProvisioningPlan::Step startStep(const std::shared_ptr<PlannedMachine> &made)
{
    return {.title = i18nc("@info:progress", "Start the machine"),
        .run = [made]() -> Result<bool> {
            if (virDomainCreate(made->domain.get()) < 0) {
                return Libvirt::lastError(i18nc("@info", "The machine did not start"));
            }
            return true;
        },
        .undo = [made]() -> Result<bool> {
            if (virDomainIsActive(made->domain.get()) == 1 && virDomainDestroy(made->domain.get()) < 0) {
                return Libvirt::lastError(i18nc("@info", "Could not stop the machine"));
            }
            return true;
        }};
}

QString volumeName(const MachineOrder &order, NewDisk::Kind kind)
{
    const QString tag = order.machine.uuid.left(8);
    switch (kind) {
    case NewDisk::Kind::Root:
        return QStringLiteral("%1-root-%2.qcow2").arg(order.machine.name, tag);
    case NewDisk::Kind::Data:
        return QStringLiteral("%1-data-%2.qcow2").arg(order.machine.name, tag);
    case NewDisk::Kind::Installer:
        return order.image; // the library's, not the machine's
    case NewDisk::Kind::Seed:
        break;
    }
    return QStringLiteral("%1-seed-%2.iso").arg(order.machine.name, tag);
}

NewMachine machineFor(const MachineOrder &order)
{
    NewMachine machine = order.machine;
    const QString root = volumeName(order, NewDisk::Kind::Root);
    machine.disks
        = {NewDisk{.kind = NewDisk::Kind::Root, .pool = order.pool, .volume = root, .format = QStringLiteral("qcow2")}};
    machine.metadata.unfinished = {qualified(order.pool, root)};
    machine.metadata.maker = ProcessToken::here();
    if (order.isInstall()) { // the library's own volume: never marked, never removed with the machine
        machine.disks.append(NewDisk{.kind = NewDisk::Kind::Installer,
            .pool = order.pool,
            .volume = order.image,
            .format = QStringLiteral("iso")});
    }
    if (!order.dataVolume.isEmpty() || order.dataBytes > 0) {
        const QString data = order.dataVolume.isEmpty() ? volumeName(order, NewDisk::Kind::Data) : order.dataVolume;
        machine.disks.append(NewDisk{.kind = NewDisk::Kind::Data,
            .pool = order.dataPoolOrPool(),
            .volume = data,
            .format = QStringLiteral("qcow2")});
        if (order.dataVolume.isEmpty()) {
            machine.metadata.unfinished.append(qualified(order.dataPoolOrPool(), data));
        }
    }
    if (!order.seed.userData.isEmpty()) {
        const QString seed = volumeName(order, NewDisk::Kind::Seed);
        machine.disks.append(
            NewDisk{.kind = NewDisk::Kind::Seed, .pool = order.pool, .volume = seed, .format = QStringLiteral("iso")});
        machine.metadata.unfinished.append(qualified(order.pool, seed));
    }
    return machine;
}

ProvisioningPlan plan(virConnectPtr connection, const HypervisorOffer &offer, const MachineOrder &order, bool simulated)
{
    const NewMachine machine = machineFor(order);
    const auto made = std::make_shared<PlannedMachine>();
    ProvisioningPlan plan;
    plan.append({.title = i18nc("@info:progress", "Check the node"),
        .run = [connection, order, machine] { return checkNode(connection, order, machine); }});
    plan.append(recordStep(connection, offer, machine, made));
    const QString root = volumeName(order, NewDisk::Kind::Root);
    plan.append(volumeStep(connection, i18nc("@info:progress", "Create the root disk"), order.pool, root,
        [connection, order, root]() -> Result<bool> {
            if (order.isInstall()) { // empty: the installer fills it
                return NodeVolumes::createEmpty(connection, order.pool, root, order.rootBytes, QStringLiteral("qcow2"));
            }
            return order.linkedClone
                ? NodeVolumes::createOverlay(
                      connection, order.pool, root, order.rootBytes, order.image, order.imageFormat)
                : NodeVolumes::createCopy(connection, order.pool, root, order.rootBytes, order.image);
        }));
    if (order.dataVolume.isEmpty() && order.dataBytes > 0) {
        const QString data = volumeName(order, NewDisk::Kind::Data);
        plan.append(volumeStep(connection, i18nc("@info:progress", "Create the data disk"), order.dataPoolOrPool(),
            data, [connection, order, data] {
                return NodeVolumes::createEmpty(
                    connection, order.dataPoolOrPool(), data, order.dataBytes, QStringLiteral("qcow2"));
            }));
    }
    if (!order.seed.userData.isEmpty()) {
        const QString name = volumeName(order, NewDisk::Kind::Seed);
        ProvisioningPlan::Step seed = volumeStep(connection, i18nc("@info:progress", "Write the setup (cloud-init)"),
            order.pool, name, [connection, order, name, simulated]() -> Result<bool> {
                const Result<QByteArray> iso = SeedIso::build(order.seed);
                if (!iso) {
                    return iso.error();
                }
                return NodeVolumes::createWith(connection, order.pool, name, iso.value(), simulated);
            });
        seed.simulated = simulated;
        plan.append(seed);
    }
    plan.append(finishStep(machine.metadata, made));
    if (order.start) {
        plan.append(startStep(made));
    }
    return plan;
}

QString creatorHere()
{
    const QString user = qEnvironmentVariable("USER", QStringLiteral("someone"));
    return user + QLatin1Char('@') + QSysInfo::machineHostName();
}

namespace
{
bool isLeftover(const QString &uuid, const MachineMetadata &metadata, const LeftoverRule &rule)
{
    if (metadata.unfinished.isEmpty() || (rule.inProgress && rule.inProgress(uuid))) {
        return false;
    }
    if (metadata.creator == rule.creator) {
        // Unless another Flotilla of the same person here is making it now
        // (this process's own plans are known to inProgress).
        const bool elsewhere = !metadata.maker.isEmpty() && metadata.maker != ProcessToken::here();
        return !elsewhere || !rule.running || !rule.running(metadata.maker);
    }
    const QDateTime created = QDateTime::fromString(metadata.created, Qt::ISODate);
    return !created.isValid() || created.secsTo(rule.now) > 24 * 3600;
}
} // namespace

Result<int> removeLeftovers(virConnectPtr connection, const LeftoverRule &rule)
{
    virDomainPtr *raw = nullptr;
    const int count = virConnectListAllDomains(connection, &raw, 0);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not list the machines"));
    }
    int removed = 0;
    for (const Libvirt::Domain &domain : Libvirt::adoptList<Libvirt::Domain>(raw, count)) {
        char *xml = virDomainGetMetadata(
            domain.get(), VIR_DOMAIN_METADATA_ELEMENT, DomainXml::metadataNamespace, VIR_DOMAIN_AFFECT_CONFIG);
        virResetLastError(); // most machines have no metadata of ours
        const bool ours = xml != nullptr;
        const Result<MachineMetadata> metadata
            = DomainXml::parseMetadataElement(ours ? QByteArrayView(xml) : QByteArrayView());
        free(xml); // NOLINT(cppcoreguidelines-no-malloc): libvirt's allocation
        std::array<char, VIR_UUID_STRING_BUFLEN> uuid{};
        virDomainGetUUIDString(domain.get(), uuid.data());
        if (!ours || !metadata || !isLeftover(QString::fromLatin1(uuid.data()), metadata.value(), rule)) {
            continue;
        }
        for (const QString &volume : metadata.value().unfinished) {
            if (Result<bool> gone = NodeVolumes::remove(
                    connection, volume.section(QLatin1Char('/'), 0, 0), volume.section(QLatin1Char('/'), 1));
                !gone) {
                return gone.error();
            }
        }
        if (Result<bool> gone = undefine(domain.get()); !gone) {
            return gone.error();
        }
        ++removed;
    }
    return removed;
}

} // namespace Flotilla::MachineProvisioning
