// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "machinejob.h"

#include <QVariantList>
#include <QtQmlIntegration>

namespace Flotilla
{

/// Cloning one machine, as the Clone dialog shows it: the clone's name,
/// on its own node (linked or a full copy) or onto another (a full copy
/// into a pool there), what stands in the way now (the parent runs, has
/// snapshots; the other node lacks its network), and the plan's steps as
/// they run, with the bytes each disk's copy has sent.
class MachineCloner : public MachineJob
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString name MEMBER m_name NOTIFY changed) ///< the clone's
    Q_PROPERTY(bool linked MEMBER m_linked NOTIFY changed)
    Q_PROPERTY(bool startAfter MEMBER m_start NOTIFY changed)
    /// The node the clone goes to: the parent's own (the default), or another.
    Q_PROPERTY(QString targetNode READ targetNode WRITE setTargetNode NOTIFY changed)
    /// On another node: the pool that takes the clone's disks.
    Q_PROPERTY(QString pool MEMBER m_pool NOTIFY changed)
    /// Every node: {id, name, connected}, the parent's own first.
    Q_PROPERTY(QVariantList nodes READ nodes NOTIFY changed)
    /// The pools of the node chosen: {name, freeBytes, text}.
    Q_PROPERTY(QVariantList pools READ pools NOTIFY changed)
    Q_PROPERTY(bool elsewhere READ isElsewhere NOTIFY changed) ///< onto another node
    /// Why the clone cannot go to the other node chosen; empty when it can.
    Q_PROPERTY(QString targetProblem READ targetProblem NOTIFY changed)
    /// A warning when the pool chosen may lack room.
    Q_PROPERTY(QString roomNote READ roomNote NOTIFY changed)
    /// Why the name cannot be the clone's; empty when it can.
    Q_PROPERTY(QString nameProblem READ nameProblem NOTIFY changed)
    /// Why the parent cannot be cloned as chosen now; empty when it can.
    Q_PROPERTY(QString parentProblem READ parentProblem NOTIFY changed)
    /// Why a linked clone cannot be had at all (snapshots); empty when it can.
    Q_PROPERTY(QString linkedProblem READ linkedProblem NOTIFY changed)
    Q_PROPERTY(QString cloneUuid READ cloneUuid NOTIFY progressChanged)

public:
    using MachineJob::MachineJob;

    [[nodiscard]] QString nameProblem() const;
    [[nodiscard]] QString parentProblem() const;
    [[nodiscard]] QString linkedProblem() const;
    [[nodiscard]] QString targetNode() const;
    void setTargetNode(const QString &node);
    [[nodiscard]] QVariantList nodes() const;
    [[nodiscard]] QVariantList pools() const;
    [[nodiscard]] bool isElsewhere() const;
    [[nodiscard]] QString targetProblem() const;
    [[nodiscard]] QString roomNote() const;
    [[nodiscard]] const QString &cloneUuid() const { return m_cloneUuid; }

    /// A free name for the clone on the node chosen: "web-01-clone", "web-01-clone-2", …
    Q_INVOKABLE [[nodiscard]] QString suggestedName() const;
    /// Back to the form, with a suggested name: for the next clone.
    Q_INVOKABLE void reset();
    Q_INVOKABLE void clone();

protected:
    void ended(const ProvisioningResult &result) override;

private:
    [[nodiscard]] QString problemOfName(const QString &name) const;

    QString m_name;
    bool m_linked = true;
    bool m_start = false;
    QString m_targetNode; ///< empty: the parent's own
    QString m_pool;
    QString m_cloneUuid;
};

} // namespace Flotilla
