// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleet.h"
#include "fleet/fleetview.h"
#include "session/noderequest.h"

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

namespace Flotilla
{

/// What the storage and network views of a node share: the node they
/// show, kept current as the fleet reports it, and the requests they send
/// it, one at a time, with what the last one could not do.
class NodePartsView : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Flotilla::FleetView *fleet READ view WRITE setView NOTIFY nodeIdChanged REQUIRED)
    Q_PROPERTY(QString nodeId READ nodeId WRITE setNodeId NOTIFY nodeIdChanged)
    /// The node is connected: its parts can be changed.
    Q_PROPERTY(bool connected READ isConnected NOTIFY partsChanged)
    /// The last reading of the node's pools or networks failed: they may be out of date.
    Q_PROPERTY(bool stale READ isStale NOTIFY partsChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// What the last request could not do, in a sentence; empty when it worked.
    Q_PROPERTY(QString problem READ problem NOTIFY busyChanged)
    /// What the last request did only in part; empty when it did all.
    Q_PROPERTY(QString warning READ warning NOTIFY busyChanged)

public:
    explicit NodePartsView(QObject *parent = nullptr);

    [[nodiscard]] FleetView *view() const { return m_view; }
    void setView(FleetView *view);
    [[nodiscard]] const QString &nodeId() const { return m_nodeId; }
    void setNodeId(const QString &nodeId);
    [[nodiscard]] bool isConnected() const;
    [[nodiscard]] virtual bool isStale() const { return false; }
    [[nodiscard]] bool isBusy() const { return m_request != 0; }
    [[nodiscard]] const QString &problem() const { return m_problem; }
    [[nodiscard]] const QString &warning() const { return m_warning; }

    /// Forgets the last request's problem and warning (the person read them).
    Q_INVOKABLE void dismiss();

Q_SIGNALS:
    void nodeIdChanged();
    /// The node's pools, volumes, networks or machines changed.
    void partsChanged();
    void busyChanged();
    /// A request ended well.
    void succeeded();

protected:
    [[nodiscard]] const Fleet::Node *node() const;
    /// Sends @p request to the node, unless one is under way.
    void send(const NodeRequest &request);
    /// Sets the problem of a request refused before it was sent.
    void refuse(const QString &why);

private:
    void onFinished(const QString &nodeId, const NodeRequestResult &result);
    void onNodeChanged(qsizetype index);

    QPointer<FleetView> m_view;
    QString m_nodeId;
    quint64 m_request = 0;
    QString m_problem;
    QString m_warning;
};

} // namespace Flotilla
