// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include "model/inventory.h"
#include "session/machinerequest.h"

#include <QObject>
#include <QVariantList>
#include <QtQmlIntegration>

namespace Flotilla
{

/// One machine as its page shows it: everything last read from its node,
/// kept current, and the changes a person can make to it (vCPUs, memory,
/// maximums, tags and note), each answered with libvirt's reason when refused.
class MachineView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    /// The fleet it is in: the Fleet singleton.
    Q_PROPERTY(Flotilla::FleetView *fleet READ fleet WRITE setFleet NOTIFY uuidChanged)
    Q_PROPERTY(QString uuid READ uuid WRITE setUuid NOTIFY uuidChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString nodeId READ nodeId NOTIFY changed)
    Q_PROPERTY(QString nodeName READ nodeName NOTIFY changed)
    /// False while the machine's node is not answering: the page shows the
    /// last known picture, and changes wait until the node answers.
    Q_PROPERTY(bool nodeAnswering READ nodeAnswering NOTIFY changed)
    /// "Not answering, last heard 7 seconds ago", counting up; empty while the node answers.
    Q_PROPERTY(QString nodeLastHeardText READ nodeLastHeardText NOTIFY nodeHeardChanged)
    Q_PROPERTY(int machineState READ machineState NOTIFY changed)
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    Q_PROPERTY(bool active READ isActive NOTIFY changed)
    /// Everything else a page lists, as one map: title, description, domainType,
    /// persistent, autostart, vcpus, maxVcpus, memoryMiB, maxMemoryMiB, memoryText,
    /// maxMemoryText, snapshotCount, snapshots (names), graphics, problem.
    Q_PROPERTY(QVariantMap facts READ facts NOTIFY changed)
    /// Maps of target, device, bus, source, format, size.
    Q_PROPERTY(QVariantList disks READ disks NOTIFY changed)
    /// Maps of mac, type, source, model, target, addresses.
    Q_PROPERTY(QVariantList interfaces READ interfaces NOTIFY changed)
    Q_PROPERTY(QStringList tags READ tags NOTIFY changed)
    Q_PROPERTY(QString note READ note NOTIFY changed)
    /// A change was sent and is not answered yet.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// Why the last change was refused; empty when it was not.
    Q_PROPERTY(QString problem READ problem NOTIFY busyChanged)
    Q_PROPERTY(QString problemDetails READ problemDetails NOTIFY busyChanged)

public:
    explicit MachineView(QObject *parent = nullptr);

    [[nodiscard]] FleetView *fleet() const { return m_fleet; }
    void setFleet(FleetView *fleet);
    [[nodiscard]] QString uuid() const { return m_uuid; }
    void setUuid(const QString &uuid);
    [[nodiscard]] bool exists() const { return machine() != nullptr; }
    [[nodiscard]] QString name() const;
    [[nodiscard]] QString nodeId() const;
    [[nodiscard]] QString nodeName() const;
    [[nodiscard]] bool nodeAnswering() const;
    [[nodiscard]] QString nodeLastHeardText() const;
    [[nodiscard]] int machineState() const;
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] bool isActive() const;
    [[nodiscard]] QVariantMap facts() const;
    [[nodiscard]] QVariantList disks() const;
    [[nodiscard]] QVariantList interfaces() const;
    [[nodiscard]] QStringList tags() const;
    [[nodiscard]] QString note() const;
    [[nodiscard]] bool isBusy() const { return m_pending > 0; }
    [[nodiscard]] QString problem() const { return m_problem; }
    [[nodiscard]] QString problemDetails() const { return m_problemDetails; }

    /// Now if it runs, and from its next boot on.
    Q_INVOKABLE void setVcpus(int vcpus);
    Q_INVOKABLE void setMemoryMiB(qint64 mebibytes);
    /// From its next boot on.
    Q_INVOKABLE void setMaxVcpus(int vcpus);
    Q_INVOKABLE void setMaxMemoryMiB(qint64 mebibytes);
    /// Writes tags and note into the machine's Flotilla metadata on its node.
    Q_INVOKABLE void saveMetadata(const QStringList &tags, const QString &note);
    /// Keeps a template made from this machine (which is not touched) among
    /// the person's own; what became of it, in a sentence.
    Q_INVOKABLE QString makeTemplate() const;
    /// Why @p tag cannot be a tag (naming it), or nothing: the rule of model/tags.h.
    Q_INVOKABLE [[nodiscard]] QString tagProblem(const QString &tag) const;

Q_SIGNALS:
    void uuidChanged();
    void nodeHeardChanged();
    void changed();
    void busyChanged();

private:
    [[nodiscard]] const Machine *machine() const;
    void send(const MachineRequest &request);

    FleetView *m_fleet = nullptr;
    QString m_uuid;
    int m_pending = 0;
    QString m_problem;
    QString m_problemDetails;
};

} // namespace Flotilla
