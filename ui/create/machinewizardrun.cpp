// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The wizard's run: the machines' orders, handed to the fleet at most two at
// a time, and each machine's steps as they go.
#include "machinewizard.h"

#include "fleet/fleet.h"
#include "provisioning/imageheader.h"
#include "provisioning/stepstatename.h"

#include <KLocalizedString>

#include <QDateTime>
#include <QUuid>

namespace Flotilla
{

namespace
{
constexpr quint64 MiB = 1ULL << 20;
constexpr quint64 GiB = 1ULL << 30;
/// Plans at once on one node: a third would mostly wait for the node's disks.
constexpr qsizetype plansAtOnce = 2;

} // namespace

MachineOrder MachineWizard::orderFor(const QString &name) const
{
    auto identity = m_identity.find(name);
    if (identity == m_identity.end()) {
        identity = m_identity.insert(
            name, {QUuid::createUuid().toString(QUuid::WithoutBraces), MachineDefinition::randomMac()});
    }
    const auto &[uuid, mac] = *identity;
    MachineOrder order{.machine = {.name = name,
                           .uuid = uuid,
                           .vcpus = m_vcpus,
                           .maxVcpus = m_maxVcpus,
                           .memoryBytes = quint64(m_memoryMiB) * MiB,
                           .maxMemoryBytes = quint64(m_maxMemoryMiB) * MiB,
                           .firmware = m_uefi ? NewMachine::Firmware::Uefi : NewMachine::Firmware::Bios,
                           .network = m_network,
                           .mac = mac,
                           .metadata = {.image = m_image,
                               .created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                               .creator = MachineProvisioning::creatorHere()}},
        .pool = m_pool,
        .image = m_image,
        .linkedClone = m_linkedClone,
        .rootBytes = quint64(m_rootGiB) * GiB,
        .dataBytes = m_keptDataDisk.isEmpty() ? quint64(std::max(m_dataGiB, 0)) * GiB : 0,
        .dataVolume = m_keptDataDisk.section(QLatin1Char('/'), 1),
        .dataPool = m_keptDataDisk.isEmpty() ? m_dataPool : m_keptDataDisk.section(QLatin1Char('/'), 0, 0),
        .start = m_start};
    if (const Fleet::Node *node = chosenNode()) {
        if (const std::optional<NodeVolume> image = imageOnNode(*node)) {
            order.imageFormat = image->format;
        }
    }
    return order;
}

bool MachineWizard::isRunning() const
{
    return std::ranges::any_of(m_progress, [](const QVariant &entry) {
        const QString state = entry.toMap().value(QStringLiteral("state")).toString();
        return state == QLatin1StringView("waiting") || state == QLatin1StringView("running");
    });
}

void MachineWizard::create()
{
    if (!m_view || isRunning() || !problems().isEmpty()) {
        return;
    }
    m_progress.clear();
    m_orders.clear();
    m_jobs.clear();
    m_next = 0;
    m_cancelled = false;
    m_uploadFirst = !m_imageFile.isEmpty();
    if (m_uploadFirst) {
        m_progress.append(QVariantMap{{QStringLiteral("name"), m_image}, {QStringLiteral("upload"), true},
            {QStringLiteral("state"), QStringLiteral("waiting")}});
    }
    for (const QString &name : machineNames()) {
        MachineOrder order = orderFor(name);
        if (m_uploadFirst && m_fileImage && *m_fileImage) { // read as the upload will read it
            order.imageFormat = ImageHeader::formatName(m_fileImage->value().format);
        }
        // An installer sets the machine up itself: no seed.
        const Result<CloudInit::Seed> seed = installing()
            ? Result<CloudInit::Seed>(CloudInit::Seed{})
            : CloudInit::seed(setupFor(name), QStringLiteral("iid-") + order.machine.uuid, order.machine.mac);
        QVariantMap entry{{QStringLiteral("name"), name}, {QStringLiteral("uuid"), order.machine.uuid},
            {QStringLiteral("state"), QStringLiteral("waiting")}};
        if (seed) {
            order.seed = seed.value();
        } else {
            entry[QStringLiteral("state")] = QStringLiteral("failed");
            entry[QStringLiteral("error")] = seed.error().text();
        }
        m_orders.append(order);
        m_progress.append(entry);
    }
    m_identity.clear(); // a second run makes new machines
    Q_EMIT progressChanged();
    startNext();
}

void MachineWizard::startNext()
{
    if (m_cancelled || !m_view) {
        return;
    }
    Fleet *fleet = m_view->fleet();
    const qsizetype first = m_uploadFirst ? 1 : 0;
    if (m_uploadFirst && m_next == 0) {
        m_jobs.insert(fleet->provision(m_nodeId,
                          ProvisioningRequest{.kind = ProvisioningRequest::Kind::ImageFromFile,
                              .pool = m_pool,
                              .name = m_image,
                              .path = m_imageFile.toLocalFile()}),
            0);
        m_next = 1;
        setEntry(0, QStringLiteral("running"));
        return;
    }
    if (m_uploadFirst && m_progress.at(0).toMap().value(QStringLiteral("state")) != QStringLiteral("done")) {
        return; // the machines wait for their image
    }
    while (m_jobs.size() < plansAtOnce && m_next < m_progress.size()) {
        const qsizetype index = m_next++;
        if (m_progress.at(index).toMap().value(QStringLiteral("state")) != QStringLiteral("waiting")) {
            continue;
        }
        m_jobs.insert(fleet->provision(m_nodeId, ProvisioningRequest{.order = m_orders.at(index - first)}), index);
        setEntry(index, QStringLiteral("running"));
    }
}

void MachineWizard::setEntry(qsizetype index, const QString &state, const QString &error)
{
    QVariantMap entry = m_progress.at(index).toMap();
    entry[QStringLiteral("state")] = state;
    if (!error.isEmpty()) {
        entry[QStringLiteral("error")] = error;
    }
    m_progress[index] = entry;
    Q_EMIT progressChanged();
}

void MachineWizard::onUpdate(const ProvisioningUpdate &update)
{
    const auto job = m_jobs.constFind(update.jobId);
    if (job == m_jobs.cend()) {
        return;
    }
    QVariantMap entry = m_progress.at(*job).toMap();
    QVariantList steps = entry.value(QStringLiteral("steps")).toList();
    if (!update.steps.isEmpty() && steps.size() != update.steps.size()) {
        steps.clear();
        for (qsizetype i = 0; i < update.steps.size(); ++i) {
            steps.append(QVariantMap{{QStringLiteral("title"), update.steps.at(i)},
                {QStringLiteral("state"), QStringLiteral("waiting")},
                {QStringLiteral("simulated"), update.simulated.value(i)}});
        }
    }
    if (update.step >= 0 && update.step < steps.size()) {
        QVariantMap step = steps.at(update.step).toMap();
        step[QStringLiteral("state")] = ProvisioningSteps::stateName(update.state);
        steps[update.step] = step;
    }
    entry[QStringLiteral("steps")] = steps;
    if (update.totalBytes > 0) {
        entry[QStringLiteral("fraction")] = double(update.doneBytes) / double(update.totalBytes);
    }
    m_progress[*job] = entry;
    Q_EMIT progressChanged();
}

void MachineWizard::onFinished(const ProvisioningResult &result)
{
    const auto job = m_jobs.constFind(result.jobId);
    if (job == m_jobs.cend()) {
        return;
    }
    const qsizetype index = *job;
    m_jobs.erase(job);
    const ProvisioningPlan::Outcome &outcome = result.outcome;
    QString error = outcome.failure.text();
    for (const Error &leftover : outcome.leftovers) {
        error += QLatin1Char('\n') + i18nc("@info", "Left on the node: %1", leftover.text());
    }
    setEntry(index,
        outcome.completed       ? QStringLiteral("done")
            : outcome.cancelled ? QStringLiteral("cancelled")
                                : QStringLiteral("failed"),
        outcome.completed ? QString() : error);
    if (m_uploadFirst && index == 0) {
        if (!outcome.completed) {
            for (qsizetype i = 1; i < m_progress.size(); ++i) {
                setEntry(i, QStringLiteral("cancelled"), i18nc("@info", "The image did not reach the node."));
            }
            return;
        }
    }
    startNext();
}

void MachineWizard::cancel()
{
    if (!m_view) {
        return;
    }
    m_cancelled = true;
    for (auto job = m_jobs.cbegin(); job != m_jobs.cend(); ++job) {
        m_view->fleet()->cancelProvisioning(job.key());
    }
    for (qsizetype i = 0; i < m_progress.size(); ++i) {
        if (m_progress.at(i).toMap().value(QStringLiteral("state")) == QStringLiteral("waiting")) {
            setEntry(i, QStringLiteral("cancelled"));
        }
    }
}

} // namespace Flotilla
