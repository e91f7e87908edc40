// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include "workloads/clusterdeployment.h"

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

#include <memory>

namespace Flotilla
{

/// The k3s wizard's state: the cluster's servers and agents, their sizes
/// and placement, where each goes, and the deployment's progress.
class ClusterDeployer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::FleetView *fleet READ view WRITE setView NOTIFY fleetChanged REQUIRED)
    Q_PROPERTY(QString name MEMBER m_name NOTIFY changed)
    Q_PROPERTY(QString image MEMBER m_image NOTIFY changed)
    Q_PROPERTY(int servers MEMBER m_servers NOTIFY changed)
    Q_PROPERTY(int serverVcpus MEMBER m_serverVcpus NOTIFY changed)
    Q_PROPERTY(int serverMemoryMiB MEMBER m_serverMemoryMiB NOTIFY changed)
    Q_PROPERTY(int agents MEMBER m_agents NOTIFY changed)
    Q_PROPERTY(int agentVcpus MEMBER m_agentVcpus NOTIFY changed)
    Q_PROPERTY(int agentMemoryMiB MEMBER m_agentMemoryMiB NOTIFY changed)
    Q_PROPERTY(int rootGiB MEMBER m_rootGiB NOTIFY changed)
    Q_PROPERTY(QString userName MEMBER m_userName NOTIFY changed)
    Q_PROPERTY(QString sshKey MEMBER m_sshKey NOTIFY changed)
    Q_PROPERTY(QString spread MEMBER m_spread NOTIFY changed) ///< the agents': "nodes", "countries", "pack"
    Q_PROPERTY(QString countries MEMBER m_countries NOTIFY changed)
    Q_PROPERTY(bool bestEffort MEMBER m_bestEffort NOTIFY changed)
    Q_PROPERTY(QVariantList images READ images NOTIFY choicesChanged)
    Q_PROPERTY(QVariantMap problems READ problems NOTIFY changed)
    /// Per node with something on it or ruled out: nodeId, name, country, servers, agents, explanation, ruledOut.
    Q_PROPERTY(QVariantList plan READ plan NOTIFY planChanged)
    /// Servers and agents by node id, for the map.
    Q_PROPERTY(QVariantMap planCounts READ planCounts NOTIFY planChanged)
    Q_PROPERTY(QString planProblem READ planProblem NOTIFY planChanged)
    /// What each of the cluster's first boots runs, the token shown as its placeholder.
    Q_PROPERTY(QStringList serverCommands READ serverCommands NOTIFY planChanged)
    Q_PROPERTY(QVariantList progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString stage READ stage NOTIFY progressChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY progressChanged)
    Q_PROPERTY(bool finished READ isFinished NOTIFY progressChanged)
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY progressChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY progressChanged)

public:
    explicit ClusterDeployer(QObject *parent = nullptr);
    ~ClusterDeployer() override;

    [[nodiscard]] FleetView *view() const { return m_view; }
    void setView(FleetView *view);

    [[nodiscard]] QVariantList images() const;
    [[nodiscard]] QVariantMap problems() const;
    [[nodiscard]] QVariantList plan() const;
    [[nodiscard]] QVariantMap planCounts() const;
    [[nodiscard]] QString planProblem() const;
    [[nodiscard]] QStringList serverCommands() const;
    [[nodiscard]] QVariantList progress() const;
    /// "planned", "token", "server", "address", "rest", "undoing", "done", "failed".
    [[nodiscard]] QString stage() const;
    [[nodiscard]] bool isRunning() const { return m_started && !m_deployment->isFinished(); }
    [[nodiscard]] bool isFinished() const { return m_started && m_deployment->isFinished(); }
    [[nodiscard]] bool succeeded() const
    {
        return isFinished() && m_deployment->stage() == ClusterDeployment::Stage::Done;
    }
    [[nodiscard]] QString summary() const { return m_deployment ? m_deployment->summary() : QString(); }

    /// Whether the cluster's step (0) or the placement's (1) is filled in well.
    Q_INVOKABLE [[nodiscard]] bool stepIsValid(int step) const;
    /// Places the servers and agents as the fleet stands.
    Q_INVOKABLE void makePlan();
    Q_INVOKABLE void deploy();
    Q_INVOKABLE void cancel();

    [[nodiscard]] K3s::ClusterOrder order() const;
    [[nodiscard]] WorkloadPolicy agentsPolicy() const;

Q_SIGNALS:
    void fleetChanged();
    void changed();
    void choicesChanged();
    void planChanged();
    void progressChanged();

private:
    QPointer<FleetView> m_view;
    QString m_name = QStringLiteral("k3s");
    QString m_image;
    int m_servers = 1;
    int m_serverVcpus = 2;
    int m_serverMemoryMiB = 2048;
    int m_agents = 2;
    int m_agentVcpus = 2;
    int m_agentMemoryMiB = 2048;
    int m_rootGiB = 20;
    QString m_userName = QStringLiteral("admin");
    QString m_sshKey;
    QString m_spread = QStringLiteral("nodes");
    QString m_countries;
    bool m_bestEffort = false;

    std::unique_ptr<ClusterDeployment> m_deployment; ///< planned; started by deploy()
    bool m_started = false;
};

} // namespace Flotilla
