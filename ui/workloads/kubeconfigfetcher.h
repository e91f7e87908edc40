// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include "workloadlistmodel.h"

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

namespace Flotilla
{

/// "Copy kubeconfig" on a k3s cluster's workload page: the first server's
/// kubeconfig, read through its guest agent and pointed at the server's
/// address, goes to the clipboard; where the agent cannot give it, the
/// exact ssh command that fetches it goes there instead.
class KubeconfigFetcher : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::WorkloadListModel *workloads MEMBER m_workloads NOTIFY changed REQUIRED)
    Q_PROPERTY(bool busy READ isBusy NOTIFY changed)
    /// What happened, in a sentence.
    Q_PROPERTY(QString message READ message NOTIFY changed)
    /// The ssh command, when the guest agent could not give the file.
    Q_PROPERTY(QString command READ command NOTIFY changed)
    Q_PROPERTY(bool failed READ failed NOTIFY changed)

public:
    explicit KubeconfigFetcher(QObject *parent = nullptr);

    [[nodiscard]] bool isBusy() const { return m_request != 0; }
    [[nodiscard]] const QString &message() const { return m_message; }
    [[nodiscard]] const QString &command() const { return m_command; }
    [[nodiscard]] bool failed() const { return m_failed; }

    /// Fetches the kubeconfig of the cluster workload @p workloadId belongs to.
    Q_INVOKABLE void fetch(const QString &workloadId);

Q_SIGNALS:
    void changed();

private:
    void onFinished(const QString &nodeId, const MachineRequestResult &result);
    void tell(const QString &message, bool failed, const QString &command = {});

    QPointer<WorkloadListModel> m_workloads;
    quint64 m_request = 0;
    QString m_address;
    QString m_userName;
    QString m_message;
    QString m_command;
    bool m_failed = false;
};

} // namespace Flotilla
