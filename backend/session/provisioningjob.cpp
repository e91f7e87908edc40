// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/provisioningjob.h"

#include "libvirt/libvirthandles.h"
#include "provisioning/imageupload.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/volumedownload.h"
#include "session/inventoryreader.h"

#include <KLocalizedString>

#include <QMultiHash>
#include <QMutex>
#include <QWaitCondition>

#include <libvirt/virterror.h>

#include <cstdlib>

namespace Flotilla::ProvisioningJob
{

namespace
{

/// An image from a file: sent through a stream, or on a demo node, made
/// empty with the file's format and size (the test driver takes no uploads).
ProvisioningPlan imagePlan(virConnectPtr connection, const QString &node, const ProvisioningRequest &request,
    bool simulated, const Report &report, const std::shared_ptr<std::atomic_bool> &cancel)
{
    ProvisioningPlan plan;
    plan.append({.title = i18nc("@info:progress", "Upload the image"),
        .run = [connection, node, request, simulated, report, cancel]() -> Result<bool> {
            if (simulated) {
                const Result<ImageHeader::Image> image = ImageHeader::inspectFile(request.path);
                if (!image) {
                    return image.error();
                }
                if (NodeVolumes::exists(connection, request.pool, request.name)) {
                    return Error{.message
                        = i18nc("@info", "The pool %1 already has a volume named %2", request.pool, request.name)};
                }
                return NodeVolumes::createEmpty(connection, request.pool, request.name, image.value().virtualBytes,
                    ImageHeader::formatName(image.value().format));
            }
            const Result<ImageHeader::Image> sent = ImageUpload::upload(
                connection, request.pool, request.name, request.path, *cancel,
                [report](const ImageUpload::Progress &progress) {
                    report(ProvisioningUpdate{.step = 0,
                        .state = ProvisioningPlan::StepState::Running,
                        .doneBytes = progress.doneBytes,
                        .totalBytes = progress.totalBytes});
                },
                node);
            if (!sent) {
                return sent.error();
            }
            return true;
        },
        .undo = [connection, request] { return NodeVolumes::remove(connection, request.pool, request.name); },
        .simulated = simulated});
    return plan;
}

ProvisioningPlan downloadPlan(virConnectPtr connection, const ProvisioningRequest &request, const Report &report,
    const std::shared_ptr<std::atomic_bool> &cancel)
{
    ProvisioningPlan plan;
    plan.append({.title = i18nc("@info:progress", "Download the volume"),
        .run = [connection, request, report, cancel]() -> Result<bool> {
            const Result<quint64> saved = VolumeDownload::download(connection, request.pool, request.name, request.path,
                *cancel, [report](const VolumeDownload::Progress &progress) {
                    report(ProvisioningUpdate{.step = 0,
                        .state = ProvisioningPlan::StepState::Running,
                        .doneBytes = progress.doneBytes,
                        .totalBytes = progress.totalBytes});
                });
            if (!saved) {
                return saved.error();
            }
            return true;
        }});
    return plan;
}

/// A machine cloned onto another node or moved there; its disks' progress
/// comes as their steps' bytes.
ProvisioningPlan transferPlan(virConnectPtr connection, const ProvisioningRequest &request, bool simulated,
    const Report &report, const std::shared_ptr<std::atomic_bool> &cancel)
{
    if (!request.target.connection) {
        ProvisioningPlan plan;
        plan.append({.title = i18nc("@info:progress", "Check the machine and both nodes"), .run = []() -> Result<bool> {
                         return Error{.message = i18nc("@info", "The target node is not connected")};
                     }});
        return plan;
    }
    const MachineTransfer::Context context{.source = connection,
        .sourceName = request.sourceName,
        .simulated = simulated,
        .target = request.target,
        .users = [](virConnectPtr node, const QStringList &paths,
                     const QString &except) { return InventoryReader::machinesUsing(node, paths, except); },
        .cancel = cancel,
        .progress =
            [report](qsizetype step, quint64 done, quint64 total) {
                report(ProvisioningUpdate{.step = step,
                    .state = ProvisioningPlan::StepState::Running,
                    .doneBytes = done,
                    .totalBytes = total});
            }};
    return MachineTransfer::plan(context, request.transfer);
}

} // namespace

namespace
{
struct {
    QMutex mutex;
    QWaitCondition ended;
    int count = 0;
    QMultiHash<QString, bool> making; ///< by UUID: the machines plans under way make
} underway;
} // namespace

Underway::Underway(QString making)
    : m_making(std::move(making))
{
    const QMutexLocker lock(&underway.mutex);
    ++underway.count;
    if (!m_making.isEmpty()) {
        underway.making.insert(m_making, true);
    }
}

Underway::~Underway()
{
    const QMutexLocker lock(&underway.mutex);
    if (!m_making.isEmpty()) {
        underway.making.remove(m_making, true);
    }
    if (--underway.count == 0) {
        underway.ended.wakeAll();
    }
}

bool Underway::isMaking(const QString &uuid)
{
    const QMutexLocker lock(&underway.mutex);
    return underway.making.contains(uuid);
}

bool Underway::waitForNone(QDeadlineTimer deadline)
{
    QMutexLocker lock(&underway.mutex);
    while (underway.count > 0) {
        if (!underway.ended.wait(&underway.mutex, deadline)) {
            return false;
        }
    }
    return true;
}

ProvisioningPlan plan(virConnectPtr connection, const QString &node, const HypervisorOffer &offer,
    const ProvisioningRequest &request, bool simulated, const Report &report,
    const std::shared_ptr<std::atomic_bool> &cancel)
{
    if (request.kind == ProvisioningRequest::Kind::ImageFromFile) {
        return imagePlan(connection, node, request, simulated, report, cancel);
    }
    if (request.kind == ProvisioningRequest::Kind::VolumeToFile) {
        return downloadPlan(connection, request, report, cancel);
    }
    if (request.kind == ProvisioningRequest::Kind::Clone) {
        return MachineCloning::plan(connection, request.clone, simulated);
    }
    if (request.kind == ProvisioningRequest::Kind::Transfer) {
        return transferPlan(connection, request, simulated, report, cancel);
    }
    return MachineProvisioning::plan(connection, offer, request.order, simulated);
}

ProvisioningPlan::Outcome run(
    const ProvisioningPlan &plan, quint64 jobId, const std::atomic_bool &cancel, const Report &report)
{
    QStringList steps;
    QList<bool> simulated;
    for (qsizetype i = 0; i < plan.size(); ++i) {
        steps.append(plan.step(i).title);
        simulated.append(plan.step(i).simulated);
    }
    return plan.run(cancel, [&](qsizetype step, ProvisioningPlan::StepState state) {
        report(
            ProvisioningUpdate{.jobId = jobId, .steps = steps, .simulated = simulated, .step = step, .state = state});
    });
}

NodeStock readStock(virConnectPtr connection, bool kvm)
{
    NodeStock stock;
    const Result<QList<NodeVolume>> volumes = ImageLibrary::readVolumes(connection);
    if (volumes) {
        stock.volumes = volumes.value();
    }
    // libvirt's test driver names no machine type or emulator in its
    // capabilities, and takes any: a demo node offers what a small KVM node would.
    if (QByteArrayView(virConnectGetType(connection)) == "TEST") {
        stock.offer = HypervisorOffer{.domainType = QStringLiteral("test"),
            .machineType = QStringLiteral("pc-q35-10.0"),
            .arch = QStringLiteral("x86_64"),
            .emulator = QStringLiteral("/usr/bin/qemu-system-x86_64"),
            .virtioVideo = true,
            .virtioRng = true};
        return stock;
    }
    char *xml = virConnectGetDomainCapabilities(connection, nullptr, nullptr, "q35", kvm ? "kvm" : "qemu", 0);
    if (xml == nullptr) {
        stock.offerProblem = Libvirt::lastError(i18nc("@info", "Could not read what the node offers new machines"));
        return stock;
    }
    const Result<HypervisorOffer> offer = MachineDefinition::parseOffer(QByteArrayView(xml));
    free(xml); // NOLINT(cppcoreguidelines-no-malloc): libvirt's allocation
    if (offer) {
        stock.offer = offer.value();
    } else {
        stock.offerProblem = offer.error();
    }
    return stock;
}

} // namespace Flotilla::ProvisioningJob
