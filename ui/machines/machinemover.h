// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include "planprogress.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQmlIntegration>

namespace Flotilla
{

struct Machine;

/// Moving one machine to another node, as the Move dialog shows it: the
/// node and pool it goes to, what kind of move it is and what travels,
/// what stands in the way now, and the plan's steps as they run.
///
/// The move is a cold one (MachineTransfer): a running machine is shut
/// down, its disks travel through Flotilla, it starts on the target, and
/// only then is it removed here.
class MachineMover : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::FleetView *fleet READ fleet WRITE setFleet NOTIFY changed REQUIRED)
    Q_PROPERTY(QString uuid MEMBER m_uuid NOTIFY changed)
    Q_PROPERTY(QString targetNode READ targetNode WRITE setTargetNode NOTIFY changed)
    Q_PROPERTY(QString pool MEMBER m_pool NOTIFY changed)
    /// Every other node: {id, name, connected}.
    Q_PROPERTY(QVariantList nodes READ nodes NOTIFY changed)
    /// The pools of the node chosen: {name, freeBytes, text}.
    Q_PROPERTY(QVariantList pools READ pools NOTIFY changed)
    /// Why it cannot move there now; empty when it can.
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(QString roomNote READ roomNote NOTIFY changed)
    /// What the move does, in a sentence: the kind of move, and why.
    Q_PROPERTY(QString plan READ plan NOTIFY changed)
    /// The disks' size: at most what travels.
    Q_PROPERTY(double travelBytes READ travelBytes NOTIFY changed)
    Q_PROPERTY(QVariantList steps READ steps NOTIFY progressChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY progressChanged)
    Q_PROPERTY(bool finished READ isFinished NOTIFY progressChanged)
    /// What went wrong, and what could not be undone; empty when it moved.
    Q_PROPERTY(QString failure READ failure NOTIFY progressChanged)

public:
    explicit MachineMover(QObject *parent = nullptr);

    [[nodiscard]] FleetView *fleet() const { return m_view; }
    void setFleet(FleetView *view);
    [[nodiscard]] const QString &targetNode() const { return m_targetNode; }
    void setTargetNode(const QString &node);
    [[nodiscard]] QVariantList nodes() const;
    [[nodiscard]] QVariantList pools() const;
    [[nodiscard]] QString problem() const;
    [[nodiscard]] QString roomNote() const;
    [[nodiscard]] QString plan() const;
    [[nodiscard]] double travelBytes() const;
    [[nodiscard]] const QVariantList &steps() const { return m_progress.steps(); }
    [[nodiscard]] bool isRunning() const { return m_job != 0; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const QString &failure() const { return m_failure; }

    /// Back to the form, with the first connected node chosen.
    Q_INVOKABLE void reset();
    Q_INVOKABLE void move();
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void changed();
    void progressChanged();

private:
    [[nodiscard]] const Machine *machine() const;
    [[nodiscard]] QString nodeId() const;
    void onUpdated(const QString &nodeId, const ProvisioningUpdate &update);
    void onFinished(const QString &nodeId, const ProvisioningResult &result);

    QPointer<FleetView> m_view;
    QString m_uuid;
    QString m_source; ///< the node it is on, kept while it moves (it is on two for a moment)
    QString m_targetNode;
    QString m_pool;
    quint64 m_job = 0;
    PlanProgress m_progress;
    bool m_finished = false;
    QString m_failure;
};

} // namespace Flotilla
