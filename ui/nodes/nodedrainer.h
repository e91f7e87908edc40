// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQmlIntegration>

#include <memory>

namespace Flotilla
{

class NodeDrain;

/// A node drained, as the Drain page shows it: the plan (where each of its
/// machines goes, how and why, and on the map), then each departure as it
/// runs. One drain runs at a time; the shell holds the one drainer, so a
/// drain goes on while the person looks at other pages.
class NodeDrainer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::FleetView *fleet MEMBER m_view NOTIFY changed REQUIRED)
    /// The node planned for, or drained.
    Q_PROPERTY(QString nodeId READ nodeId NOTIFY changed)
    Q_PROPERTY(QString nodeName READ nodeName NOTIFY changed)
    /// Each machine: uuid, name, kind ("live", "cold", "recreate", "stay"),
    /// targetId, targetName, pool, reason, state ("waiting", "running",
    /// "done", "failed", "skipped"), error, activity, doneBytes, totalBytes.
    Q_PROPERTY(QVariantList departures READ departures NOTIFY progressChanged)
    /// How many go to each node, by id, for the map.
    Q_PROPERTY(QVariantMap counts READ counts NOTIFY changed)
    /// From the node to each target: {from, to}, for the map.
    Q_PROPERTY(QVariantList routes READ routes NOTIFY changed)
    /// How many machines leave, and how many cannot.
    Q_PROPERTY(int leaving READ leaving NOTIFY changed)
    Q_PROPERTY(int staying READ staying NOTIFY changed)
    /// Why it cannot be drained now; empty when it can.
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(bool running READ isRunning NOTIFY progressChanged)
    Q_PROPERTY(bool finished READ isFinished NOTIFY progressChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY progressChanged)

public:
    explicit NodeDrainer(QObject *parent = nullptr);
    ~NodeDrainer() override;

    [[nodiscard]] const QString &nodeId() const { return m_nodeId; }
    [[nodiscard]] QString nodeName() const;
    [[nodiscard]] QVariantList departures() const;
    [[nodiscard]] QVariantMap counts() const;
    [[nodiscard]] QVariantList routes() const;
    [[nodiscard]] int leaving() const;
    [[nodiscard]] int staying() const;
    [[nodiscard]] QString problem() const;
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] bool isFinished() const;
    [[nodiscard]] QString summary() const;

    /// Plans the drain of @p nodeId as the fleet stands now; a drain under
    /// way (of any node) is left as it is.
    Q_INVOKABLE void plan(const QString &nodeId);
    /// Starts the plan shown.
    Q_INVOKABLE void drain();
    /// Begins no more departures; the one under way is undone.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void changed();
    void progressChanged();

private:
    QPointer<FleetView> m_view;
    QString m_nodeId;
    std::unique_ptr<NodeDrain> m_drain; ///< the plan, and once started its run
};

} // namespace Flotilla
