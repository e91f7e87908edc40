// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "benchnodes.h"

#include "generatedfleet.h"

#include <QElapsedTimer>

#include <libvirt/virterror.h>

#include <future>
#include <optional>

namespace Flotilla::Bench
{

namespace
{

QString lastLibvirtError()
{
    const virError *error = virGetLastError();
    return error && error->message ? QString::fromUtf8(error->message) : QStringLiteral("unknown error");
}

/// Brings a shared "/default" node to the generated machines: libvirt's own
/// machine goes, each generated one is defined and brought to its state.
Result<bool> fillNode(virConnectPtr connection, int node, int machines)
{
    if (Libvirt::Domain own(virDomainLookupByName(connection, "test")); own) {
        virDomainDestroy(own.get());
        virDomainUndefine(own.get());
    }
    virResetLastError();
    for (const GeneratedMachine &machine : generateMachines(machines, node)) {
        Libvirt::Domain domain(virDomainDefineXML(connection, machine.xml.toUtf8().constData()));
        const bool ok = domain && (machine.state == VIR_DOMAIN_SHUTOFF || virDomainCreate(domain.get()) == 0)
            && (machine.state != VIR_DOMAIN_PAUSED || virDomainSuspend(domain.get()) == 0);
        if (!ok) {
            return Error{.message = QStringLiteral("cannot fill node %1").arg(node), .details = lastLibvirtError()};
        }
    }
    return true;
}

/// Waits for every one; the first error, if any.
std::optional<Error> firstFailure(std::vector<std::future<Result<bool>>> &results)
{
    std::optional<Error> failure;
    for (auto &one : results) {
        if (Result<bool> result = one.get(); !result && !failure) {
            failure = result.error();
        }
    }
    return failure;
}

} // namespace

BenchNodes::BenchNodes(int nodes, int machines, int daemons)
    : m_nodes(nodes)
    , m_machines(machines)
    , m_shared(daemons == nodes)
{
    for (int i = 0; i < daemons; ++i) {
        m_daemons.push_back(std::make_unique<Testing::LibvirtDaemon>());
        // The nodes' own work runs on their own computers in a real fleet: here it shares the desktop's
        // two cores, and at the same priority it would show up as the UI thread's stalls (docs/BENCHMARKS.md).
        m_daemons.back()->setNiceness(19);
    }
}

Result<bool> BenchNodes::start()
{
    if (!m_shared) {
        for (int i = 0; i < m_nodes; ++i) {
            if (Result<bool> written
                = writeNodeFile(m_folder.filePath(QStringLiteral("node-%1.xml").arg(i)), m_machines, i);
                !written) {
                return written;
            }
        }
    }
    return startDaemons();
}

Result<bool> BenchNodes::startDaemons()
{
    // In parallel: a hundred daemons one after the other take a while.
    std::vector<std::future<Result<bool>>> started;
    for (const auto &daemon : m_daemons) {
        started.push_back(std::async(std::launch::async, [&daemon] { return daemon->start(); }));
    }
    if (std::optional<Error> failure = firstFailure(started)) {
        return *failure;
    }
    return m_shared ? fill() : Result<bool>(true);
}

Result<bool> BenchNodes::fill()
{
    QElapsedTimer clock;
    clock.start();
    m_keepers.clear();
    m_keepers.resize(size_t(m_nodes));
    std::vector<std::future<Result<bool>>> filled;
    for (int i = 0; i < m_nodes; ++i) {
        filled.push_back(std::async(std::launch::async, [this, i]() -> Result<bool> {
            m_keepers[size_t(i)].reset(virConnectOpen(uri(i).toUtf8().constData()));
            if (!m_keepers[size_t(i)]) {
                return Error{.message = QStringLiteral("cannot open %1").arg(uri(i)), .details = lastLibvirtError()};
            }
            return fillNode(m_keepers[size_t(i)].get(), i, m_machines);
        }));
    }
    const std::optional<Error> failure = firstFailure(filled);
    m_fillMs = clock.elapsed();
    if (failure) {
        return *failure;
    }
    return true;
}

QString BenchNodes::uri(int node) const
{
    if (m_shared) {
        return m_daemons.at(size_t(node))->uri();
    }
    const auto &daemon = m_daemons.at(size_t(node) % m_daemons.size());
    return daemon->uri(m_folder.filePath(QStringLiteral("node-%1.xml").arg(node)));
}

QStringList BenchNodes::uris() const
{
    QStringList all;
    for (int i = 0; i < m_nodes; ++i) {
        all.append(uri(i));
    }
    return all;
}

void BenchNodes::killDaemons()
{
    for (const auto &daemon : m_daemons) {
        daemon->kill();
    }
    m_keepers.clear();
}

Result<bool> BenchNodes::restartDaemons()
{
    return startDaemons();
}

} // namespace Flotilla::Bench
