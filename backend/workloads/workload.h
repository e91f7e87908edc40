// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/inventory.h"
#include "workloads/autoscaler.h"
#include "workloads/machinetemplate.h"
#include "workloads/placement.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Flotilla
{

/// How many replicas a workload should have, where they go, what a failed
/// replica does to a deployment, and its autoscaler. Every replica carries
/// it in its metadata (as JSON); where replicas hold different ones, the
/// one changed last holds.
struct WorkloadPolicy {
    enum class OnFailure {
        AllOrNothing, ///< every replica made is undone
        BestEffort, ///< a failed replica is tried once more on the next best node, then reported
    };
    int replicas = 1; ///< how many there should be
    Placement::Policy placement;
    OnFailure onFailure = OnFailure::AllOrNothing;
    bool autoscale = false;
    bool dryRun = false; ///< the autoscaler explains its decisions without acting on them
    Autoscaling::Policy autoscaling;
    QDateTime changed; ///< when it was set, in UTC; the newest wins

    bool operator==(const WorkloadPolicy &) const = default;
};

/// Who lets a workload's autoscaler act, and until when: only one Flotilla
/// does, among the teammates who have one open. Kept in the replicas'
/// metadata as "holder until".
struct Lease {
    QString holder; ///< "alice@desktop#1234"
    QDateTime until;

    [[nodiscard]] static Lease parse(const QString &text);
    [[nodiscard]] QString text() const;
    /// Held by someone at @p now.
    [[nodiscard]] bool isHeld(const QDateTime &now) const { return !holder.isEmpty() && until > now; }
    bool operator==(const Lease &) const = default;
};

/// One replica of a workload, as its node holds it.
struct Replica {
    QString nodeId;
    QString uuid;
    QString name;
    int index = -1;
    MachineState state = MachineState::Unknown;
    QString templateHash;
    QDateTime created;
    bool unfinished = false; ///< still being made
    int vcpus = 0;
    quint64 memoryBytes = 0;
    QList<Disk> disks;
    QStringList addresses;
};

/// A named group of replicas made from one template, rebuilt from what the
/// replicas carry: no local database, so any Flotilla that knows the nodes
/// sees the same workloads.
struct Workload {
    QString id;
    QString name;
    MachineTemplate machineTemplate;
    QString templateHash;
    WorkloadPolicy policy;
    Lease lease;
    QList<Replica> replicas; ///< oldest first
    /// Where its replicas disagree, and which one holds: "2 replicas hold
    /// another template; the newest replica's is shown".
    QStringList disagreements;

    [[nodiscard]] int running() const;
    /// Its replicas' indices in use.
    [[nodiscard]] QList<int> indices() const;
};

namespace Workloads
{

/// A new workload's id: 8 hex digits.
[[nodiscard]] QString newId();
/// A replica's machine name: "web-03".
[[nodiscard]] QString replicaName(const QString &workload, int index);

[[nodiscard]] QByteArray policyJson(const WorkloadPolicy &policy);
/// A policy from a replica's metadata, checked: it came from a node.
[[nodiscard]] Result<WorkloadPolicy> policyFromJson(const QByteArray &json);

/// The metadata replica @p index of @p workload carries.
[[nodiscard]] MachineMetadata replicaMetadata(const Workload &workload, int index);

/// The @p count replicas of @p workload that its policy values least, to
/// remove first: the newest; under a spread policy, the newest on the node
/// that holds the most.
[[nodiscard]] QList<Replica> toRemove(const Workload &workload, int count);

/// The data disk Flotilla made for @p replica ("pool/volume" or a path), or empty.
[[nodiscard]] QString dataDiskOf(const Replica &replica);

/// A machine seen on a node.
struct Seen {
    QString nodeId;
    const Machine *machine = nullptr;
};

/// The workloads the replicas among @p machines make up, by name.
[[nodiscard]] QList<Workload> gather(const QList<Seen> &machines);

} // namespace Workloads

} // namespace Flotilla
