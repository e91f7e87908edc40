// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include "workloads/fleetautoscaler.h"
#include "workloads/workload.h"
#include "workloads/workloadchange.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQmlIntegration>

#include <memory>

namespace Flotilla
{

/// The fleet's workloads, as their replicas on the nodes make them up, and
/// what a person does to one: scale it, start, stop or restart its
/// replicas, delete it. One change at a time per workload; its progress
/// and outcome are the workload's `change` and `changeSummary`.
class WorkloadListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::FleetView *fleet READ view WRITE setView NOTIFY fleetChanged REQUIRED)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        WorkloadIdRole = Qt::UserRole + 1,
        NameRole,
        DesiredRole, ///< replicas the policy asks for
        ReplicaCountRole, ///< replicas there are
        RunningRole,
        NodeNamesRole, ///< "Helsinki, Toronto"
        NodeIdsRole,
        CountriesRole, ///< ISO codes
        ImageRole,
        SizeTextRole, ///< "1 vCPU, 512 MiB, 20 GiB"
        PolicyTextRole, ///< "Spread over countries; all or nothing"
        SpreadRole, ///< "nodes", "countries", "pack"
        DisagreementsRole,
        ReplicasRole, ///< per replica: name, nodeId, nodeName, uuid, state, running, addresses, dataDisk
        TemplateJsonRole,
        ChangingRole, ///< a change is under way
        ChangeSummaryRole, ///< how the last change ended
        ChangeStepsRole, ///< the change's steps: name, nodeName, kind, state, error
        AutoscaleRole, ///< its autoscaler is on
        AutoscalingRole, ///< the autoscaler's policy: metric ("cpu", "memory"), target, minimum, maximum, dryRun
        ScaledByRole, ///< who acts on it now: "" (nobody), "self", or the person holding the lease
        EventsRole, ///< the autoscaler's decisions here, newest first: at, text
        SimulatedLoadRole, ///< the demo's load knob, in percent; -1 when off
        ClusterRole, ///< the k3s cluster its replicas are part of, or empty
    };
    Q_ENUM(Role)

    explicit WorkloadListModel(QObject *parent = nullptr);
    ~WorkloadListModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] FleetView *view() const { return m_view; }
    void setView(FleetView *view);
    [[nodiscard]] int count() const { return int(m_workloads.size()); }

    /// The row of workload @p workloadId, or -1.
    Q_INVOKABLE [[nodiscard]] int rowOf(const QString &workloadId) const;
    /// Every role of workload @p workloadId by its name; empty when it is gone.
    Q_INVOKABLE [[nodiscard]] QVariantMap get(const QString &workloadId) const;
    /// Why @p workloadId cannot be scaled to @p replicas now; empty if it can.
    Q_INVOKABLE [[nodiscard]] QString scaleProblem(const QString &workloadId, int replicas) const;
    /// Where the new replicas would go, for a scale up: one text per node that takes some.
    Q_INVOKABLE [[nodiscard]] QStringList scalePreview(const QString &workloadId, int replicas) const;
    /// The replicas a scale down to @p replicas removes, with their data disks: maps with name, nodeName, dataDisk.
    Q_INVOKABLE [[nodiscard]] QVariantList scaleRemoves(const QString &workloadId, int replicas) const;
    /// Scales @p workloadId to @p replicas: new ones placed by its policy, or
    /// those it values least removed, their data disks with them if @p deleteData.
    Q_INVOKABLE void scale(const QString &workloadId, int replicas, bool deleteData);
    /// Removes every replica; data disks too if @p deleteData.
    Q_INVOKABLE void remove(const QString &workloadId, bool deleteData);
    Q_INVOKABLE void start(const QString &workloadId);
    Q_INVOKABLE void stop(const QString &workloadId);
    /// Restarts the running replicas one after another.
    Q_INVOKABLE void restart(const QString &workloadId);
    /// Turns the autoscaler of @p workloadId on or off, with its metric
    /// ("cpu" or "memory"), target in percent, bounds and dry-run mode: the
    /// policy is written to every replica.
    Q_INVOKABLE void setAutoscale(
        const QString &workloadId, bool on, const QString &metric, int target, int minimum, int maximum, bool dryRun);
    /// What of workload @p workloadId's template a person changes from its
    /// page: image, vcpus, memoryMiB, rootGiB, packages (separated by spaces).
    Q_INVOKABLE [[nodiscard]] QVariantMap templateFields(const QString &workloadId) const;
    /// The images every node holding one of its replicas has: what a new template may use.
    Q_INVOKABLE [[nodiscard]] QStringList imagesFor(const QString &workloadId) const;
    /// Why its template cannot be changed to @p fields now; empty if it can.
    Q_INVOKABLE [[nodiscard]] QString replaceProblem(const QString &workloadId, const QVariantMap &fields) const;
    /// Changes its template to @p fields and replaces its replicas with new
    /// ones made from it, @p atATime at a time, each on its old one's node:
    /// the new one is made and started, then the old one removed; data disks
    /// move to the new ones.
    Q_INVOKABLE void replaceTemplate(const QString &workloadId, const QVariantMap &fields, int atATime);
    /// The demo's knob: its replicas run at least at @p percent; -1 lifts it.
    Q_INVOKABLE void setSimulatedLoad(const QString &workloadId, int percent);

    [[nodiscard]] const QList<Workload> &workloads() const { return m_workloads; }

Q_SIGNALS:
    void fleetChanged();
    void countChanged();
    /// A change or an action could not be done: said in a sentence.
    void problem(const QString &workloadId, const QString &message);

private:
    void gather();
    /// Workload @p workloadId with its template changed to @p fields.
    [[nodiscard]] Workload withTemplate(const Workload &workload, const QVariantMap &fields) const;
    [[nodiscard]] const Workload *find(const QString &workloadId) const;
    void run(const QString &workloadId, std::unique_ptr<WorkloadChange> change);
    void send(const Workload &workload, MachineRequest::Kind kind, bool runningOnly);
    void restartNext(const QString &workloadId);
    [[nodiscard]] QVariantList replicasOf(const Workload &workload) const;
    [[nodiscard]] QVariantList stepsOf(const QString &workloadId) const;
    [[nodiscard]] QString nodeName(const QString &nodeId) const;
    void changedRow(const QString &workloadId);

    QPointer<FleetView> m_view;
    std::unique_ptr<FleetAutoscaler> m_autoscaler;
    QList<Workload> m_workloads;
    QTimer m_gathering; ///< gathers once for a burst of changes
    std::map<QString, std::unique_ptr<WorkloadChange>> m_changes; ///< the latest of each workload
    QHash<QString, QStringList> m_restarting; ///< replicas still to restart, by workload
    QHash<quint64, QString> m_restartRequests; ///< request id → workload
};

} // namespace Flotilla
