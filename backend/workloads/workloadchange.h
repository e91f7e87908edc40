// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleet.h"
#include "workloads/workload.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace Flotilla
{

/// One change to a workload on the fleet: replicas made where a placement
/// plan puts them, replicas removed, or both (a rolling replace). Replicas
/// on different nodes are made in parallel, at most two at a time on one
/// node. When a replica fails, the workload's policy says what follows:
/// all-or-nothing undoes every replica this change made; best effort tries
/// the replica once more on the next best node, then reports it. When the
/// change is through, every replica left carries the workload's new policy.
class WorkloadChange : public QObject
{
    Q_OBJECT

public:
    /// Plans at once on one node: a third would mostly wait for the node's disks.
    static constexpr int plansPerNode = 2;

    struct Step {
        enum class Kind {
            Make,
            Remove,
        };
        enum class State {
            Waiting,
            Running,
            Done,
            Failed,
            Undoing,
            Undone,
        };
        Kind kind = Kind::Make;
        State state = State::Waiting;
        int index = -1; ///< the replica's
        QString name;
        QString nodeId;
        QString pool; ///< Make: where its disks go
        QString uuid;
        QStringList volumes; ///< what deleting it deletes ("pool/volume" or paths)
        bool retried = false; ///< Make: moved once to the next best node
        QString error;
        /// In a rolling replace: the step this one waits for (the old
        /// replica's removal waits for its successor, or the successor for
        /// the removal that frees its data disk), and its wave: a wave
        /// starts once the one before has ended.
        qsizetype after = -1;
        int wave = 0;
        /// Make: an existing data disk it takes over ("pool/volume").
        QString dataVolume;
    };

    /// A step's state as the UI names it: "waiting", "running", "done", "failed", "undoing", "undone".
    [[nodiscard]] static QString stateName(Step::State state);

    /// A change to @p workload: its id, name, template and (new) policy.
    WorkloadChange(Fleet *fleet, Workload workload, QObject *parent = nullptr);

    /// @p workload scaled to @p replicas, its policy asking for as many from
    /// now: new replicas placed by its policy on @p fleet as it stands, or
    /// those it values least removed (their data disks too if @p deleteData).
    /// Not started.
    [[nodiscard]] static std::unique_ptr<WorkloadChange> scaling(
        Fleet *fleet, Workload workload, int replicas, bool deleteData);

    /// Makes one new replica on each node of @p nodeIds (with its pool in
    /// @p pools), as a placement plan (perhaps moved by hand) says.
    void make(const QStringList &nodeIds, const QStringList &pools);
    /// Removes @p replicas; their data disks too when @p deleteData.
    void remove(const QList<Replica> &replicas, bool deleteData);
    /// Replaces @p replicas with new ones made from the workload's template,
    /// on the same nodes, @p atATime at a time. A replica with a data disk
    /// hands it to its successor: it is removed first, keeping the disk.
    void replace(const QList<Replica> &replicas, int atATime);

    /// Replaces @p replicas with new ones on other nodes: replica i's
    /// successor is made on @p nodeIds[i] (its disks in @p pools[i]) under a
    /// new name, and the old one is removed once it is made, so the
    /// workload never has fewer (a node drained).
    void moveOff(const QList<Replica> &replicas, const QStringList &nodeIds, const QStringList &pools);

    /// When the change is through, every replica left carries its template
    /// too (a cluster's first server, once the template knows its address).
    void recordTemplate() { m_recordTemplate = true; }

    /// Starts; a template that asks for secrets (WorkloadSecrets) has them
    /// found in the keyring first, and without them nothing is made.
    void start();
    /// Makes no more replicas; those being made are undone.
    void cancel();

    [[nodiscard]] const Workload &workload() const { return m_workload; }
    [[nodiscard]] const QList<Step> &steps() const { return m_steps; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] bool succeeded() const { return m_succeeded; }
    /// What became of the change, in a sentence or two.
    [[nodiscard]] const QString &summary() const { return m_summary; }

Q_SIGNALS:
    void stepChanged(qsizetype index);
    void finished();

private:
    void launch();
    /// Fails every step still waiting, with @p why.
    void failWaiting(const QString &why);
    /// Whether Waiting step @p index may start, with @p running plans on
    /// each node and @p openWave the first wave not through.
    [[nodiscard]] bool mayStart(qsizetype index, const QHash<QString, int> &running, int openWave) const;
    void startMake(qsizetype index);
    /// Hands a Make step's order to the fleet once its seed is made.
    void sendOrder(qsizetype index, MachineOrder order, const Result<CloudInit::Seed> &seed);
    void startRemove(qsizetype index);
    void onProvisioned(const QString &nodeId, const ProvisioningResult &result);
    void onRequestFinished(const QString &nodeId, const MachineRequestResult &result);
    void setState(qsizetype index, Step::State state, const QString &error = {});
    /// Best effort: moves a failed Make step to the next best node; false if there is none.
    bool moveElsewhere(qsizetype index);
    void undo();
    void writePolicy();
    void finish();
    [[nodiscard]] MachineOrder orderFor(const Step &step) const;

    QPointer<Fleet> m_fleet;
    Workload m_workload;
    MachineMetadata m_replicaMetadata; ///< what every new replica carries, but its index
    QHash<QString, QString> m_secrets; ///< what the template's setup asks for, from the keyring
    QList<Step> m_steps;
    QHash<quint64, qsizetype> m_jobs; ///< provisioning jobs and requests, by id: their step
    QHash<quint64, qsizetype> m_requests;
    int m_policyWrites = 0; ///< SetMetadata requests outstanding
    QStringList m_policyErrors;
    bool m_started = false;
    bool m_recordTemplate = false;
    bool m_undoing = false;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_succeeded = false;
    QString m_summary;
};

} // namespace Flotilla
