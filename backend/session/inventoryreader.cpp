// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/inventoryreader.h"

#include "libvirt/libvirthandles.h"

#include <KLocalizedString>

#include <QHash>
#include <QSet>
#include <QXmlStreamReader>

#include <algorithm>
#include <future>

#include <libvirt/virterror.h>

namespace Flotilla::InventoryReader
{

namespace
{

constexpr quint64 KiB = 1024;

/// The domain's XML as its node has it now, or libvirt's error.
Result<QByteArray> fetchDefinition(virDomainPtr domain)
{
    char *xml = virDomainGetXMLDesc(domain, 0);
    if (!xml) {
        return Libvirt::lastError(
            i18nc("@info", "Could not read the machine %1", QString::fromUtf8(virDomainGetName(domain))));
    }
    QByteArray text(xml);
    free(xml); // libvirt allocates with malloc
    return text;
}

MachineState machineState(int state)
{
    return state >= 0 && state <= int(MachineState::Suspended) ? static_cast<MachineState>(state)
                                                               : MachineState::Unknown;
}

Result<QSet<QString>> uuidsListed(virConnectPtr connection, unsigned int flags)
{
    virDomainPtr *raw = nullptr;
    const int count = virConnectListAllDomains(connection, &raw, flags);
    if (count < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not list the machines"));
    }
    QSet<QString> uuids;
    for (const Libvirt::Domain &domain : Libvirt::adoptList<Libvirt::Domain>(raw, count)) {
        uuids.insert(Libvirt::uuidOf(domain.get()));
    }
    return uuids;
}

/// Every machine of a node, its handle with its state (and reason) where
/// the driver has bulk statistics: one call, where a listing and a state
/// query were two (each one handle per machine, made and freed). The
/// handles live as long as this.
class Listing
{
public:
    static Result<Listing> read(virConnectPtr connection)
    {
        Listing listing;
        virDomainStatsRecordPtr *records = nullptr;
        const int count = virConnectGetAllDomainStats(connection, VIR_DOMAIN_STATS_STATE, &records, 0);
        if (count >= 0) {
            listing.m_records.reset(records);
            for (int i = 0; i < count; ++i) {
                int state = -1;
                int reason = 0;
                virTypedParamsGetInt(records[i]->params, records[i]->nparams, "state.state", &state);
                virTypedParamsGetInt(records[i]->params, records[i]->nparams, "state.reason", &reason);
                listing.m_domains.push_back(records[i]->dom);
                listing.m_states.insert(Libvirt::uuidOf(records[i]->dom), {state, reason});
            }
            return listing;
        }
        virResetLastError(); // no bulk statistics: list, and ask each state
        virDomainPtr *raw = nullptr;
        const int listed = virConnectListAllDomains(connection, &raw, 0);
        if (listed < 0) {
            return Libvirt::lastError(i18nc("@info", "Could not list the machines"));
        }
        listing.m_listed = Libvirt::adoptList<Libvirt::Domain>(raw, listed);
        for (const Libvirt::Domain &domain : listing.m_listed) {
            listing.m_domains.push_back(domain.get());
        }
        return listing;
    }

    [[nodiscard]] const std::vector<virDomainPtr> &domains() const { return m_domains; }
    /// uuid → (state, reason); empty without bulk statistics.
    [[nodiscard]] const QHash<QString, std::pair<int, int>> &states() const { return m_states; }

private:
    struct RecordsFree {
        void operator()(virDomainStatsRecordPtr *records) const { virDomainStatsRecordListFree(records); }
    };
    std::unique_ptr<virDomainStatsRecordPtr, RecordsFree> m_records;
    std::vector<Libvirt::Domain> m_listed;
    std::vector<virDomainPtr> m_domains;
    QHash<QString, std::pair<int, int>> m_states;
};

Result<bool> readState(virDomainPtr domain, Machine &machine)
{
    int current = 0;
    int reason = 0;
    if (virDomainGetState(domain, &current, &reason, 0) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read the state of %1", machine.name));
    }
    machine.state = machineState(current);
    machine.stateReason = reason;
    return true;
}

void copyDescription(const Machine &from, Machine &to)
{
    to.title = from.title;
    to.description = from.description;
    to.domainType = from.domainType;
    to.vcpus = from.vcpus;
    to.maxVcpus = from.maxVcpus;
    to.memoryBytes = from.memoryBytes;
    to.maxMemoryBytes = from.maxMemoryBytes;
    to.disks = from.disks;
    to.interfaces = from.interfaces;
    to.graphics = from.graphics;
    to.metadata = from.metadata;
    to.problem = from.problem;
    to.definitionHash = from.definitionHash;
}

/// The domain's description into @p machine; a parse failure becomes the
/// machine's problem. The same XML as @p known's is not parsed again: a
/// full reading finds most machines as they were.
Result<bool> describe(virDomainPtr domain, Machine &machine, const Machine *known)
{
    Result<QByteArray> text = fetchDefinition(domain);
    if (!text) {
        return text.error();
    }
    const size_t hash = qHash(text.value());
    if (known && known->definitionHash == hash) {
        copyDescription(*known, machine);
        return true;
    }
    machine.problem = {};
    machine.definitionHash = hash;
    const Result<DomainDescription> description = DomainXml::parse(text.value());
    if (!description) {
        machine.problem = description.error();
        return true;
    }
    const DomainDescription &d = description.value();
    machine.title = d.title;
    machine.description = d.description;
    machine.domainType = d.type;
    machine.vcpus = d.vcpus;
    machine.maxVcpus = d.maxVcpus;
    machine.memoryBytes = d.memoryBytes;
    machine.maxMemoryBytes = d.maxMemoryBytes;
    machine.disks = d.disks;
    machine.interfaces = d.interfaces;
    machine.graphics = d.graphics;
    machine.metadata = d.metadata;
    return true;
}

Result<Machine> readOne(virDomainPtr domain, const QSet<QString> *autostart, const QSet<QString> *persistent,
    const QSet<QString> *withSnapshots, const QHash<QString, std::pair<int, int>> &states,
    const QHash<QString, Machine> &known, Definitions definitions)
{
    Machine machine;
    machine.uuid = Libvirt::uuidOf(domain);
    machine.name = QString::fromUtf8(virDomainGetName(domain));
    if (const auto state = states.constFind(machine.uuid); state != states.cend()) {
        machine.state = machineState(state->first);
        machine.stateReason = state->second;
    } else if (Result<bool> read = readState(domain, machine); !read) {
        return read.error();
    }
    const auto found = known.constFind(machine.uuid);
    const Machine *before = found == known.cend() ? nullptr : &*found;
    if (definitions == Definitions::FetchChanged && before && before->isActive() == machine.isActive()) {
        copyDescription(*before, machine);
    } else if (Result<bool> described = describe(domain, machine, before); !described) {
        return described.error();
    }
    if (definitions == Definitions::FetchChanged && before) {
        // No event tells autostart or a snapshot: a full reading does.
        machine.autostart = before->autostart;
        machine.persistent = before->persistent;
        machine.snapshots = before->snapshots;
        machine.snapshotCount = before->snapshotCount;
        return machine;
    }
    int flag = 0;
    machine.autostart
        = autostart ? autostart->contains(machine.uuid) : virDomainGetAutostart(domain, &flag) == 0 && flag;
    machine.persistent = persistent ? persistent->contains(machine.uuid) : virDomainIsPersistent(domain) == 1;
    if (!withSnapshots || withSnapshots->contains(machine.uuid)) {
        virDomainSnapshotPtr *snapshots = nullptr;
        const int count = virDomainListAllSnapshots(domain, &snapshots, 0);
        for (const Libvirt::DomainSnapshot &snapshot : Libvirt::adoptList<Libvirt::DomainSnapshot>(snapshots, count)) {
            machine.snapshots.append(QString::fromUtf8(virDomainSnapshotGetName(snapshot.get())));
        }
        machine.snapshotCount = int(machine.snapshots.size());
    }
    virResetLastError(); // autostart and snapshots are optional: some drivers have neither
    return machine;
}

} // namespace

Definition readDefinition(virDomainPtr domain)
{
    const Result<QByteArray> text = fetchDefinition(domain);
    if (!text) {
        return Definition{.description = text.error()};
    }
    return Definition{.fetched = true, .description = DomainXml::parse(text.value())};
}

Result<NodeFacts> readFacts(virConnectPtr connection)
{
    NodeFacts facts;
    virNodeInfo info;
    if (virNodeGetInfo(connection, &info) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read the node's hardware"));
    }
    facts.cpuModel = QString::fromLatin1(info.model);
    facts.cpus = static_cast<int>(info.cpus);
    facts.sockets = static_cast<int>(info.sockets * info.nodes);
    facts.cores = static_cast<int>(info.cores);
    facts.threads = static_cast<int>(info.threads);
    facts.mhz = static_cast<int>(info.mhz);
    facts.memoryBytes = info.memory * KiB;
    facts.hypervisor = QString::fromUtf8(virConnectGetType(connection));
    unsigned long version = 0;
    if (virConnectGetVersion(connection, &version) == 0) {
        facts.hypervisorVersion = Libvirt::versionText(version);
    }
    if (virConnectGetLibVersion(connection, &version) == 0) {
        facts.libvirtVersion = Libvirt::versionText(version);
    }
    if (char *capabilities = virConnectGetCapabilities(connection)) {
        facts.kvm = offersKvm(capabilities);
        free(capabilities);
    }
    facts.poolTypes = readPoolTypes(connection);
    virResetLastError(); // versions and capabilities are optional: some drivers have none
    return facts;
}

QString readHostname(virConnectPtr connection)
{
    QString hostname = QString::fromUtf8(Libvirt::takeText(virConnectGetHostname(connection)));
    virResetLastError(); // a node without a name is still the node
    return hostname;
}

bool offersKvm(QByteArrayView capabilitiesXml)
{
    QXmlStreamReader xml(capabilitiesXml);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1StringView("domain")
            && xml.attributes().value(QLatin1StringView("type")) == QLatin1StringView("kvm")) {
            return true;
        }
    }
    return false;
}

Result<QList<Machine>> readMachines(
    virConnectPtr connection, const QHash<QString, Machine> &known, Definitions definitions)
{
    const Result<Listing> listing = Listing::read(connection);
    if (!listing) {
        return listing.error();
    }
    const std::vector<virDomainPtr> &domains = listing.value().domains();
    const QHash<QString, std::pair<int, int>> &states = listing.value().states();
    // Who autostarts, who is persistent, who has snapshots: three filtered
    // listings. A refresh carries these from the known machines (readOne)
    // and asks a new machine itself.
    const auto listed = [&](unsigned int flags) -> std::optional<QSet<QString>> {
        if (definitions != Definitions::Fetch) {
            return std::nullopt;
        }
        Result<QSet<QString>> uuids = uuidsListed(connection, flags);
        return uuids ? std::optional(std::move(uuids).value()) : std::nullopt;
    };
    const std::optional<QSet<QString>> autostart = listed(VIR_CONNECT_LIST_DOMAINS_AUTOSTART);
    const std::optional<QSet<QString>> persistent = listed(VIR_CONNECT_LIST_DOMAINS_PERSISTENT);
    const std::optional<QSet<QString>> withSnapshots = listed(VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT);
    virResetLastError();
    // One XML read per machine is the long part. A libvirt connection takes
    // calls from several threads at once, so a large node is read by a few
    // helpers side by side; they all work for this session and end here.
    const auto readRange = [&](size_t first, size_t last) -> Result<QList<Machine>> {
        QList<Machine> part;
        part.reserve(qsizetype(last - first));
        for (size_t i = first; i < last; ++i) {
            Result<Machine> machine
                = readOne(domains[i], autostart ? &*autostart : nullptr, persistent ? &*persistent : nullptr,
                    withSnapshots ? &*withSnapshots : nullptr, states, known, definitions);
            if (!machine && machine.error().code == VIR_ERR_NO_DOMAIN) {
                continue; // undefined between the listing and the reading: it is gone, not broken
            }
            if (!machine) {
                return machine.error();
            }
            part.append(std::move(machine).value());
        }
        return part;
    };
    const size_t helpers = domains.size() >= 400 ? 4 : 1;
    const size_t slice = (domains.size() + helpers - 1) / helpers;
    std::vector<std::future<Result<QList<Machine>>>> parts;
    for (size_t h = 1; h < helpers; ++h) {
        parts.push_back(std::async(std::launch::async, readRange, std::min(domains.size(), h * slice),
            std::min(domains.size(), (h + 1) * slice)));
    }
    QList<Machine> machines;
    machines.reserve(qsizetype(domains.size()));
    std::optional<Error> failure;
    const auto collect = [&](const Result<QList<Machine>> &part) {
        if (!part) {
            failure = part.error();
        } else {
            machines += part.value();
        }
    };
    collect(readRange(0, std::min(domains.size(), slice)));
    for (auto &future : parts) {
        collect(future.get());
    }
    if (failure) {
        return *failure;
    }
    return machines;
}

namespace
{

QHash<QString, QStringList> leasedAddresses(virDomainPtr domain)
{
    QHash<QString, QStringList> byMac;
    virDomainInterfacePtr *interfaces = nullptr;
    const int count = virDomainInterfaceAddresses(domain, &interfaces, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE, 0);
    for (int i = 0; i < count; ++i) {
        QStringList &addresses = byMac[QString::fromLatin1(interfaces[i]->hwaddr).toLower()];
        for (unsigned int a = 0; a < interfaces[i]->naddrs; ++a) {
            addresses.append(QString::fromLatin1(interfaces[i]->addrs[a].addr));
        }
        virDomainInterfaceFree(interfaces[i]);
    }
    free(interfaces);
    virResetLastError(); // no leases (a bridged or user network) is no error
    return byMac;
}

/// Every storage volume of @p connection's active pools. Looking a path up
/// that is in no pool would fail, and libvirt logs every failed remote call
/// on stderr; a disk outside the pools is common.
DiskCapacities volumeCapacities(virConnectPtr connection)
{
    DiskCapacities capacities{.read = true};
    virStoragePoolPtr *pools = nullptr;
    const int poolCount = virConnectListAllStoragePools(connection, &pools, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
    for (const Libvirt::Pool &pool : Libvirt::adoptList<Libvirt::Pool>(pools, poolCount)) {
        virStorageVolPtr *volumes = nullptr;
        const int count = virStoragePoolListAllVolumes(pool.get(), &volumes, 0);
        for (int i = 0; i < count; ++i) {
            virStorageVolInfo info;
            char *path = virStorageVolGetPath(volumes[i]);
            if (path && virStorageVolGetInfo(volumes[i], &info) == 0) {
                const QString known = QString::fromUtf8(path);
                capacities.byPath.insert(known, info.capacity);
                capacities.poolFolders.insert(known.left(known.lastIndexOf(QLatin1Char('/')) + 1));
            }
            free(path);
            virStorageVolFree(volumes[i]);
        }
        free(volumes);
    }
    virResetLastError(); // a driver without pools is not broken
    return capacities;
}

/// The capacity of the volume at @p path, asked for when the path is in a
/// pool's folder but was not listed: a volume made since.
quint64 volumeCapacity(virConnectPtr connection, const DiskCapacities &capacities, const QString &path)
{
    if (!capacities.poolFolders.contains(path.left(path.lastIndexOf(QLatin1Char('/')) + 1))) {
        return 0;
    }
    virStorageVolPtr volume = virStorageVolLookupByPath(connection, path.toUtf8().constData());
    quint64 capacity = 0;
    if (volume) {
        virStorageVolInfo info;
        if (virStorageVolGetInfo(volume, &info) == 0) {
            capacity = info.capacity;
        }
        virStorageVolFree(volume);
    }
    virResetLastError();
    return capacity;
}

/// The names of @p connection's active networks: asking for the leases of
/// an interface on any other network fails (and is logged, as above).
QSet<QString> activeNetworks(virConnectPtr connection)
{
    QSet<QString> names;
    virNetworkPtr *networks = nullptr;
    const int count = virConnectListAllNetworks(connection, &networks, VIR_CONNECT_LIST_NETWORKS_ACTIVE);
    for (const Libvirt::Network &network : Libvirt::adoptList<Libvirt::Network>(networks, count)) {
        names.insert(QString::fromUtf8(virNetworkGetName(network.get())));
    }
    virResetLastError();
    return names;
}

/// The handles of running machines, for asking their addresses: a few
/// are looked up one by one, many come from one listing of them all (a
/// call each would double the calls of a node's full reading).
class RunningMachines
{
public:
    static constexpr qsizetype listingFrom = 16;

    RunningMachines(bool listAll, const QHash<QString, virDomainPtr> &handles)
        : m_listAll(listAll)
        , m_handles(handles)
    {
    }

    /// The running machine @p uuid, or null; valid until this goes.
    virDomainPtr find(virConnectPtr connection, const QString &uuid)
    {
        if (const virDomainPtr handle = m_handles.value(uuid)) {
            return handle;
        }
        if (!m_listAll) {
            m_one.reset(virDomainLookupByUUIDString(connection, uuid.toLatin1().constData()));
            virResetLastError(); // gone since: it has no addresses
            return m_one.get();
        }
        if (!m_listed) {
            m_listed = true;
            virDomainPtr *raw = nullptr;
            const int count = virConnectListAllDomains(connection, &raw, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
            virResetLastError();
            m_listing = Libvirt::adoptList<Libvirt::Domain>(raw, count);
            for (const Libvirt::Domain &domain : m_listing) {
                m_all.insert(Libvirt::uuidOf(domain.get()), domain.get());
            }
        }
        return m_all.value(uuid, nullptr);
    }

private:
    bool m_listAll;
    const QHash<QString, virDomainPtr> &m_handles;
    bool m_listed = false;
    Libvirt::Domain m_one;
    std::vector<Libvirt::Domain> m_listing; ///< owns what m_all points to
    QHash<QString, virDomainPtr> m_all;
};

} // namespace

QList<Machine> readDetails(virConnectPtr connection, const QList<Machine> &machines, DiskCapacities &capacities,
    const QHash<QString, virDomainPtr> &handles)
{
    if (!capacities.read) {
        capacities = volumeCapacities(connection);
    }
    const bool leasesWanted = std::ranges::any_of(
        machines, [](const Machine &machine) { return machine.isRunning() && !machine.interfaces.isEmpty(); });
    const QSet<QString> networks = leasesWanted ? activeNetworks(connection) : QSet<QString>{};
    const auto onActiveNetwork = [&networks](const NetworkInterface &interface) {
        return interface.type == QLatin1StringView("network") && networks.contains(interface.source);
    };
    RunningMachines running(machines.size() > RunningMachines::listingFrom, handles);
    QList<Machine> changed;
    for (Machine machine : machines) {
        bool differs = false;
        for (Disk &disk : machine.disks) {
            if (disk.source.startsWith(QLatin1Char('/'))) {
                auto known = capacities.byPath.find(disk.source);
                if (known == capacities.byPath.end()) {
                    known = capacities.byPath.insert(disk.source, volumeCapacity(connection, capacities, disk.source));
                }
                differs = differs || disk.capacityBytes != *known;
                disk.capacityBytes = *known;
            }
        }
        if (machine.isRunning() && std::ranges::any_of(machine.interfaces, onActiveNetwork)) {
            const virDomainPtr domain = running.find(connection, machine.uuid);
            const QHash<QString, QStringList> leased = domain ? leasedAddresses(domain) : QHash<QString, QStringList>{};
            for (NetworkInterface &interface : machine.interfaces) {
                const QStringList addresses = leased.value(interface.mac);
                differs = differs || interface.addresses != addresses;
                interface.addresses = addresses;
            }
        }
        if (differs) {
            changed.append(machine);
        }
    }
    return changed;
}

Result<Machine> readMachine(virConnectPtr connection, const QString &uuid, Libvirt::MachineTouch touch,
    const Machine *known, virDomainPtr given)
{
    // A pause or resume the event told: as a reading would find it, without one.
    if (known && (touch == Libvirt::MachineTouch::BecamePaused || touch == Libvirt::MachineTouch::BecameRunning)) {
        Machine machine = *known;
        const bool paused = touch == Libvirt::MachineTouch::BecamePaused;
        machine.state = paused ? MachineState::Paused : MachineState::Running;
        machine.stateReason = paused ? int(VIR_DOMAIN_PAUSED_USER) : int(VIR_DOMAIN_RUNNING_UNPAUSED);
        return machine;
    }
    const Libvirt::Domain looked(
        given ? nullptr : virDomainLookupByUUIDString(connection, uuid.toLatin1().constData()));
    virDomainPtr domain = given ? given : looked.get();
    if (!domain) {
        return Libvirt::lastError(i18nc("@info", "Could not find the machine %1", uuid));
    }
    if (!known || touch == Libvirt::MachineTouch::Everything) {
        return readOne(domain, nullptr, nullptr, nullptr, {}, {}, Definitions::Fetch);
    }
    // An event as frequent as a start or a pause costs one or two calls,
    // not the six of a full reading.
    Machine machine = *known;
    if (Result<bool> read = readState(domain, machine); !read) {
        return read.error();
    }
    if (touch == Libvirt::MachineTouch::StateAndDefinition) {
        if (Result<bool> described = describe(domain, machine, known); !described) {
            return described.error();
        }
    }
    return machine;
}

} // namespace Flotilla::InventoryReader
