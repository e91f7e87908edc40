// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/domainxml.h"
#include "model/snapshot.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

typedef struct _virConnect *virConnectPtr;

namespace Flotilla
{

/// Something a person asked of one machine. A plain value: it travels to
/// the node's session thread, which carries it out (MachineRequests::perform).
struct MachineRequest {
    enum class Kind {
        Start,
        Shutdown, ///< asks the guest to power off (ACPI)
        Reboot, ///< asks the guest to restart
        ForceOff, ///< pulls the plug
        Pause,
        Resume,
        Delete, ///< forgets the machine (forcing it off first), and deletes the volumes confirmed
        SetVcpus, ///< now, and from the next boot on
        SetMemory, ///< now (balloon), and from the next boot on
        SetMaxVcpus, ///< from the next boot on
        SetMaxMemory, ///< from the next boot on
        SetMetadata, ///< Flotilla's metadata element (tags, note, ...)
        ReadGuestFile, ///< a file inside the guest, read through its guest agent
        ReadSnapshots, ///< its snapshots, in the result
        TakeSnapshot, ///< named snapshot, with description, holding the memory if withMemory
        RevertSnapshot, ///< back to the snapshot named snapshot
        DeleteSnapshot, ///< the snapshot named snapshot; its children too if withChildren
    };

    Kind kind = Kind::Start;
    QString uuid;
    /// Delete: the disks (paths) the person confirmed for deletion. Only
    /// these go, and only while they are still this machine's disks and no
    /// other machine on the node uses them; the rest are kept, with a warning.
    QStringList volumes;
    int vcpus = 0; ///< SetVcpus, SetMaxVcpus
    quint64 memoryBytes = 0; ///< SetMemory, SetMaxMemory
    MachineMetadata metadata; ///< SetMetadata
    QString path; ///< ReadGuestFile
    QString snapshot; ///< the snapshot requests: its name
    QString description; ///< TakeSnapshot
    bool withMemory = false; ///< TakeSnapshot
    bool withChildren = false; ///< DeleteSnapshot
};

/// How a request ended: nothing in error when it worked. @p warnings holds
/// what worked only in part (a disk that could not be deleted, say).
struct MachineRequestResult {
    quint64 requestId = 0;
    QString uuid;
    Error error;
    QStringList warnings;
    QByteArray data; ///< ReadGuestFile: the file
    QList<Snapshot> snapshots; ///< the snapshot requests: the machine's snapshots after it
};

namespace MachineRequests
{
/// Carries out @p request on @p connection, on the calling (session) thread.
MachineRequestResult perform(virConnectPtr connection, const MachineRequest &request);
/// "Could not start the machine": the message of a request of @p kind that failed.
QString failureMessage(MachineRequest::Kind kind);
} // namespace MachineRequests

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::MachineRequestResult)
