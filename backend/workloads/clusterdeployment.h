// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "workloads/k3scluster.h"
#include "workloads/workloadchange.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Flotilla
{

class SecretKeeper;

/// Deploys a k3s cluster in its order: the cluster's token is made and kept
/// in the keyring; the first server is made; once it has an address, the
/// other servers (which join it) and the agents (the cluster's workload,
/// which scales like any other) are made. Under all-or-nothing a failure
/// at any point removes every replica made, and forgets the token.
class ClusterDeployment : public QObject
{
    Q_OBJECT

public:
    enum class Stage {
        Planned,
        KeepingToken,
        MakingFirstServer,
        WaitingForAddress,
        MakingTheRest,
        Undoing,
        Done,
        Failed,
    };
    /// How long the first server may take to boot and get an address.
    static constexpr std::chrono::minutes addressWait{10};

    /// A cluster as @p order says, its agents placed by @p agentsPolicy
    /// (its replica count is the order's agents), its servers spread over
    /// nodes within the same countries and tags.
    ClusterDeployment(
        Fleet *fleet, const K3s::ClusterOrder &order, const WorkloadPolicy &agentsPolicy, QObject *parent = nullptr);
    ~ClusterDeployment() override;

    /// Where the servers and the agents go, as the fleet stands now; start() follows these plans.
    [[nodiscard]] const Placement::Plan &serverPlan() const { return m_serverPlan; }
    [[nodiscard]] const Placement::Plan &agentPlan() const { return m_agentPlan; }
    [[nodiscard]] const Workload &servers() const { return m_servers; }
    [[nodiscard]] const Workload &agents() const { return m_agents; }

    void start();
    void cancel();

    [[nodiscard]] Stage stage() const { return m_stage; }
    [[nodiscard]] bool isFinished() const { return m_stage == Stage::Done || m_stage == Stage::Failed; }
    [[nodiscard]] const QString &serverAddress() const { return m_address; }
    /// What became of it, or what it is doing, in a sentence or two.
    [[nodiscard]] const QString &summary() const { return m_summary; }
    /// Every change so far, in order: the first server, the others, the agents.
    [[nodiscard]] QList<const WorkloadChange *> changes() const;

Q_SIGNALS:
    void changed();
    void finished();

private:
    void makeFirstServer();
    void checkAddress();
    void makeTheRest();
    void onTheRestFinished();
    /// Removes every replica made, then fails with @p why.
    void undo(const QString &why);
    void setStage(Stage stage, const QString &summary);
    /// A change of @p workload making one replica per node of @p nodeIds.
    std::unique_ptr<WorkloadChange> making(
        const Workload &workload, const QStringList &nodeIds, const QStringList &pools);

    QPointer<Fleet> m_fleet;
    K3s::ClusterOrder m_order;
    Workload m_servers;
    Workload m_agents;
    Placement::Plan m_serverPlan;
    Placement::Plan m_agentPlan;
    SecretKeeper *m_keeper;
    Stage m_stage = Stage::Planned;
    QString m_summary;
    QString m_address;
    QString m_firstServerUuid;
    QTimer m_deadline;
    std::unique_ptr<WorkloadChange> m_firstServer;
    std::unique_ptr<WorkloadChange> m_otherServers;
    std::unique_ptr<WorkloadChange> m_agentsChange;
    std::unique_ptr<WorkloadChange> m_removal;
    bool m_tokenKept = false;
};

} // namespace Flotilla
