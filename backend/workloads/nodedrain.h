// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleet.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace Flotilla
{

class WorkloadChange;

/// Every machine moved off one node before its maintenance, one after
/// another: placement picks where each goes (plan()), the person sees the
/// plan and confirms, and then each machine moves live or cold
/// (MachineTransfer), or, for a workload's replica that holds no data of
/// its own and whose policy allows another node, a new replica is made
/// there from the template and this one removed (WorkloadChange::moveOff).
///
/// Each departure stands alone: one that fails leaves its machine where it
/// was, complete, and the drain goes on with the next. A cancel stops the
/// one under way (undone, as any move) and begins no more.
class NodeDrain : public QObject
{
    Q_OBJECT

public:
    struct Departure {
        enum class Kind {
            LiveMove, ///< it keeps running while it moves
            Move, ///< a cold move
            Recreate, ///< a new replica elsewhere, this one removed
            Stay, ///< nowhere to go, or it cannot travel now: reason says why
        };
        enum class State {
            Waiting,
            Running,
            Done,
            Failed,
            Skipped, ///< not begun: the drain was cancelled, or it stays
        };
        Kind kind = Kind::Move;
        State state = State::Waiting;
        QString uuid;
        QString name;
        QString workloadId; ///< Recreate: its workload's
        QString targetId;
        QString targetName;
        QString pool; ///< on the target, where its disks go
        QString reason; ///< why this kind and that node; for Stay, why it stays
        QString error; ///< Failed: what went wrong
        QString activity; ///< Running: the step under way
        quint64 doneBytes = 0; ///< Running: a copy's progress
        quint64 totalBytes = 0;
    };

    /// Where every machine on @p nodeId goes, as @p fleet stands: the
    /// replicas recreated first, then the other machines, the biggest
    /// first, each placed on the node that suits it best of those it can
    /// arrive on, their use counted before the next.
    [[nodiscard]] static QList<Departure> plan(const Fleet &fleet, const QString &nodeId);

    NodeDrain(Fleet *fleet, QString nodeId, QList<Departure> departures, QObject *parent = nullptr);
    ~NodeDrain() override;

    void start();
    void cancel();

    [[nodiscard]] const QString &nodeId() const { return m_nodeId; }
    [[nodiscard]] const QList<Departure> &departures() const { return m_departures; }
    [[nodiscard]] bool isRunning() const { return m_started && !m_finished; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    /// What became of it: how many left, failed, stayed.
    [[nodiscard]] QString summary() const;

    /// A departure's state as the UI names it: "waiting", "running", "done", "failed", "skipped".
    [[nodiscard]] static QString stateName(Departure::State state);
    /// A departure's kind as the UI names it: "live", "cold", "recreate", "stay".
    [[nodiscard]] static QString kindName(Departure::Kind kind);

Q_SIGNALS:
    void departureChanged(qsizetype index);
    void finished();

private:
    void next();
    void startMove(Departure &departure);
    void startRecreate(Departure &departure);
    void onUpdated(const QString &nodeId, const ProvisioningUpdate &update);
    void onFinished(const QString &nodeId, const ProvisioningResult &result);
    void end(Departure::State state, const QString &error = {});

    QPointer<Fleet> m_fleet;
    QString m_nodeId;
    QList<Departure> m_departures;
    qsizetype m_current = -1;
    quint64 m_job = 0;
    std::unique_ptr<WorkloadChange> m_change;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace Flotilla
