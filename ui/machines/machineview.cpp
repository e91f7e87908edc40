// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machines/machineview.h"

#include "core/displayname.h"
#include "model/tags.h"
#include "workloads/machinetemplate.h"

#include "fleet/fleet.h"
#include "fleet/fleetview.h"

#include <KFormat>
#include <KLocalizedString>

namespace Flotilla
{
namespace
{
constexpr quint64 mib = 1024 * 1024;

QString sizeText(quint64 bytes)
{
    return bytes > 0 ? KFormat().formatByteSize(double(bytes), 1) : QString();
}
} // namespace

MachineView::MachineView(QObject *parent)
    : QObject(parent)
{
}

void MachineView::setFleet(FleetView *fleet)
{
    if (fleet == m_fleet) {
        return;
    }
    if (m_fleet) {
        disconnect(m_fleet->fleet(), nullptr, this, nullptr);
        disconnect(m_fleet->actions(), nullptr, this, nullptr);
        disconnect(m_fleet->nodes(), nullptr, this, nullptr);
    }
    m_fleet = fleet;
    if (m_fleet) {
        connect(m_fleet->fleet(), &Fleet::machinesChanged, this, [this](qsizetype, const InventoryChange &change) {
            const auto isMine = [this](const Machine &machine) { return machine.uuid == m_uuid; };
            if (std::ranges::any_of(change.changed, isMine) || std::ranges::any_of(change.added, isMine)
                || change.removed.contains(m_uuid)) {
                Q_EMIT changed();
            }
        });
        connect(m_fleet->fleet(), &Fleet::nodeChanged, this, &MachineView::changed); // the node's name, its state
        // The node list counts "last heard" up each second while a node is silent.
        connect(m_fleet->nodes(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &first, const QModelIndex &last, const QList<int> &roles) {
                const qsizetype row = m_fleet->fleet()->indexOf(nodeId());
                if (row >= first.row() && row <= last.row()
                    && (roles.isEmpty() || roles.contains(NodeListModel::LastHeardTextRole))) {
                    Q_EMIT nodeHeardChanged();
                }
            });
        connect(m_fleet->actions(), &MachineActions::requestFinished, this,
            [this](quint64, const QString &uuid, const QString &error, const QString &details) {
                if (uuid != m_uuid || m_pending == 0) {
                    return;
                }
                --m_pending;
                if (!error.isEmpty()) {
                    m_problem = error;
                    m_problemDetails = details;
                }
                Q_EMIT busyChanged();
            });
    }
    Q_EMIT uuidChanged();
    Q_EMIT changed();
}

void MachineView::setUuid(const QString &uuid)
{
    if (uuid == m_uuid) {
        return;
    }
    m_uuid = uuid;
    m_problem.clear();
    m_problemDetails.clear();
    Q_EMIT uuidChanged();
    Q_EMIT changed();
    Q_EMIT busyChanged();
}

const Machine *MachineView::machine() const
{
    return m_fleet ? m_fleet->machines()->machine(m_uuid) : nullptr;
}

QString MachineView::name() const
{
    return machine() ? displayName(machine()->name) : QString();
}

QString MachineView::nodeId() const
{
    return m_fleet ? m_fleet->machines()->nodeIdOf(m_uuid) : QString();
}

bool MachineView::nodeAnswering() const
{
    return !m_fleet || m_fleet->fleet()->heartbeat().isAnswering(nodeId());
}

QString MachineView::nodeLastHeardText() const
{
    const qsizetype row = m_fleet ? m_fleet->fleet()->indexOf(nodeId()) : -1;
    if (row < 0) {
        return {};
    }
    return m_fleet->nodes()->index(int(row)).data(NodeListModel::LastHeardTextRole).toString();
}

QString MachineView::nodeName() const
{
    const qsizetype index = m_fleet ? m_fleet->fleet()->indexOf(nodeId()) : -1;
    return index < 0 ? QString() : displayName(m_fleet->fleet()->nodes().at(index).entry.name);
}

int MachineView::machineState() const
{
    return int(machine() ? machine()->state : MachineState::Unknown);
}

QString MachineView::stateText() const
{
    return MachineListModel::stateText(MachineState(machineState()));
}

bool MachineView::isActive() const
{
    return machine() && machine()->isActive();
}

QVariantMap MachineView::facts() const
{
    const Machine *m = machine();
    if (!m) {
        return {};
    }
    QStringList graphics;
    for (const Graphics &g : m->graphics) {
        graphics.append(g.type.toUpper());
    }
    return {
        {QStringLiteral("title"), m->title},
        {QStringLiteral("description"), m->description},
        {QStringLiteral("domainType"), m->domainType},
        {QStringLiteral("persistent"), m->persistent},
        {QStringLiteral("autostart"), m->autostart},
        {QStringLiteral("vcpus"), m->vcpus},
        {QStringLiteral("maxVcpus"), m->maxVcpus},
        {QStringLiteral("memoryMiB"), double(m->memoryBytes / mib)},
        {QStringLiteral("maxMemoryMiB"), double(m->maxMemoryBytes / mib)},
        {QStringLiteral("memoryText"), sizeText(m->memoryBytes)},
        {QStringLiteral("maxMemoryText"), sizeText(m->maxMemoryBytes)},
        {QStringLiteral("snapshotCount"), m->snapshotCount},
        {QStringLiteral("snapshots"), m->snapshots},
        {QStringLiteral("graphics"), graphics.join(QStringLiteral(", "))},
        {QStringLiteral("problem"), m->problem.text()},
    };
}

QVariantList MachineView::disks() const
{
    QVariantList result;
    for (const Disk &disk : machine() ? machine()->disks : QList<Disk>()) {
        result.append(QVariantMap{{QStringLiteral("target"), disk.target}, {QStringLiteral("device"), disk.device},
            {QStringLiteral("bus"), disk.bus}, {QStringLiteral("source"), disk.source},
            {QStringLiteral("format"), disk.format}, {QStringLiteral("size"), sizeText(disk.capacityBytes)}});
    }
    return result;
}

QVariantList MachineView::interfaces() const
{
    QVariantList result;
    for (const NetworkInterface &nic : machine() ? machine()->interfaces : QList<NetworkInterface>()) {
        result.append(QVariantMap{{QStringLiteral("mac"), nic.mac}, {QStringLiteral("type"), nic.type},
            {QStringLiteral("source"), nic.source}, {QStringLiteral("model"), nic.model},
            {QStringLiteral("target"), nic.target},
            {QStringLiteral("addresses"), nic.addresses.join(QStringLiteral(", "))}});
    }
    return result;
}

QStringList MachineView::tags() const
{
    return machine() ? machine()->metadata.tags : QStringList();
}

QString MachineView::note() const
{
    return machine() ? machine()->metadata.note : QString();
}

void MachineView::send(const MachineRequest &request)
{
    if (!m_fleet || !machine()) {
        return;
    }
    m_problem.clear();
    m_problemDetails.clear();
    if (m_fleet->actions()->send(m_uuid, request) > 0) {
        ++m_pending;
    }
    Q_EMIT busyChanged();
}

void MachineView::setVcpus(int vcpus)
{
    send(MachineRequest{.kind = MachineRequest::Kind::SetVcpus, .uuid = m_uuid, .vcpus = vcpus});
}

void MachineView::setMemoryMiB(qint64 mebibytes)
{
    send(MachineRequest{
        .kind = MachineRequest::Kind::SetMemory, .uuid = m_uuid, .memoryBytes = quint64(mebibytes) * mib});
}

void MachineView::setMaxVcpus(int vcpus)
{
    send(MachineRequest{.kind = MachineRequest::Kind::SetMaxVcpus, .uuid = m_uuid, .vcpus = vcpus});
}

void MachineView::setMaxMemoryMiB(qint64 mebibytes)
{
    send(MachineRequest{
        .kind = MachineRequest::Kind::SetMaxMemory, .uuid = m_uuid, .memoryBytes = quint64(mebibytes) * mib});
}

void MachineView::saveMetadata(const QStringList &tags, const QString &note)
{
    const Machine *m = machine();
    if (!m) {
        return;
    }
    MachineMetadata metadata = m->metadata;
    metadata.tags.clear();
    for (const QString &tag : tags) {
        if (const QString clean = tag.trimmed(); !metadata.tags.contains(clean)) {
            metadata.tags.append(clean); // a tag that breaks the rule is refused by the request, naming it
        }
    }
    metadata.note = note;
    send(MachineRequest{.kind = MachineRequest::Kind::SetMetadata, .uuid = m_uuid, .metadata = metadata});
}

QString MachineView::tagProblem(const QString &tag) const
{
    return Tags::problem(tag);
}

QString MachineView::makeTemplate() const
{
    const Machine *shown = machine();
    if (!shown) {
        return i18nc("@info", "The machine is gone.");
    }
    const Result<MachineTemplate> made = MachineTemplates::fromMachine(*shown);
    const Result<QString> written = made ? MachineTemplates::write(made.value()) : Result<QString>(made.error());
    if (!written) {
        return written.error().text();
    }
    return i18nc("@info a template's name, then its file",
        "Kept as the template %1 (%2): the Deploy Workload wizard offers it.", made.value().name, written.value());
}

} // namespace Flotilla
