// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/machinerequest.h"

#include "libvirt/libvirthandles.h"
#include "provisioning/imagelibrary.h"
#include "provisioning/nodevolumes.h"
#include "session/inventoryreader.h"
#include "session/machinesnapshots.h"

#include <KLocalizedString>

#include <QJsonDocument>
#include <QJsonObject>

#include <libvirt/libvirt-qemu.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <algorithm>
#include <functional>

namespace Flotilla::MachineRequests
{
namespace
{
/// Applies @p change to the running machine and to its definition for the
/// next boot, as far as the machine has each. Two calls, because some
/// drivers (libvirt's test driver) refuse both flags in one.
int nowAndLater(virDomainPtr domain, const std::function<int(unsigned)> &change)
{
    const bool active = virDomainIsActive(domain) == 1;
    const bool persistent = virDomainIsPersistent(domain) == 1;
    if (active && change(VIR_DOMAIN_AFFECT_LIVE) < 0) {
        return -1;
    }
    return persistent ? change(VIR_DOMAIN_AFFECT_CONFIG) : 0;
}

/// Deletes the storage volumes behind @p paths; what could not be deleted comes back as warnings.
QStringList deleteVolumes(virConnectPtr connection, const QStringList &paths)
{
    QStringList warnings;
    for (const QString &path : paths) {
        const Libvirt::Volume volume = NodeVolumes::volumeAt(connection, path);
        if (!volume) {
            warnings.append(Libvirt::lastError(i18nc("@info", "%1 is not a storage volume and was kept", path)).text());
        } else if (virStorageVolDelete(volume.get(), 0) < 0) {
            warnings.append(Libvirt::lastError(i18nc("@info", "Could not delete %1", path)).text());
        }
    }
    return warnings;
}

/// The confirmed volumes of a machine to delete, sorted into those that go and those kept (as warnings).
struct Disposal {
    QStringList deleted;
    QStringList warnings;

    void keepAll(const QStringList &paths, const QString &reason)
    {
        for (const QString &path : paths) {
            warnings.append(i18nc("@info %1 is a path, %2 why it was kept", "Kept %1: %2", path, reason));
        }
    }
};

/// Of @p confirmed, what may go with @p machine: its own disks (as the node
/// has them now, not as they were shown) that no other machine on the node
/// uses, as its disk or as the base image under one.
Disposal sortVolumes(virConnectPtr connection, virDomainPtr machine, const QStringList &confirmed)
{
    Disposal disposal;
    const InventoryReader::Definition own = InventoryReader::readDefinition(machine);
    if (!own.description) {
        disposal.keepAll(confirmed, i18nc("@info why a disk was kept", "the machine's disks could not be read"));
        return disposal;
    }
    const Result<QHash<QString, QStringList>> users
        = InventoryReader::machinesUsing(connection, confirmed, own.description.value().uuid);
    if (!users) {
        disposal.keepAll(confirmed,
            i18nc("@info why a disk was kept", "the node's other machines could not be listed: %1",
                users.error().text()));
        return disposal;
    }
    for (const QString &path : confirmed) {
        // Its disks, and the seed Flotilla made for it; never an installer or another CD-ROM.
        const bool mine = std::ranges::any_of(own.description.value().disks, [&](const Disk &disk) {
            return disk.source == path
                && (disk.device == QLatin1StringView("disk")
                    || ImageLibrary::isMachineVolume(path.section(QLatin1Char('/'), -1)));
        });
        if (!mine) {
            disposal.keepAll({path}, i18nc("@info why a disk was kept", "it is no longer a disk of this machine"));
        } else if (const QStringList names = users.value().value(path); !names.isEmpty()) {
            disposal.keepAll({path},
                i18nc("@info why a disk was kept, %1 machine names", "used by %1", names.join(QStringLiteral(", "))));
        } else {
            disposal.deleted.append(path);
        }
    }
    return disposal;
}

Result<QStringList> forget(virConnectPtr connection, virDomainPtr domain, const QStringList &volumes)
{
    // Sorted before the machine goes: its definition says which disks are its own.
    const Disposal disposal = volumes.isEmpty() ? Disposal{} : sortVolumes(connection, domain, volumes);
    const bool persistent = virDomainIsPersistent(domain) == 1;
    if (virDomainIsActive(domain) == 1 && virDomainDestroy(domain) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not force the machine off before deleting it"));
    }
    constexpr unsigned everything = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA
        | VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA | VIR_DOMAIN_UNDEFINE_NVRAM;
    // Not every driver knows NVRAM and checkpoints (the test driver does not):
    // where the full set is refused as unsupported, the rest is enough.
    constexpr unsigned common = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA;
    if (persistent && virDomainUndefineFlags(domain, everything) < 0
        && (virGetLastErrorCode() != VIR_ERR_INVALID_ARG || virDomainUndefineFlags(domain, common) < 0)) {
        return Libvirt::lastError(i18nc("@info", "Could not delete the machine"));
    }
    return disposal.warnings + deleteVolumes(connection, disposal.deleted);
}

/// The guest agent's answer to @p command with @p arguments: its "return".
Result<QJsonValue> askAgent(virDomainPtr domain, const char *command, const QJsonObject &arguments)
{
    constexpr int seconds = 10;
    const QByteArray asked = QJsonDocument(
        QJsonObject{{QStringLiteral("execute"), QLatin1StringView(command)},
            {QStringLiteral("arguments"),
                arguments}}).toJson(QJsonDocument::Compact);
    char *answer = virDomainQemuAgentCommand(domain, asked.constData(), seconds, 0);
    if (!answer) {
        return Libvirt::lastError(i18nc("@info", "The guest agent did not answer"));
    }
    const QJsonObject object = QJsonDocument::fromJson(answer).object();
    free(answer);
    return object.value(QStringLiteral("return"));
}

/// The file at @p path inside the guest, up to 1 MiB, read through its agent.
Result<QByteArray> readGuestFile(virDomainPtr domain, const QString &path)
{
    constexpr int most = 1 << 20;
    const Result<QJsonValue> opened = askAgent(
        domain, "guest-file-open", {{QStringLiteral("path"), path}, {QStringLiteral("mode"), QStringLiteral("r")}});
    if (!opened) {
        return opened.error();
    }
    const QJsonObject handle{{QStringLiteral("handle"), opened.value()}};
    QJsonObject reading = handle;
    reading.insert(QStringLiteral("count"), most);
    const Result<QJsonValue> read = askAgent(domain, "guest-file-read", reading);
    (void)askAgent(domain, "guest-file-close", handle);
    if (!read) {
        return read.error();
    }
    return QByteArray::fromBase64(read.value().toObject().value(QStringLiteral("buf-b64")).toString().toLatin1());
}

/// Carries out @p request (not Delete); @p metadata is Flotilla's element, written, for SetMetadata.
int call(virDomainPtr domain, const MachineRequest &request, const QByteArray &metadata)
{
    using Kind = MachineRequest::Kind;
    const unsigned long kib = static_cast<unsigned long>(request.memoryBytes / 1024);
    switch (request.kind) {
    case Kind::Start:
        return virDomainCreate(domain);
    case Kind::Shutdown:
        return virDomainShutdown(domain);
    case Kind::Reboot:
        return virDomainReboot(domain, 0);
    case Kind::ForceOff:
        return virDomainDestroy(domain);
    case Kind::Pause:
        return virDomainSuspend(domain);
    case Kind::Resume:
        return virDomainResume(domain);
    case Kind::SetVcpus:
        return nowAndLater(
            domain, [&](unsigned flags) { return virDomainSetVcpusFlags(domain, unsigned(request.vcpus), flags); });
    case Kind::SetMemory:
        return nowAndLater(domain, [&](unsigned flags) { return virDomainSetMemoryFlags(domain, kib, flags); });
    case Kind::SetMaxVcpus:
        return virDomainSetVcpusFlags(
            domain, unsigned(request.vcpus), unsigned(VIR_DOMAIN_VCPU_MAXIMUM) | VIR_DOMAIN_AFFECT_CONFIG);
    case Kind::SetMaxMemory:
        return virDomainSetMemoryFlags(domain, kib, unsigned(VIR_DOMAIN_MEM_MAXIMUM) | VIR_DOMAIN_AFFECT_CONFIG);
    case Kind::SetMetadata:
        return nowAndLater(domain, [&](unsigned flags) {
            return virDomainSetMetadata(domain, VIR_DOMAIN_METADATA_ELEMENT, metadata.constData(),
                DomainXml::metadataPrefix, DomainXml::metadataNamespace, flags);
        });
    case Kind::Delete:
    case Kind::ReadGuestFile:
    case Kind::ReadSnapshots:
    case Kind::TakeSnapshot:
    case Kind::RevertSnapshot:
    case Kind::DeleteSnapshot:
        break; // see perform()
    }
    return -1;
}

} // namespace

QString failureMessage(MachineRequest::Kind kind)
{
    using Kind = MachineRequest::Kind;
    switch (kind) {
    case Kind::Start:
        return i18nc("@info", "Could not start the machine");
    case Kind::Shutdown:
        return i18nc("@info", "Could not shut down the machine");
    case Kind::Reboot:
        return i18nc("@info", "Could not reboot the machine");
    case Kind::ForceOff:
        return i18nc("@info", "Could not force the machine off");
    case Kind::Pause:
        return i18nc("@info", "Could not pause the machine");
    case Kind::Resume:
        return i18nc("@info", "Could not resume the machine");
    case Kind::Delete:
        return i18nc("@info", "Could not delete the machine");
    case Kind::SetVcpus:
    case Kind::SetMaxVcpus:
        return i18nc("@info", "Could not change the machine's vCPUs");
    case Kind::SetMemory:
    case Kind::SetMaxMemory:
        return i18nc("@info", "Could not change the machine's memory");
    case Kind::SetMetadata:
        return i18nc("@info", "Could not change the machine's tags and note");
    case Kind::ReadGuestFile:
        return i18nc("@info", "Could not read the file through the guest agent");
    case Kind::ReadSnapshots:
        return i18nc("@info", "Could not read the machine's snapshots");
    case Kind::TakeSnapshot:
        return i18nc("@info", "Could not take the snapshot");
    case Kind::RevertSnapshot:
        return i18nc("@info", "Could not go back to the snapshot");
    case Kind::DeleteSnapshot:
        return i18nc("@info", "Could not delete the snapshot");
    }
    return {};
}

MachineRequestResult perform(virConnectPtr connection, const MachineRequest &request)
{
    MachineRequestResult result{.uuid = request.uuid};
    const QString failed = failureMessage(request.kind);
    const Libvirt::Domain domain(virDomainLookupByUUIDString(connection, request.uuid.toLatin1().constData()));
    if (!domain) {
        result.error = Libvirt::lastError(failed);
        return result;
    }
    if (request.kind == MachineRequest::Kind::Delete) {
        Result<QStringList> forgotten = forget(connection, domain.get(), request.volumes);
        if (forgotten) {
            result.warnings = forgotten.value();
        } else {
            result.error = forgotten.error();
        }
        return result;
    }
    if (MachineSnapshots::handles(request.kind)) {
        MachineRequestResult done = MachineSnapshots::perform(domain.get(), request);
        done.requestId = result.requestId;
        return done;
    }
    if (request.kind == MachineRequest::Kind::ReadGuestFile) {
        if (Result<QByteArray> read = readGuestFile(domain.get(), request.path)) {
            result.data = read.value();
        } else {
            result.error = Error{.message = failed, .details = read.error().text()};
        }
        return result;
    }
    QByteArray metadata;
    if (request.kind == MachineRequest::Kind::SetMetadata) {
        const Result<QString> element = DomainXml::metadataElement(request.metadata);
        if (!element) { // nothing half-written reaches the node
            result.error = Error{.message = failed, .details = element.error().text()};
            return result;
        }
        metadata = element.value().toUtf8();
    }
    if (call(domain.get(), request, metadata) < 0) {
        result.error = Libvirt::lastError(failed);
    }
    return result;
}

} // namespace Flotilla::MachineRequests
