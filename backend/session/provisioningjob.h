// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "provisioning/imageheader.h"
#include "provisioning/imagelibrary.h"
#include "provisioning/machinecloning.h"
#include "provisioning/machinedefinition.h"
#include "provisioning/machineprovisioning.h"
#include "provisioning/machinetransfer.h"
#include "provisioning/provisioningplan.h"

#include <QDeadlineTimer>
#include <QMetaType>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace Flotilla
{

/// Something a person asked to make on a node: a machine, or an image
/// from a file on this computer. A plain value: it travels to the node's
/// session, which runs it as a plan on a thread of its own.
struct ProvisioningRequest {
    enum class Kind {
        Machine,
        ImageFromFile,
        VolumeToFile, ///< a volume saved as a file on this computer
        Clone, ///< a machine cloned on its own node
        Transfer, ///< a machine cloned onto another node, or moved there
    };
    Kind kind = Kind::Machine;
    MachineOrder order; ///< Machine
    CloneOrder clone; ///< Clone
    TransferOrder transfer; ///< Transfer
    QString targetNode; ///< Transfer: the fleet's id of the node it goes to
    /// Transfer: that node's connection and name, and the source's name,
    /// filled in by the fleet as it hands the job to the source's session.
    TransferTarget target;
    QString sourceName;
    QString pool; ///< ImageFromFile: where the image goes; VolumeToFile: where the volume is
    QString name; ///< ImageFromFile, VolumeToFile: the volume's name
    QString path; ///< ImageFromFile, VolumeToFile: the file on this computer

    /// The machine the request makes (Machine, Clone), or empty.
    [[nodiscard]] QString madeUuid() const
    {
        switch (kind) {
        case Kind::Machine:
            return order.machine.uuid;
        case Kind::Clone:
            return clone.uuid;
        case Kind::Transfer:
            return transfer.uuid;
        case Kind::ImageFromFile:
        case Kind::VolumeToFile:
            break;
        }
        return {};
    }
};

/// A plan's step changed state, or an upload moved on.
struct ProvisioningUpdate {
    quint64 jobId = 0;
    QStringList steps; ///< the plan's step titles (each update carries them: the first may come late)
    QList<bool> simulated; ///< per step: done without the real work, on a demo node
    qsizetype step = -1;
    ProvisioningPlan::StepState state = ProvisioningPlan::StepState::Waiting;
    quint64 doneBytes = 0; ///< an upload's progress
    quint64 totalBytes = 0;
};

/// How a job ended.
struct ProvisioningResult {
    quint64 jobId = 0;
    QString uuid; ///< Machine: the machine's
    ProvisioningPlan::Outcome outcome;
};

/// What a node offers new machines and what its pools hold.
struct NodeStock {
    QList<NodeVolume> volumes;
    HypervisorOffer offer;
    Error offerProblem; ///< why the offer could not be read; then offer is empty
};

namespace ProvisioningJob
{

/// A plan under way in this process, counted from before its thread starts
/// until that thread is done with it: the fleet lets plans it cancelled
/// finish their undo before the application goes. It names the machine it
/// makes, on whichever node: a plan of one node's session may make a
/// machine on another (a transfer), whose session must not take it for a
/// leftover while it is made.
class Underway
{
public:
    explicit Underway(QString making = {});
    ~Underway();
    Underway(const Underway &) = delete;
    Underway &operator=(const Underway &) = delete;

    /// Waits until no plan is under way, or until @p deadline; whether none is.
    static bool waitForNone(QDeadlineTimer deadline);
    /// Whether a plan under way makes the machine with @p uuid.
    [[nodiscard]] static bool isMaking(const QString &uuid);

private:
    QString m_making;
};

/// Hears an update, on the job's thread.
using Report = std::function<void(const ProvisioningUpdate &)>;

/// The plan for @p request on @p connection, to the node whose URI is
/// @p node. @p simulated: a demo node, which cannot take uploads (see
/// MachineProvisioning::plan). An upload is written down in the
/// UploadJournal while it runs.
[[nodiscard]] ProvisioningPlan plan(virConnectPtr connection, const QString &node, const HypervisorOffer &offer,
    const ProvisioningRequest &request, bool simulated, const Report &report,
    const std::shared_ptr<std::atomic_bool> &cancel);

/// Runs @p plan, telling each step's state through @p report.
[[nodiscard]] ProvisioningPlan::Outcome run(
    const ProvisioningPlan &plan, quint64 jobId, const std::atomic_bool &cancel, const Report &report);

/// What the node offers (its domain capabilities, KVM where it has it)
/// and its pools' volumes.
[[nodiscard]] NodeStock readStock(virConnectPtr connection, bool kvm);

} // namespace ProvisioningJob

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::ProvisioningUpdate)
Q_DECLARE_METATYPE(Flotilla::ProvisioningResult)
Q_DECLARE_METATYPE(Flotilla::NodeStock)
Q_DECLARE_METATYPE(Flotilla::TransferTarget)
