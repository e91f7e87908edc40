// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "session/machinerequest.h"

#include <QHash>
#include <QObject>
#include <QVariantList>
#include <QtQmlIntegration>

namespace Flotilla
{
class Fleet;
class MachineListModel;

/// What a person does to one machine or many at once (start, shut down,
/// delete, ...), reached in QML as Fleet.actions. Each machine's request
/// goes to its own node; when every request of a batch has ended, one
/// summary says what worked and what did not, with libvirt's reasons.
class MachineActions : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Reached through Fleet.actions")
    /// Requests sent and not yet answered, over all batches.
    Q_PROPERTY(int pending READ pending NOTIFY pendingChanged)
    /// Changes whenever a machine does: what applies() may answer differently.
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)

public:
    enum Action { Start, Shutdown, Reboot, ForceOff, Pause, Resume, Delete };
    Q_ENUM(Action)

    MachineActions(Fleet *fleet, MachineListModel *machines, QObject *parent = nullptr);

    /// Those of @p uuids whose state allows @p action (only machines that are off start, ...).
    Q_INVOKABLE [[nodiscard]] QStringList applicable(
        const QStringList &uuids, Flotilla::MachineActions::Action action) const;
    /// Carries out @p action on every machine of @p uuids it applies to. Delete
    /// also deletes the disks of @p disks (as disksOf() gave them, the ones
    /// the person confirmed; those shared with another machine are kept),
    /// and only those: the node checks them again before deleting.
    Q_INVOKABLE void perform(
        const QStringList &uuids, Flotilla::MachineActions::Action action, const QVariantList &disks = QVariantList());
    /// The disks of @p uuids as {uuid, machine, path, size, sharedWith, data} maps, for a
    /// confirmation that names them; sharedWith names the other machines of the
    /// node, outside @p uuids, that use the same volume (their disk or its base
    /// image); data is true for a data disk Flotilla made, kept apart to outlive its machine.
    Q_INVOKABLE [[nodiscard]] QVariantList disksOf(const QStringList &uuids) const;
    /// The names of @p uuids, for a confirmation.
    Q_INVOKABLE [[nodiscard]] QStringList namesOf(const QStringList &uuids) const;
    /// The names of the nodes of @p uuids that are not answering now, each
    /// once: requests to them would wait, so the person is told first.
    Q_INVOKABLE [[nodiscard]] QStringList silentNodesOf(const QStringList &uuids) const;
    /// Sends one request for one machine (the machine page's changes); the
    /// outcome comes back as requestFinished(id, ...). Returns the id, or 0.
    quint64 send(const QString &uuid, const MachineRequest &request);

    [[nodiscard]] int pending() const { return int(m_batchOfRequest.size()); }
    [[nodiscard]] int revision() const { return m_revision; }

Q_SIGNALS:
    /// A batch ended: @p message sums it up, @p details lists each failure.
    void finished(const QString &message, const QString &details, bool failed);
    /// A request made with send() ended.
    void requestFinished(quint64 requestId, const QString &uuid, const QString &error, const QString &details);
    void pendingChanged();
    void revisionChanged();

private:
    struct Batch {
        Action action = Start;
        int count = 0;
        int done = 0;
        QStringList failures;
        QStringList warnings;
    };

    void onFinished(const MachineRequestResult &result);
    /// The machines of node @p nodeId but @p except whose disks use @p path, by name.
    [[nodiscard]] QStringList usersOf(const QString &path, const QString &nodeId, const QStringList &except) const;
    void conclude(const Batch &batch);

    Fleet *m_fleet;
    MachineListModel *m_machines;
    QHash<quint64, quint64> m_batchOfRequest; ///< request id → batch id (0 for a single send())
    QHash<quint64, Batch> m_batches;
    quint64 m_lastBatch = 0;
    int m_revision = 0;
};

} // namespace Flotilla
