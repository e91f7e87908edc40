// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// A live move: libvirt's migration of the running machine, driven by
// Flotilla with both nodes' connections (see MachineTransfer).
#include "provisioning/machineprovisioning.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/transferring.h"

#include <KLocalizedString>

#include <QThread>

#include <libvirt/virterror.h>

#include <atomic>
#include <thread>

namespace Flotilla::MachineTransfer
{

namespace
{

using Step = ProvisioningPlan::Step;
using Shared = std::shared_ptr<const Transfer>;

/// libvirt's typed parameters for one call, freed with it.
class MigrationParameters
{
public:
    MigrationParameters() = default;
    ~MigrationParameters() { virTypedParamsFree(m_parameters, m_count); }
    MigrationParameters(const MigrationParameters &) = delete;
    MigrationParameters &operator=(const MigrationParameters &) = delete;

    void add(const char *name, const QByteArray &value)
    {
        virTypedParamsAddString(&m_parameters, &m_count, &m_room, name, value.constData());
    }
    [[nodiscard]] virTypedParameterPtr get() const { return m_parameters; }
    [[nodiscard]] int count() const { return m_count; }

private:
    virTypedParameterPtr m_parameters = nullptr;
    int m_count = 0;
    int m_room = 0;
};

/// The running machine's definition as the target takes it: the source's
/// own, its disks in the target's pool.
Result<QByteArray> destinationXml(virDomainPtr domain, const Transfer &transfer)
{
    char *xml = virDomainGetXMLDesc(domain, VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_MIGRATABLE);
    if (xml == nullptr) {
        return Libvirt::lastError(i18nc("@info", "Could not read the machine's definition"));
    }
    return MachineClone::withDisks(Libvirt::takeText(xml), transfer.identity.disks);
}

/// How far the migration is, from libvirt's job information: bytes done and in all.
std::pair<quint64, quint64> progressOf(virDomainPtr domain)
{
    int type = VIR_DOMAIN_JOB_NONE;
    virTypedParameterPtr parameters = nullptr;
    int count = 0;
    if (virDomainGetJobStats(domain, &type, &parameters, &count, 0) < 0) {
        virResetLastError();
        return {0, 0};
    }
    unsigned long long done = 0;
    unsigned long long total = 0;
    virTypedParamsGetULLong(parameters, count, VIR_DOMAIN_JOB_DATA_PROCESSED, &done);
    virTypedParamsGetULLong(parameters, count, VIR_DOMAIN_JOB_DATA_TOTAL, &total);
    virTypedParamsFree(parameters, count);
    return {done, total};
}

/// Migrates the machine; blocks until it runs on the target or is back
/// running here, telling its progress and aborting it when cancelled.
Result<bool> migrate(const Transfer &transfer, qsizetype step)
{
    const Libvirt::Domain domain(
        virDomainLookupByUUIDString(transfer.source(), transfer.machine.uuid.toLatin1().constData()));
    if (!domain) {
        return Libvirt::lastError(i18nc("@info", "The machine is no longer on its node"));
    }
    const Result<QByteArray> live = destinationXml(domain.get(), transfer);
    const Result<QByteArray> persistent = MachineClone::withDisks(transfer.machine.xml, transfer.identity.disks);
    if (!live || !persistent) {
        return !live ? live.error() : persistent.error();
    }
    MigrationParameters parameters;
    parameters.add(VIR_MIGRATE_PARAM_DEST_XML, live.value());
    parameters.add(VIR_MIGRATE_PARAM_PERSIST_XML, persistent.value());
    for (const ParentDisk &disk : transfer.machine.copied) {
        parameters.add(VIR_MIGRATE_PARAM_MIGRATE_DISKS, disk.target.toUtf8());
    }
    if (const QString host = transfer.context.target.host; !host.isEmpty()) {
        // QEMU's memory and disks go straight to the target, at the address Flotilla reaches it on.
        const QString address = host.contains(u':') ? u'[' + host + u']' : host;
        parameters.add(VIR_MIGRATE_PARAM_URI, (QStringLiteral("tcp://") + address).toUtf8());
        parameters.add(VIR_MIGRATE_PARAM_LISTEN_ADDRESS, host.toUtf8());
    }
    constexpr unsigned int flags = VIR_MIGRATE_LIVE | VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE
        | VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_ABORT_ON_ERROR;
    // virDomainMigrate3 blocks until the end; the job's progress and a
    // cancel go through the same connection meanwhile, from this thread.
    std::atomic_bool over{false};
    Error failure;
    std::thread worker([&] {
        virDomainPtr moved
            = virDomainMigrate3(domain.get(), transfer.target(), parameters.get(), parameters.count(), flags);
        if (moved == nullptr) {
            failure = Libvirt::lastError(i18nc("@info", "The machine could not move while it runs"));
        } else {
            virDomainFree(moved);
        }
        over = true;
    });
    bool aborted = false;
    while (!over) {
        QThread::msleep(250);
        if (transfer.context.cancel->load() && !aborted) {
            aborted = virDomainAbortJob(domain.get()) == 0;
            virResetLastError();
        }
        if (const auto [done, total] = progressOf(domain.get()); total > 0 && transfer.context.progress) {
            transfer.context.progress(step, done, total);
        }
    }
    worker.join();
    if (aborted && !failure.isEmpty()) {
        return Error{.message = i18nc("@info", "The move was cancelled; the machine runs where it was")};
    }
    return failure.isEmpty() ? Result<bool>(true) : Result<bool>(failure);
}

/// An empty volume on the target for each disk, which QEMU fills while the machine runs.
Step roomStep(const Shared &transfer, const ParentDisk &disk)
{
    const QString volume = transfer->volumes.value(disk.source);
    return MachineProvisioning::volumeStep(transfer->target(),
        i18nc("@info:progress %1 is a disk such as vda, %2 a node", "Make room for the disk %1 on %2", disk.target,
            transfer->context.target.name),
        transfer->order.pool, volume, [transfer, disk, volume] {
            return NodeVolumes::createEmpty(
                transfer->target(), transfer->order.pool, volume, disk.capacityBytes, disk.format);
        });
}

} // namespace

ProvisioningPlan livePlan(const Shared &transfer)
{
    ProvisioningPlan plan;
    plan.append(checkStep(transfer));
    for (const ParentDisk &disk : transfer->machine.copied) {
        plan.append(roomStep(transfer, disk));
    }
    if (transfer->machine.seedDisk) {
        plan.append(seedStep(transfer));
    }
    const qsizetype step = plan.size();
    plan.append({.title = i18nc("@info:progress %1 is a machine, %2 a node", "Move %1 to %2 while it runs",
                     transfer->machine.name, transfer->context.target.name),
        .run = [transfer, step] { return migrate(*transfer, step); }});
    plan.append(removeStep(transfer));
    return plan;
}

} // namespace Flotilla::MachineTransfer
