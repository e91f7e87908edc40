// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/fleetautoscaler.h"

#include "provisioning/machineprovisioning.h"
#include "workloads/fleetworkloads.h"

#include <KLocalizedString>

#include <QCoreApplication>

namespace Flotilla
{

namespace
{
constexpr qsizetype eventsKept = 50;
}

FleetAutoscaler::FleetAutoscaler(Fleet *fleet, const QString &holder, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_holder(holder)
{
    connect(&m_timer, &QTimer::timeout, this, &FleetAutoscaler::decideNow);
}

FleetAutoscaler::~FleetAutoscaler() = default;

QString FleetAutoscaler::defaultHolder()
{
    return MachineProvisioning::creatorHere() + QLatin1Char('#') + QString::number(QCoreApplication::applicationPid());
}

QString FleetAutoscaler::personOf(const QString &holder)
{
    return holder.section(QLatin1Char('#'), 0, 0);
}

void FleetAutoscaler::setPace(const Pace &pace)
{
    m_pace = pace;
    m_timer.setInterval(pace.interval);
    m_workloads.clear(); // their autoscalers start again at the new pace
}

void FleetAutoscaler::start()
{
    m_timer.start(m_pace.interval);
}

QList<FleetAutoscaler::Event> FleetAutoscaler::events(const QString &workloadId) const
{
    const auto found = m_workloads.find(workloadId);
    return found == m_workloads.end() ? QList<Event>{} : found->second.events;
}

bool FleetAutoscaler::isChanging(const QString &workloadId) const
{
    const auto found = m_workloads.find(workloadId);
    return found != m_workloads.end() && found->second.change && !found->second.change->isFinished();
}

void FleetAutoscaler::decideNow()
{
    if (!m_fleet) {
        return;
    }
    const QDateTime now = m_clock();
    std::erase_if(m_leaseWrites, [](const auto &write) { return write->isFinished(); });
    QSet<QString> seen;
    for (const Workload &workload : FleetWorkloads::gather(*m_fleet)) {
        seen.insert(workload.id);
        consider(workload, now);
    }
    std::erase_if(
        m_workloads, [&](const auto &entry) { return !seen.contains(entry.first) && !isChanging(entry.first); });
}

void FleetAutoscaler::note(const QString &workloadId, Scaled &scaled, const QString &text, const QDateTime &now)
{
    scaled.events.append({now, text});
    if (scaled.events.size() > eventsKept) {
        scaled.events.removeFirst();
    }
    Q_EMIT changed(workloadId);
}

bool FleetAutoscaler::holdLease(const Workload &workload, Scaled &scaled, const QDateTime &now)
{
    const Lease &lease = workload.lease;
    if (lease.isHeld(now) && lease.holder != m_holder) {
        const QString text
            = i18nc("@info autoscaler", "Scaled by %1 while their Flotilla is open.", personOf(lease.holder));
        if (scaled.lastReason != text) {
            scaled.lastReason = text;
            note(workload.id, scaled, text, now);
        }
        return false;
    }
    const bool ours = lease.holder == m_holder && lease.isHeld(now);
    if (ours && now.secsTo(lease.until) > leaseTime.count() / 2) {
        return true;
    }
    // Taken, or renewed while half its time is left: written to every replica.
    Workload leased = workload;
    leased.lease = Lease{.holder = m_holder, .until = now.addSecs(leaseTime.count())};
    auto write = std::make_unique<WorkloadChange>(m_fleet, leased);
    write->start();
    m_leaseWrites.push_back(std::move(write));
    if (!ours) {
        note(workload.id, scaled, i18nc("@info autoscaler", "This Flotilla scales the workload from now on."), now);
    }
    return ours; // a lease just taken is acted on once the replicas show it
}

QList<Autoscaling::Replica> FleetAutoscaler::replicasOf(const Workload &workload) const
{
    QList<Autoscaling::Replica> replicas;
    for (const Replica &replica : workload.replicas) {
        Autoscaling::Replica seen;
        const bool running = replica.state == MachineState::Running || replica.state == MachineState::Blocked;
        // A replica's boot is counted from when it was made: libvirt does not say when a machine last started.
        seen.started = running && !replica.unfinished ? replica.created : QDateTime();
        const qsizetype node = m_fleet->indexOf(replica.nodeId);
        if (running && node >= 0) {
            const Fleet::Node &held = m_fleet->nodes().at(node);
            const auto rates = held.machineRates.constFind(replica.uuid);
            if (rates != held.machineRates.cend()) {
                const double value = workload.policy.autoscaling.metric == Autoscaling::Policy::Metric::Cpu
                    ? at(rates->rates, Channel::CpuPercent)
                    : at(rates->rates, Channel::MemoryUsedBytes) * 100.0
                        / double(std::max<quint64>(replica.memoryBytes, 1));
                if (!std::isnan(value)) {
                    seen.load = value;
                }
            }
        }
        replicas.append(seen);
    }
    return replicas;
}

void FleetAutoscaler::consider(const Workload &workload, const QDateTime &now)
{
    if (!workload.policy.autoscale) {
        if (!isChanging(workload.id)) { // a change under way ends first, with its undo
            m_workloads.erase(workload.id);
        }
        return;
    }
    Scaled &scaled = m_workloads[workload.id];
    Autoscaling::Policy policy = workload.policy.autoscaling;
    policy.booting = m_pace.booting;
    policy.downWindow = m_pace.downWindow;
    if (!scaled.autoscaler || !(scaled.policy == policy)) {
        scaled.autoscaler = std::make_unique<Autoscaling::Autoscaler>(policy);
        scaled.policy = policy;
    }
    if (isChanging(workload.id) || !holdLease(workload, scaled, now)) {
        return;
    }
    const Autoscaling::Decision decision = scaled.autoscaler->decide(replicasOf(workload), now);
    if (!decision.changes()) {
        if (scaled.lastReason != decision.reason) {
            scaled.lastReason = decision.reason;
            note(workload.id, scaled, decision.reason, now);
        }
        return;
    }
    scaled.lastReason = decision.reason;
    if (workload.policy.dryRun) {
        note(workload.id, scaled, i18nc("@info autoscaler", "Dry run, nothing done: %1", decision.reason), now);
        return;
    }
    note(workload.id, scaled, decision.reason, now);
    // Replicas it removes keep their data disks: nothing is lost that a person did not choose to lose.
    scaled.change = WorkloadChange::scaling(m_fleet, workload, decision.desired, false);
    const QString id = workload.id;
    connect(scaled.change.get(), &WorkloadChange::finished, this, [this, id] {
        const auto found = m_workloads.find(id);
        if (found != m_workloads.end() && found->second.change && !found->second.change->succeeded()) {
            note(id, found->second, found->second.change->summary(), m_clock());
        }
        Q_EMIT changed(id);
    });
    scaled.change->start();
}

} // namespace Flotilla
