// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include "workloads/placement.h"
#include "workloads/workload.h"
#include "workloads/workloadchange.h"

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

#include <memory>

namespace Flotilla
{

/// The deploy wizard's state: the template, the replicas and their policy,
/// the placement's plan (which a person may change by moving a replica),
/// and the deployment's progress, one line per replica.
class WorkloadDeployer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::FleetView *fleet READ view WRITE setView NOTIFY fleetChanged REQUIRED)
    // The template.
    Q_PROPERTY(QString name MEMBER m_name NOTIFY changed)
    Q_PROPERTY(QString image MEMBER m_image NOTIFY changed)
    Q_PROPERTY(int vcpus MEMBER m_vcpus NOTIFY changed)
    Q_PROPERTY(int memoryMiB MEMBER m_memoryMiB NOTIFY changed)
    Q_PROPERTY(int rootGiB MEMBER m_rootGiB NOTIFY changed)
    Q_PROPERTY(int dataGiB MEMBER m_dataGiB NOTIFY changed)
    Q_PROPERTY(QString packages MEMBER m_packages NOTIFY changed) ///< separated by spaces or commas
    Q_PROPERTY(QString sshKey MEMBER m_sshKey NOTIFY changed)
    /// What the first boot runs, from the template picked (not edited here).
    Q_PROPERTY(QStringList commands READ commands NOTIFY changed)
    // The policy.
    Q_PROPERTY(int replicas MEMBER m_replicas NOTIFY changed)
    Q_PROPERTY(QString spread MEMBER m_spread NOTIFY changed) ///< "nodes", "countries", "pack"
    Q_PROPERTY(QString countries MEMBER m_countries NOTIFY changed) ///< "FI, DE": only these
    Q_PROPERTY(QString tags MEMBER m_tags NOTIFY changed)
    Q_PROPERTY(int maxPerNode MEMBER m_maxPerNode NOTIFY changed)
    Q_PROPERTY(bool bestEffort MEMBER m_bestEffort NOTIFY changed)
    /// The images the fleet's nodes hold: maps with name and nodes (how many hold it).
    Q_PROPERTY(QVariantList images READ images NOTIFY choicesChanged)
    /// The person's own templates (their names).
    Q_PROPERTY(QStringList templates READ templates NOTIFY choicesChanged)
    /// What is wrong, by field ("name", "image", "replicas", ...).
    Q_PROPERTY(QVariantMap problems READ problems NOTIFY changed)
    /// The plan, per node: nodeId, name, country, count, explanation, ruledOut.
    Q_PROPERTY(QVariantList plan READ plan NOTIFY planChanged)
    /// New replicas by node id, for the map.
    Q_PROPERTY(QVariantMap planCounts READ planCounts NOTIFY planChanged)
    /// When the fleet cannot hold them all, or a moved replica does not fit: why.
    Q_PROPERTY(QString planProblem READ planProblem NOTIFY planChanged)
    Q_PROPERTY(bool movedByHand READ movedByHand NOTIFY planChanged)
    /// The deployment: per replica, name, nodeName, state, error.
    Q_PROPERTY(QVariantList progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY progressChanged)
    Q_PROPERTY(bool finished READ isFinished NOTIFY progressChanged)
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY progressChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY progressChanged)

public:
    explicit WorkloadDeployer(QObject *parent = nullptr);
    ~WorkloadDeployer() override;

    [[nodiscard]] FleetView *view() const { return m_view; }
    void setView(FleetView *view);

    [[nodiscard]] QVariantList images() const;
    [[nodiscard]] QStringList commands() const { return m_setup.commands; }
    [[nodiscard]] QStringList templates() const;
    [[nodiscard]] QVariantMap problems() const;
    [[nodiscard]] QVariantList plan() const;
    [[nodiscard]] QVariantMap planCounts() const;
    [[nodiscard]] QString planProblem() const { return m_planProblem; }
    [[nodiscard]] bool movedByHand() const { return m_movedByHand; }
    [[nodiscard]] QVariantList progress() const;
    [[nodiscard]] bool isRunning() const { return m_change && !m_change->isFinished(); }
    [[nodiscard]] bool isFinished() const { return m_change && m_change->isFinished(); }
    [[nodiscard]] bool succeeded() const { return m_change && m_change->succeeded(); }
    [[nodiscard]] QString summary() const { return m_change ? m_change->summary() : QString(); }

    /// Whether step @p step (0: template, 1: replicas and policy) is filled in well.
    Q_INVOKABLE [[nodiscard]] bool stepIsValid(int step) const;
    /// Fills the template's fields from the person's template @p name.
    Q_INVOKABLE QString loadTemplate(const QString &name);
    /// Keeps the template as a file of the person's own; the error, or empty.
    Q_INVOKABLE QString saveTemplate();
    /// Places the replicas afresh, forgetting moves by hand.
    Q_INVOKABLE void makePlan();
    /// Moves one new replica from @p fromNodeId to @p toNodeId and checks
    /// the plan again; the reason it cannot go there, or empty.
    Q_INVOKABLE QString moveReplica(const QString &fromNodeId, const QString &toNodeId);
    /// Makes the replicas where the plan says.
    Q_INVOKABLE void deploy();
    Q_INVOKABLE void cancel();

    /// The template as the fields make it.
    [[nodiscard]] MachineTemplate machineTemplate() const;
    [[nodiscard]] Workload workload() const;

Q_SIGNALS:
    void fleetChanged();
    void changed();
    void choicesChanged();
    void planChanged();
    void progressChanged();

private:
    /// Until one is chosen: the image most of the fleet's nodes hold.
    void pickFirstImage();
    [[nodiscard]] QString nodeName(const QString &nodeId) const;

    QPointer<FleetView> m_view;
    QString m_name = QStringLiteral("web");
    QString m_image;
    int m_vcpus = 1;
    int m_memoryMiB = 1024;
    int m_rootGiB = 10;
    int m_dataGiB = 0;
    QString m_packages;
    QString m_sshKey;
    MachineSetup m_setup; ///< the template's setup beyond packages and key
    int m_replicas = 3;
    QString m_spread = QStringLiteral("nodes");
    QString m_countries;
    QString m_tags;
    int m_maxPerNode = 0;
    bool m_bestEffort = false;
    QString m_id = Workloads::newId();

    Placement::Plan m_plan;
    QStringList m_nodeIds; ///< the plan's, as moved by hand
    QStringList m_pools;
    QString m_planProblem;
    bool m_movedByHand = false;
    std::unique_ptr<WorkloadChange> m_change;
};

} // namespace Flotilla
