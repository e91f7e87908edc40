// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "machinejob.h"

#include <QVariantList>
#include <QtQmlIntegration>

namespace Flotilla
{

/// Moving one machine to another node, as the Move dialog shows it: the
/// node and pool it goes to, what kind of move it is and what travels,
/// what stands in the way now, and the plan's steps as they run.
///
/// A running machine moves live where both nodes can (libvirt's
/// migration, driven by Flotilla), or cold (MachineTransfer): shut down,
/// its disks sent through Flotilla, started on the target, and only then
/// removed here.
class MachineMover : public MachineJob
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString targetNode READ targetNode WRITE setTargetNode NOTIFY changed)
    Q_PROPERTY(QString pool MEMBER m_pool NOTIFY changed)
    /// Every other node: {id, name, connected}.
    Q_PROPERTY(QVariantList nodes READ nodes NOTIFY changed)
    /// The pools of the node chosen: {name, freeBytes, text}.
    Q_PROPERTY(QVariantList pools READ pools NOTIFY changed)
    /// A live move (it keeps running) rather than a cold one.
    Q_PROPERTY(bool live MEMBER m_live NOTIFY changed)
    /// Why it cannot move live (it is not running, a demo node cannot);
    /// empty when it can.
    Q_PROPERTY(QString liveProblem READ liveProblem NOTIFY changed)
    /// Why it cannot move there now; empty when it can.
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(QString roomNote READ roomNote NOTIFY changed)
    /// Why the target does not fit it by the placement's rules (memory,
    /// CPUs, room; a replica's workload policy), a warning only; empty when it fits.
    Q_PROPERTY(QString placementNote READ placementNote NOTIFY changed)
    /// What the move does, in a sentence: the kind of move, and why.
    Q_PROPERTY(QString plan READ plan NOTIFY changed)
    /// The disks' size: at most what travels.
    Q_PROPERTY(double travelBytes READ travelBytes NOTIFY changed)

public:
    using MachineJob::MachineJob;

    [[nodiscard]] const QString &targetNode() const { return m_targetNode; }
    void setTargetNode(const QString &node);
    [[nodiscard]] QVariantList nodes() const;
    [[nodiscard]] QVariantList pools() const;
    [[nodiscard]] QString problem() const;
    [[nodiscard]] QString liveProblem() const;
    [[nodiscard]] QString roomNote() const;
    [[nodiscard]] QString placementNote() const;
    [[nodiscard]] QString plan() const;
    [[nodiscard]] double travelBytes() const;

    /// Back to the form, with the first connected node chosen.
    Q_INVOKABLE void reset();
    Q_INVOKABLE void move();

protected:
    void ended(const ProvisioningResult &result) override;

private:
    QString m_targetNode;
    QString m_pool;
    bool m_live = false;
};

} // namespace Flotilla
