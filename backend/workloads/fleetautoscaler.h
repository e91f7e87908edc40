// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleet.h"
#include "workloads/autoscaler.h"
#include "workloads/workload.h"
#include "workloads/workloadchange.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>
#include <memory>

namespace Flotilla
{

/// The autoscalers of the fleet's workloads, run by this Flotilla while it
/// is open. Of the teammates who have Flotilla open, only the one holding a
/// workload's lease acts on it: the lease (holder and expiry) is written to
/// every replica's metadata, renewed while this Flotilla runs, and taken
/// over once it expires. A lease taken is acted on from the next round,
/// once the fleet's picture shows it held here. Every decision becomes an
/// event with its reason; in dry-run mode nothing else happens.
///
/// libvirt has no compare-and-swap on metadata: two Flotillas taking an
/// expired lease in the same second may both write it; the replicas then
/// hold one of the two, and the other Flotilla sees it has lost the lease in
/// its next round, before it acts (docs/WORKLOADS.md).
class FleetAutoscaler : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds leaseTime{60};

    struct Event {
        QDateTime at;
        QString text;
    };

    /// How fast it runs: how often it decides, and the autoscaler's windows
    /// (the demo runs faster, to be watched).
    struct Pace {
        std::chrono::milliseconds interval{15000};
        std::chrono::seconds booting{180};
        std::chrono::seconds downWindow{300};
    };

    /// @p holder names this Flotilla in leases: "alice@desktop#4242".
    explicit FleetAutoscaler(Fleet *fleet, const QString &holder = defaultHolder(), QObject *parent = nullptr);
    ~FleetAutoscaler() override;

    [[nodiscard]] static QString defaultHolder();
    /// The person a lease's holder names: "alice@desktop".
    [[nodiscard]] static QString personOf(const QString &holder);

    void setPace(const Pace &pace);
    /// Starts deciding every interval.
    void start();
    /// One round: every workload with an autoscaler is looked at now.
    void decideNow();
    /// The clock it reads (the tests set their own).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    [[nodiscard]] const QString &holder() const { return m_holder; }
    /// What it decided for @p workloadId, newest last.
    [[nodiscard]] QList<Event> events(const QString &workloadId) const;
    /// A change it has under way for @p workloadId.
    [[nodiscard]] bool isChanging(const QString &workloadId) const;

Q_SIGNALS:
    /// Its events or a change of @p workloadId changed.
    void changed(const QString &workloadId);

private:
    struct Scaled {
        std::unique_ptr<Autoscaling::Autoscaler> autoscaler;
        Autoscaling::Policy policy;
        QList<Event> events;
        std::unique_ptr<WorkloadChange> change;
        QString lastReason;
    };

    void consider(const Workload &workload, const QDateTime &now);
    /// Whether this Flotilla may act on @p workload now; takes or renews its lease.
    bool holdLease(const Workload &workload, Scaled &scaled, const QDateTime &now);
    [[nodiscard]] QList<Autoscaling::Replica> replicasOf(const Workload &workload) const;
    void note(const QString &workloadId, Scaled &scaled, const QString &text, const QDateTime &now);

    QPointer<Fleet> m_fleet;
    QString m_holder;
    Pace m_pace;
    QTimer m_timer;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    std::map<QString, Scaled> m_workloads;
    std::vector<std::unique_ptr<WorkloadChange>> m_leaseWrites; ///< writing leases, not yet through
};

} // namespace Flotilla
