// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/machinesnapshots.h"

#include "libvirt/libvirthandles.h"

#include <KLocalizedString>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

namespace Flotilla::MachineSnapshots
{
namespace
{
using Kind = MachineRequest::Kind;

Result<QList<Snapshot>> read(virDomainPtr domain)
{
    virDomainSnapshotPtr *raw = nullptr;
    const int count = virDomainListAllSnapshots(domain, &raw, 0);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read the machine's snapshots"));
    }
    QList<Snapshot> snapshots;
    for (const Libvirt::DomainSnapshot &handle : Libvirt::adoptList<Libvirt::DomainSnapshot>(raw, count)) {
        char *xml = virDomainSnapshotGetXMLDesc(handle.get(), 0);
        if (!xml) {
            return Libvirt::lastError(i18nc("@info", "Could not read the machine's snapshots"));
        }
        const Result<Snapshot> parsed = Snapshots::parse(QByteArray(xml));
        free(xml); // NOLINT(cppcoreguidelines-no-malloc): libvirt's allocation
        if (!parsed) {
            return parsed.error();
        }
        Snapshot snapshot = parsed.value();
        snapshot.current = virDomainSnapshotIsCurrent(handle.get(), 0) == 1;
        snapshots.append(snapshot);
    }
    virResetLastError();
    return snapshots;
}

/// Takes, reverts to or deletes a snapshot; the error, or nothing.
Error change(virDomainPtr domain, const MachineRequest &request)
{
    if (request.kind == Kind::TakeSnapshot) {
        const Result<QByteArray> xml = Snapshots::request(request.snapshot, request.description, request.withMemory);
        if (!xml) {
            return xml.error();
        }
        int state = VIR_DOMAIN_NOSTATE;
        virDomainGetState(domain, &state, nullptr, 0);
        // A running machine's snapshot without its memory: its disks only, as
        // overlays (libvirt's internal snapshots of a running machine always hold the memory).
        const bool diskOnly = !request.withMemory && (state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_PAUSED);
        const unsigned flags = diskOnly ? VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY | VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC : 0;
        const Libvirt::DomainSnapshot made(virDomainSnapshotCreateXML(domain, xml.value().constData(), flags));
        return made ? Error{} : Libvirt::lastError(i18nc("@info", "Could not take the snapshot"));
    }
    const Libvirt::DomainSnapshot snapshot(
        virDomainSnapshotLookupByName(domain, request.snapshot.toUtf8().constData(), 0));
    if (!snapshot) {
        return Libvirt::lastError(i18nc("@info", "The snapshot %1 is not there", request.snapshot));
    }
    if (request.kind == Kind::RevertSnapshot) {
        return virDomainRevertToSnapshot(snapshot.get(), 0) == 0
            ? Error{}
            : Libvirt::lastError(i18nc("@info", "Could not go back to the snapshot"));
    }
    const unsigned flags = request.withChildren ? VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN : 0;
    return virDomainSnapshotDelete(snapshot.get(), flags) == 0
        ? Error{}
        : Libvirt::lastError(i18nc("@info", "Could not delete the snapshot"));
}
} // namespace

bool handles(MachineRequest::Kind kind)
{
    return kind == Kind::ReadSnapshots || kind == Kind::TakeSnapshot || kind == Kind::RevertSnapshot
        || kind == Kind::DeleteSnapshot;
}

MachineRequestResult perform(virDomainPtr domain, const MachineRequest &request)
{
    MachineRequestResult result{.uuid = request.uuid};
    if (request.kind != Kind::ReadSnapshots) {
        result.error = change(domain, request);
    }
    if (Result<QList<Snapshot>> now = read(domain)) {
        result.snapshots = now.value();
    } else if (result.error.isEmpty()) {
        result.error = now.error();
    }
    return result;
}

} // namespace Flotilla::MachineSnapshots
