// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinewizard.h"

#include "core/displayname.h"
#include "fleet/fleet.h"
#include "model/names.h"
#include "provisioning/imageheader.h"
#include "provisioning/imagelibrary.h"
#include "provisioning/machinedefinition.h"

#include <KLocalizedString>

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace Flotilla
{

namespace
{
constexpr quint64 MiB = 1ULL << 20;
constexpr quint64 GiB = 1ULL << 30;
constexpr int mostMachines = 99; ///< name-01 … name-99

QString bytes(quint64 value)
{
    return FleetSummary::formatBytes(double(value));
}

bool isConnected(const Fleet::Node &node)
{
    return isUp(node.status.state);
}

QString nodeName(const Fleet::Node &node)
{
    return node.entry.name.isEmpty() ? node.entry.id : node.entry.name;
}

QStringList words(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral(R"(\s+)")), Qt::SkipEmptyParts);
}

QStringList lines(const QString &text)
{
    QStringList found;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty()) {
            found.append(line.trimmed());
        }
    }
    return found;
}
} // namespace

MachineWizard::MachineWizard(QObject *parent)
    : QObject(parent)
{
}

const QList<QStringList> &MachineWizard::stepFields()
{
    static const QList<QStringList> fields{
        {QStringLiteral("image")},
        {QStringLiteral("nodeId"), QStringLiteral("pool"), QStringLiteral("network")},
        {QStringLiteral("vcpus"), QStringLiteral("maxVcpus"), QStringLiteral("memoryMiB"),
            QStringLiteral("maxMemoryMiB"), QStringLiteral("rootGiB")},
        {QStringLiteral("dataGiB"), QStringLiteral("dataPool"), QStringLiteral("keptDataDisk"), QStringLiteral("uefi")},
        {QStringLiteral("name"), QStringLiteral("userName"), QStringLiteral("password"), QStringLiteral("sshKeys"),
            QStringLiteral("packages"), QStringLiteral("commands"), QStringLiteral("timezone"),
            QStringLiteral("address"), QStringLiteral("gateway"), QStringLiteral("nameservers"),
            QStringLiteral("ownConfig")},
        {QStringLiteral("count")},
        {},
    };
    return fields;
}

void MachineWizard::setView(FleetView *view)
{
    if (m_view == view) {
        return;
    }
    if (m_view) {
        disconnect(m_view->fleet(), nullptr, this, nullptr);
    }
    m_view = view;
    m_libraries.clear();
    if (m_view) {
        Fleet *fleet = m_view->fleet();
        connect(fleet, &Fleet::nodeChanged, this, [this, fleet](qsizetype index) {
            m_libraries.remove(fleet->nodes().at(index).entry.id);
            readStockOnce(fleet->nodes().at(index));
            Q_EMIT choicesChanged();
            Q_EMIT changed();
        });
        connect(fleet, &Fleet::nodeAboutToBeRemoved, this,
            [this, fleet](qsizetype index) { m_libraries.remove(fleet->nodes().at(index).entry.id); });
        connect(fleet, &Fleet::provisioningUpdated, this,
            [this](const QString &, const ProvisioningUpdate &update) { onUpdate(update); });
        connect(fleet, &Fleet::provisioningFinished, this,
            [this](const QString &, const ProvisioningResult &result) { onFinished(result); });
        for (const Fleet::Node &node : fleet->nodes()) {
            readStockOnce(node);
        }
    }
    Q_EMIT fleetChanged();
    Q_EMIT choicesChanged();
    Q_EMIT changed();
}

QVariantList MachineWizard::images() const
{
    if (!m_view) {
        return {};
    }
    QMap<QString, QVariantMap> byName; // sorted by name
    for (const Fleet::Node &node : m_view->fleet()->nodes()) {
        if (!isConnected(node) || !node.hasStock) {
            continue;
        }
        for (const LibraryImage &image : libraryOf(node)) {
            QVariantMap &entry = byName[image.volume.name];
            entry[QStringLiteral("name")] = image.volume.name;
            entry[QStringLiteral("format")] = image.volume.format;
            entry[QStringLiteral("installer")] = image.isInstaller();
            entry[QStringLiteral("virtualBytes")]
                = std::max(entry.value(QStringLiteral("virtualBytes")).toDouble(), double(image.volume.capacityBytes));
            if (!image.problem.isEmpty()) {
                entry[QStringLiteral("problem")] = image.problem;
            }
            QStringList names = entry.value(QStringLiteral("nodes")).toStringList();
            QStringList ids = entry.value(QStringLiteral("nodeIds")).toStringList();
            if (!ids.contains(node.entry.id)) {
                names.append(nodeName(node));
                ids.append(node.entry.id);
            }
            entry[QStringLiteral("nodes")] = names;
            entry[QStringLiteral("nodeIds")] = ids;
        }
    }
    QVariantList list;
    for (const QVariantMap &entry : std::as_const(byName)) {
        list.append(entry);
    }
    return list;
}

void MachineWizard::setImage(const QString &image)
{
    if (m_image == image && m_imageFile.isEmpty()) {
        return;
    }
    m_image = image;
    m_imageFile.clear();
    m_fileImage.reset();
    if (const Fleet::Node *node = chosenNode()) {
        if (const std::optional<NodeVolume> volume = imageOnNode(*node)) {
            m_pool = volume->pool;
            m_rootGiB = std::max<int>(m_rootGiB, int((volume->capacityBytes + GiB - 1) / GiB));
        }
    }
    Q_EMIT choicesChanged(); // the nodes that have the image
    Q_EMIT changed();
}

void MachineWizard::setImageFile(const QUrl &file)
{
    m_imageFile = file;
    m_image = file.fileName();
    m_fileImage = ImageHeader::inspectFile(file.toLocalFile());
    if (*m_fileImage) {
        m_rootGiB = std::max<int>(m_rootGiB, int((m_fileImage->value().virtualBytes + GiB - 1) / GiB));
    }
    Q_EMIT choicesChanged();
    Q_EMIT changed();
}

void MachineWizard::readStockOnce(const Fleet::Node &node)
{
    // A node that connects while the wizard is open is read then.
    if (m_view) {
        m_view->fleet()->readStockOnce(node.entry.id);
    }
}

const Fleet::Node *MachineWizard::chosenNode() const
{
    if (!m_view) {
        return nullptr;
    }
    const qsizetype index = m_view->fleet()->indexOf(m_nodeId);
    return index < 0 ? nullptr : &m_view->fleet()->nodes().at(index);
}

const QList<LibraryImage> &MachineWizard::libraryOf(const Fleet::Node &node) const
{
    const auto cached = m_libraries.constFind(node.entry.id);
    if (cached != m_libraries.constEnd()) {
        return *cached;
    }
    return *m_libraries.insert(
        node.entry.id, ImageLibrary::images(node.stock.volumes, node.machines.machines().values()));
}

std::optional<NodeVolume> MachineWizard::imageOnNode(const Fleet::Node &node) const
{
    if (m_image.isEmpty() || !m_imageFile.isEmpty()) {
        return std::nullopt;
    }
    std::optional<NodeVolume> found;
    for (const LibraryImage &image : libraryOf(node)) {
        if (image.volume.name == m_image && (!found || image.volume.pool == m_pool)) {
            found = image.volume;
        }
    }
    return found;
}

quint64 MachineWizard::freeMemory(const Fleet::Node &node) const
{
    quint64 given = 0;
    for (const Machine &machine : node.machines.machines()) {
        if (machine.isActive()) {
            given += machine.memoryBytes;
        }
    }
    return node.facts.memoryBytes > given ? node.facts.memoryBytes - given : 0;
}

quint64 MachineWizard::poolFree(const Fleet::Node &node, const QString &pool) const
{
    quint64 most = 0;
    for (const StoragePool &candidate : node.pools) {
        if (candidate.active && (pool.isEmpty() || candidate.name == pool)) {
            most = std::max(most, candidate.availableBytes);
        }
    }
    return most;
}

QString MachineWizard::nodeProblem(const Fleet::Node &node) const
{
    if (!isConnected(node)) {
        return i18nc("@info", "Not connected");
    }
    if (!node.hasStock) {
        return i18nc("@info", "Reading its pools…");
    }
    if (!node.stock.offerProblem.isEmpty()) {
        return node.stock.offerProblem.text();
    }
    if (m_imageFile.isEmpty() && !m_image.isEmpty() && !imageOnNode(node)) {
        return i18nc("@info", "The image %1 is not in this node's library", m_image);
    }
    return {};
}

QVariantList MachineWizard::nodes() const
{
    QVariantList list;
    if (!m_view) {
        return list;
    }
    for (const Fleet::Node &node : m_view->fleet()->nodes()) {
        const std::optional<NodeVolume> image = imageOnNode(node);
        list.append(QVariantMap{{QStringLiteral("nodeId"), node.entry.id}, {QStringLiteral("name"), nodeName(node)},
            {QStringLiteral("country"), node.entry.location.country}, {QStringLiteral("kvm"), node.facts.kvm},
            {QStringLiteral("simulated"), node.simulatedActivity}, {QStringLiteral("cpus"), node.facts.cpus},
            {QStringLiteral("freeMemoryBytes"), double(freeMemory(node))},
            {QStringLiteral("poolFreeBytes"), double(poolFree(node, image ? image->pool : QString()))},
            {QStringLiteral("hasImage"), image.has_value()}, {QStringLiteral("problem"), nodeProblem(node)}});
    }
    return list;
}

QString MachineWizard::suggestedNodeId() const
{
    if (!m_view) {
        return {};
    }
    // The image already there spares an upload; then the most memory not yet given to machines.
    const Fleet::Node *best = nullptr;
    const auto key
        = [this](const Fleet::Node &node) { return std::pair(imageOnNode(node).has_value(), freeMemory(node)); };
    for (const Fleet::Node &node : m_view->fleet()->nodes()) {
        if (nodeProblem(node).isEmpty() && (!best || key(node) > key(*best))) {
            best = &node;
        }
    }
    return best ? best->entry.id : QString();
}

QString MachineWizard::suggestion() const
{
    const qsizetype index = m_view ? m_view->fleet()->indexOf(suggestedNodeId()) : -1;
    if (index < 0) {
        return {};
    }
    const Fleet::Node &node = m_view->fleet()->nodes().at(index);
    return imageOnNode(node) ? i18nc("@info node: memory free", "%1: %2 of memory free, image already there",
                                   nodeName(node), bytes(freeMemory(node)))
                             : i18nc("@info node: memory free", "%1: %2 of memory free; the image will be uploaded",
                                   nodeName(node), bytes(freeMemory(node)));
}

void MachineWizard::setNodeId(const QString &nodeId)
{
    if (m_nodeId == nodeId) {
        return;
    }
    m_nodeId = nodeId;
    m_pool.clear();
    m_network.clear();
    if (const Fleet::Node *node = chosenNode()) {
        const std::optional<NodeVolume> image = imageOnNode(*node);
        const QStringList choices = pools();
        m_pool = image ? image->pool : (choices.isEmpty() ? QString() : choices.first());
        const QStringList nets = networks();
        m_network = nets.contains(QStringLiteral("default")) ? QStringLiteral("default") : nets.first();
        if (m_view && !node->hasStock) {
            m_view->fleet()->readStock(nodeId);
        }
        fitToNode();
    }
    Q_EMIT changed();
}

QStringList MachineWizard::pools() const
{
    QStringList names;
    if (const Fleet::Node *node = chosenNode()) {
        for (const StoragePool &pool : node->pools) {
            if (pool.active) {
                names.append(pool.name);
            }
        }
    }
    return names;
}

QStringList MachineWizard::networks() const
{
    QStringList names;
    if (const Fleet::Node *node = chosenNode()) {
        for (const VirtualNetwork &network : node->networks) {
            if (network.active) {
                names.append(network.name);
            }
        }
    }
    names.append(QString()); // QEMU's own user network: nothing to set up on the node
    return names;
}

bool MachineWizard::isEmulated() const
{
    // A demo node has no hypervisor to speak of: its machines only appear to run.
    const Fleet::Node *node = chosenNode();
    return node && !node->facts.kvm && !node->simulatedActivity;
}

bool MachineWizard::hasConsoles() const
{
    const Fleet::Node *node = chosenNode();
    return node && !node->simulatedActivity;
}

bool MachineWizard::isUefiAvailable() const
{
    const Fleet::Node *node = chosenNode();
    return node && node->stock.offer.uefi;
}

QVariantList MachineWizard::presets() const
{
    struct Preset {
        QString name;
        int vcpus;
        int memoryMiB;
        int rootGiB;
    };
    const QList<Preset> all{{i18nc("@item size of a machine", "Small"), 1, 1024, 10},
        {i18nc("@item size of a machine", "Medium"), 2, 4096, 40},
        {i18nc("@item size of a machine", "Large"), 4, 8192, 80}};
    QVariantList list;
    for (const Preset &preset : all) {
        list.append(QVariantMap{{QStringLiteral("name"), preset.name}, {QStringLiteral("vcpus"), preset.vcpus},
            {QStringLiteral("memoryMiB"), preset.memoryMiB}, {QStringLiteral("rootGiB"), preset.rootGiB},
            {QStringLiteral("text"),
                i18ncp("@info", "%1 vCPU, %2 memory, %3 disk", "%1 vCPUs, %2 memory, %3 disk", preset.vcpus,
                    bytes(quint64(preset.memoryMiB) * MiB), bytes(quint64(preset.rootGiB) * GiB))}});
    }
    return list;
}

void MachineWizard::applyPreset(int index)
{
    const QVariantList all = presets();
    if (index < 0 || index >= all.size()) {
        return;
    }
    const QVariantMap preset = all.at(index).toMap();
    m_vcpus = preset.value(QStringLiteral("vcpus")).toInt();
    m_memoryMiB = preset.value(QStringLiteral("memoryMiB")).toInt();
    m_maxVcpus = std::max(m_maxVcpus, m_vcpus * 2);
    m_maxMemoryMiB = std::max(m_maxMemoryMiB, m_memoryMiB * 2);
    m_rootGiB = std::max(m_rootGiB, preset.value(QStringLiteral("rootGiB")).toInt());
    fitToNode();
    Q_EMIT changed();
}

void MachineWizard::fitToNode()
{
    const Fleet::Node *node = chosenNode();
    if (!node || node->facts.cpus < 1 || node->facts.memoryBytes < MiB) {
        return;
    }
    // The room to grow is offered up to the node's own size: beyond it the
    // step would refuse what the person never chose.
    const int memoryMiB = int(std::min<quint64>(node->facts.memoryBytes / MiB, std::numeric_limits<int>::max()));
    m_maxVcpus = std::min(m_maxVcpus, node->facts.cpus);
    m_vcpus = std::min(m_vcpus, m_maxVcpus);
    m_maxMemoryMiB = std::min(m_maxMemoryMiB, memoryMiB);
    m_memoryMiB = std::min(m_memoryMiB, m_maxMemoryMiB);
}

void MachineWizard::setPassword(const QString &password)
{
    m_passwordProblem.clear();
    m_passwordHash.clear();
    if (!password.isEmpty()) {
        const Result<QString> hash = CloudInit::hashPassword(password);
        if (hash) {
            m_passwordHash = hash.value();
        } else {
            m_passwordProblem = hash.error().text();
        }
    }
    Q_EMIT changed();
}

QVariantList MachineWizard::keyFiles() const
{
    QVariantList list;
    const QDir ssh(QDir::home().filePath(QStringLiteral(".ssh")));
    for (const QString &file : ssh.entryList({QStringLiteral("*.pub")}, QDir::Files, QDir::Name)) {
        QFile key(ssh.filePath(file));
        if (key.open(QIODevice::ReadOnly) && key.size() < 16384) {
            list.append(QVariantMap{
                {QStringLiteral("name"), file}, {QStringLiteral("key"), QString::fromUtf8(key.readAll()).trimmed()}});
        }
    }
    return list;
}

void MachineWizard::addKeyFile(const QString &file)
{
    for (const QVariant &entry : keyFiles()) {
        const QVariantMap key = entry.toMap();
        if (key.value(QStringLiteral("name")).toString() == file
            && !m_sshKeys.contains(key.value(QStringLiteral("key")).toString())) {
            m_sshKeys = lines(m_sshKeys + QLatin1Char('\n') + key.value(QStringLiteral("key")).toString())
                            .join(QLatin1Char('\n'));
            Q_EMIT changed();
        }
    }
}

QStringList MachineWizard::machineNames() const
{
    if (m_count <= 1) {
        return {m_name};
    }
    QStringList names;
    for (int i = 1; i <= std::min(m_count, mostMachines); ++i) {
        names.append(QStringLiteral("%1-%2").arg(m_name).arg(i, 2, 10, QLatin1Char('0')));
    }
    return names;
}

bool MachineWizard::installing() const
{
    if (m_fileImage) {
        return *m_fileImage && m_fileImage->value().format == ImageHeader::Format::Iso;
    }
    // As the chosen node has it, else as any connected node's library has it
    // (before a node is chosen); read from the libraries kept per node.
    const Fleet::Node *node = chosenNode();
    if (const std::optional<NodeVolume> image = node ? imageOnNode(*node) : std::nullopt) {
        return image->format == QLatin1StringView("iso");
    }
    return m_view && std::ranges::any_of(m_view->fleet()->nodes(), [this](const Fleet::Node &candidate) {
        return isConnected(candidate) && candidate.hasStock
            && std::ranges::any_of(libraryOf(candidate),
                [this](const LibraryImage &image) { return image.volume.name == m_image && image.isInstaller(); });
    });
}

MachineSetup MachineWizard::setupFor(const QString &name) const
{
    MachineSetup setup{.hostname = name,
        .userName = m_userName.trimmed(),
        .passwordHash = m_passwordHash,
        .sshKeys = lines(m_sshKeys),
        .packages = words(m_packages),
        .commands = lines(m_commands),
        .timezone = m_timezone.trimmed(),
        .ownConfig = m_ownConfig};
    if (m_static) {
        setup.staticAddress = StaticAddress{
            .address = m_address.trimmed(), .gateway = m_gateway.trimmed(), .nameservers = words(m_nameservers)};
    }
    return setup;
}

QVariantMap MachineWizard::problems() const
{
    QVariantMap found;
    checkImageAndPlace(found);
    checkSize(found);
    checkDataDisk(found);
    checkSetup(found);
    if (m_count < 1 || m_count > mostMachines) {
        found[QStringLiteral("count")] = i18nc("@info", "From 1 to %1 machines at once", mostMachines);
    }
    return found;
}

bool MachineWizard::stepIsValid(int step) const
{
    if (step < 0 || step >= stepFields().size()) {
        return false;
    }
    const QVariantMap found = problems();
    return std::ranges::none_of(
        stepFields().at(step), [&found](const QString &field) { return found.contains(field); });
}

void MachineWizard::checkImageAndPlace(QVariantMap &found) const
{
    if (m_image.isEmpty()) {
        found[QStringLiteral("image")] = i18nc("@info", "Choose an image, or add one from a file.");
    } else if (m_fileImage) {
        if (!*m_fileImage) {
            found[QStringLiteral("image")] = m_fileImage->error().text();
        }
    } else {
        for (const QVariant &entry : images()) {
            const QVariantMap image = entry.toMap();
            if (image.value(QStringLiteral("name")).toString() != m_image) {
                continue;
            }
            if (!image.value(QStringLiteral("problem")).toString().isEmpty()) {
                found[QStringLiteral("image")] = image.value(QStringLiteral("problem"));
            }
        }
    }
    const Fleet::Node *node = chosenNode();
    if (!node) {
        found[QStringLiteral("nodeId")] = i18nc("@info", "Choose a node.");
        return;
    }
    if (const QString problem = nodeProblem(*node); !problem.isEmpty()) {
        found[QStringLiteral("nodeId")] = problem;
    }
    if (!m_imageFile.isEmpty() && std::ranges::any_of(node->stock.volumes, [this](const NodeVolume &volume) {
            return volume.pool == m_pool && volume.name == m_image;
        })) {
        found[QStringLiteral("image")] = i18nc("@info",
            "The pool %1 already has a volume named %2: choose it from the library, or rename the file", m_pool,
            m_image);
    }
    if (!pools().contains(m_pool)) {
        found[QStringLiteral("pool")] = i18nc("@info", "Choose one of the node's active pools.");
    } else if (const std::optional<NodeVolume> image = imageOnNode(*node); image && image->pool != m_pool) {
        found[QStringLiteral("pool")]
            = i18nc("@info", "The image is in the pool %1: machines made from it go there too.", image->pool);
    }
    if (!networks().contains(m_network)) {
        found[QStringLiteral("network")] = i18nc("@info", "Choose one of the node's active networks.");
    }
    if (m_uefi && !isUefiAvailable()) {
        found[QStringLiteral("uefi")] = i18nc(
            "@info", "This node has no UEFI firmware installed; choose BIOS, or install it on the node (OVMF).");
    }
}

void MachineWizard::checkSize(QVariantMap &found) const
{
    const Fleet::Node *node = chosenNode();
    const int cpus = node ? node->facts.cpus : 0;
    if (m_vcpus < 1) {
        found[QStringLiteral("vcpus")] = i18nc("@info", "At least one vCPU");
    } else if (cpus > 0 && m_vcpus > cpus) {
        found[QStringLiteral("vcpus")] = i18ncp("@info", "The node has %1 CPU", "The node has %1 CPUs", cpus);
    }
    if (m_maxVcpus < m_vcpus) {
        found[QStringLiteral("maxVcpus")] = i18nc("@info", "At least the vCPUs it starts with");
    } else if (cpus > 0 && m_maxVcpus > cpus) {
        found[QStringLiteral("maxVcpus")] = i18ncp("@info", "The node has %1 CPU", "The node has %1 CPUs", cpus);
    }
    if (m_memoryMiB < 64) {
        found[QStringLiteral("memoryMiB")] = i18nc("@info", "At least 64 MiB");
    } else if (node && quint64(m_memoryMiB) * MiB > node->facts.memoryBytes) {
        found[QStringLiteral("memoryMiB")]
            = i18nc("@info", "The node has %1 of memory", bytes(node->facts.memoryBytes));
    }
    if (m_maxMemoryMiB < m_memoryMiB) {
        found[QStringLiteral("maxMemoryMiB")] = i18nc("@info", "At least the memory it starts with");
    } else if (node && quint64(m_maxMemoryMiB) * MiB > node->facts.memoryBytes) {
        found[QStringLiteral("maxMemoryMiB")]
            = i18nc("@info", "The node has %1 of memory", bytes(node->facts.memoryBytes));
    }
    const quint64 imageBytes = rootAtLeast(node);
    if (m_rootGiB < 1 || quint64(m_rootGiB) * GiB < imageBytes) {
        found[QStringLiteral("rootGiB")]
            = i18nc("@info", "At least the image's own size, %1", bytes(std::max(imageBytes, GiB)));
    }
    if (node && !found.contains(QStringLiteral("rootGiB"))) {
        // One machine's disks must fit; several machines' thin disks may
        // together promise more than the pool has (see warnings()).
        // A linked clone takes no room until it is written (as the plan counts it).
        const quint64 root = m_linkedClone && !installing() ? 0 : quint64(m_rootGiB) * GiB;
        const quint64 free = poolFree(*node, m_pool);
        if (root > free) {
            found[QStringLiteral("rootGiB")]
                = i18nc("@info", "The pool %1 has %2 free; the root disk takes %3", m_pool, bytes(free), bytes(root));
        }
    }
}

void MachineWizard::checkSetup(QVariantMap &found) const
{
    const QStringList names = machineNames();
    if (const QString problem = Names::machineProblem(m_name); !problem.isEmpty()) {
        found[QStringLiteral("name")] = problem;
    } else if (const Fleet::Node *node = chosenNode()) {
        for (const Machine &machine : node->machines.machines()) {
            if (names.contains(machine.name)) {
                found[QStringLiteral("name")]
                    = i18nc("@info", "%1 already has a machine named %2", nodeName(*node), machine.name);
                break;
            }
        }
    }
    if (installing()) {
        return; // set up in its installer: nothing of the setup step is used
    }
    if (!m_passwordProblem.isEmpty()) {
        found[QStringLiteral("password")] = m_passwordProblem;
    }
    if (!m_timezone.trimmed().isEmpty() && !QTimeZone::isTimeZoneIdAvailable(m_timezone.trimmed().toUtf8())) {
        found[QStringLiteral("timezone")]
            = i18nc("@info", "“%1” is not a time zone, such as Europe/Helsinki", m_timezone);
    }
    if (m_static && m_address.trimmed().isEmpty()) {
        found[QStringLiteral("address")] = i18nc("@info", "An address with its prefix, such as 192.0.2.10/24");
    }
    const QString first = names.isEmpty() || m_name.isEmpty() ? QStringLiteral("machine") : names.first();
    for (const CloudInit::Problem &problem : CloudInit::check(setupFor(first))) {
        QString field = problem.field;
        if (field == QLatin1StringView("hostname")) {
            field = QStringLiteral("name");
        } else if (field == QLatin1StringView("passwordHash")) {
            field = QStringLiteral("password");
        }
        if (!found.contains(field)) {
            found[field] = problem.message;
        }
    }
}

quint64 MachineWizard::rootAtLeast(const Fleet::Node *node) const
{
    if (installing()) {
        return 0; // an installer's size says nothing of the disk it installs on
    }
    if (m_fileImage) {
        return *m_fileImage ? m_fileImage->value().virtualBytes : 0;
    }
    const std::optional<NodeVolume> image = node ? imageOnNode(*node) : std::nullopt;
    return image ? image->capacityBytes : 0;
}

QVariantMap MachineWizard::warnings() const
{
    QVariantMap found;
    const Fleet::Node *node = chosenNode();
    if (!node) {
        return found;
    }
    const auto machines = quint64(std::clamp(m_count, 1, mostMachines));
    const quint64 disks = (quint64(m_rootGiB) + quint64(std::max(m_dataGiB, 0))) * GiB * machines;
    if (machines > 1 && disks > poolFree(*node, m_pool)) {
        found[QStringLiteral("count")] = i18nc("@info",
            "Together the disks can grow to %1, and the pool %2 has %3 free: they take room only as they are written, "
            "but the pool may fill up.",
            bytes(disks), m_pool, bytes(poolFree(*node, m_pool)));
    }
    const quint64 wanted = quint64(m_memoryMiB) * MiB * machines;
    if (wanted > freeMemory(*node)) {
        found[QStringLiteral("memoryMiB")] = i18nc("@info",
            "Only %1 of the node's memory is not given to machines yet: the node will overcommit its memory.",
            bytes(freeMemory(*node)));
    }
    return found;
}

QString MachineWizard::domainXml() const
{
    const Fleet::Node *node = chosenNode();
    if (!node || !node->hasStock || machineNames().isEmpty()) {
        return {};
    }
    MachineOrder order = orderFor(machineNames().first());
    if (!installing()) {
        const Result<CloudInit::Seed> seed = CloudInit::seed(
            setupFor(order.machine.name), QStringLiteral("iid-") + order.machine.uuid, order.machine.mac);
        order.seed = seed ? seed.value() : CloudInit::Seed{.userData = "#cloud-config\n"};
    }
    const Result<QByteArray> xml
        = MachineDefinition::domainXml(node->stock.offer, MachineProvisioning::machineFor(order));
    return xml ? QString::fromUtf8(xml.value()).trimmed() : xml.error().text();
}

QString MachineWizard::setupDocuments() const
{
    const QStringList names = machineNames();
    if (installing() || names.isEmpty()) {
        return {};
    }
    const MachineOrder order = orderFor(names.first());
    const Result<CloudInit::Seed> seed
        = CloudInit::seed(setupFor(order.machine.name), QStringLiteral("iid-") + order.machine.uuid, order.machine.mac);
    if (!seed) {
        return seed.error().text();
    }
    return QStringLiteral("# user-data\n") + QString::fromUtf8(seed.value().userData)
        + QStringLiteral("\n# network-config\n") + QString::fromUtf8(seed.value().networkConfig);
}

} // namespace Flotilla
