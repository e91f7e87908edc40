// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include "model/snapshot.h"
#include "session/machinerequest.h"

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

namespace Flotilla
{

/// A machine's snapshots as its page shows them: a tree read from its node,
/// and the requests that take one, go back to one, or delete one (with its
/// children or not). Each request answers with the snapshots as they are
/// after it.
class SnapshotList : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::FleetView *fleet MEMBER m_view NOTIFY machineChanged REQUIRED)
    Q_PROPERTY(QString nodeId MEMBER m_nodeId NOTIFY machineChanged)
    Q_PROPERTY(QString uuid MEMBER m_uuid NOTIFY machineChanged)
    /// In tree order: name, description, createdText, stateText, memory, external, current, depth, children.
    Q_PROPERTY(QVariantList snapshots READ snapshots NOTIFY snapshotsChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// What the last request could not do, in a sentence; empty when it worked.
    Q_PROPERTY(QString problem READ problem NOTIFY busyChanged)

public:
    explicit SnapshotList(QObject *parent = nullptr);

    [[nodiscard]] QVariantList snapshots() const;
    [[nodiscard]] bool isBusy() const { return m_request != 0; }
    [[nodiscard]] const QString &problem() const { return m_problem; }

    Q_INVOKABLE void refresh();
    /// Why @p name cannot name a new snapshot (taken, or not allowed); empty when it can.
    Q_INVOKABLE [[nodiscard]] QString nameProblem(const QString &name) const;
    /// A free name: "snapshot-2026-11-30-1642".
    Q_INVOKABLE [[nodiscard]] QString suggestedName() const;
    Q_INVOKABLE void take(const QString &name, const QString &description, bool withMemory);
    Q_INVOKABLE void revert(const QString &name);
    Q_INVOKABLE void remove(const QString &name, bool withChildren);
    /// What going back to @p name loses, in a sentence, for the confirmation.
    Q_INVOKABLE [[nodiscard]] QString revertLoss(const QString &name) const;

Q_SIGNALS:
    void machineChanged();
    void snapshotsChanged();
    void busyChanged();

private:
    void send(const MachineRequest &request);
    void onFinished(const QString &nodeId, const MachineRequestResult &result);
    [[nodiscard]] const Snapshot *find(const QString &name) const;

    QPointer<FleetView> m_view;
    QString m_nodeId;
    QString m_uuid;
    QList<Snapshot> m_snapshots; ///< in tree order
    QList<int> m_depths;
    quint64 m_request = 0;
    QString m_problem;
};

} // namespace Flotilla
