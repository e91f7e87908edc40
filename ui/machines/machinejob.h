// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include "session/provisioningjob.h"

#include <KLocalizedString>

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQmlIntegration>

namespace Flotilla
{

struct Machine;

/// A plan the fleet runs on one machine (a clone, a move), as its dialog
/// follows it: the machine, the plan's steps as they run, and how it ended.
/// MachineCloner and MachineMover ask for theirs.
class MachineJob : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Flotilla::FleetView *fleet READ fleet WRITE setFleet NOTIFY changed REQUIRED)
    Q_PROPERTY(QString uuid MEMBER m_uuid NOTIFY changed) ///< the machine's
    /// Each step: title, state ("waiting", "running", "done", "failed",
    /// "undoing", "undone", "undoFailed"), simulated (on a demo node), and
    /// the bytes a copying step has sent (doneBytes, totalBytes).
    Q_PROPERTY(QVariantList steps READ steps NOTIFY progressChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY progressChanged)
    Q_PROPERTY(bool finished READ isFinished NOTIFY progressChanged)
    /// What went wrong, and what could not be undone; empty when it was done.
    Q_PROPERTY(QString failure READ failure NOTIFY progressChanged)

public:
    using QObject::QObject;

    [[nodiscard]] FleetView *fleet() const { return m_view; }
    /// What the dialog says follows the fleet: a machine paused, a node lost.
    void setFleet(FleetView *view);
    [[nodiscard]] const QVariantList &steps() const { return m_steps; }
    [[nodiscard]] bool isRunning() const { return m_job != 0; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const QString &failure() const { return m_failure; }

    /// Stops the job before its next step (or block of a copy); what it did is undone.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void changed();
    void progressChanged();

protected:
    [[nodiscard]] const Machine *machine() const;
    /// The machine's node: the one the job started on while it runs (a
    /// moving machine is on two for a moment).
    [[nodiscard]] QString nodeId() const;
    /// Why nothing can be done with the machine now (it is gone, its node
    /// is not connected); empty when something can.
    [[nodiscard]] QString reachProblem() const;
    /// Back to no job, no steps, no failure.
    void clearProgress();
    /// Hands @p request to the fleet for the machine's node.
    void start(const ProvisioningRequest &request);
    /// The job ended; @p notDone ("The clone was not made: %1.") says why,
    /// when it did not complete.
    virtual void ended(const ProvisioningResult &result) = 0;
    void endWith(const ProvisioningResult &result, const KLocalizedString &notDone);

    QPointer<FleetView> m_view;
    QString m_uuid;

private:
    void onUpdated(const QString &nodeId, const ProvisioningUpdate &update);
    void onFinished(const QString &nodeId, const ProvisioningResult &result);

    quint64 m_job = 0;
    QString m_source; ///< the node the job runs on
    QVariantList m_steps;
    bool m_finished = false;
    QString m_failure;
};

} // namespace Flotilla
