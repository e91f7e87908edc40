// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "churn.h"

#include "libvirt/libvirthandles.h"

#include <QRandomGenerator>

#include <libvirt/virterror.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <vector>

namespace Flotilla::Bench
{

namespace
{

struct ChurnedNode {
    QByteArray uri;
    Libvirt::Connection connection;
    std::vector<Libvirt::Domain> machines;
    double owed = 0; ///< changes due but not yet made (fractions carry over)
};

bool open(ChurnedNode &node)
{
    node.connection.reset(virConnectOpen(node.uri.constData()));
    node.machines.clear();
    virDomainPtr *raw = nullptr;
    const int count = node.connection ? virConnectListAllDomains(node.connection.get(), &raw, 0) : -1;
    if (count < 0) {
        node.connection.reset();
        virResetLastError();
        return false;
    }
    node.machines = Libvirt::adoptList<Libvirt::Domain>(raw, count);
    return true;
}

/// One state change of @p domain; false if the node is gone.
bool change(virDomainPtr domain, QRandomGenerator &random)
{
    int state = 0;
    int reason = 0;
    if (virDomainGetState(domain, &state, &reason, 0) < 0) {
        return false;
    }
    int result = 0;
    switch (state) {
    case VIR_DOMAIN_RUNNING:
        result = random.bounded(2) == 0 ? virDomainShutdown(domain) : virDomainSuspend(domain);
        break;
    case VIR_DOMAIN_PAUSED:
        result = virDomainResume(domain);
        break;
    default:
        result = virDomainCreate(domain);
        break;
    }
    return result == 0;
}

} // namespace

Churn::Churn(QStringList uris, double percent)
    : m_uris(std::move(uris))
    , m_percent(percent)
{
}

Churn::~Churn()
{
    stop();
}

void Churn::start()
{
    if (m_percent > 0 && !m_thread.joinable()) {
        m_thread = std::jthread([this](const std::stop_token &stop) { run(stop); });
    }
}

void Churn::stop()
{
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
    }
}

void Churn::run(const std::stop_token &stop)
{
    std::vector<ChurnedNode> nodes(size_t(m_uris.size()));
    for (qsizetype i = 0; i < m_uris.size(); ++i) {
        nodes[size_t(i)].uri = m_uris.at(i).toUtf8();
    }
    QRandomGenerator random(20261129);
    std::mutex mutex;
    std::condition_variable_any wake;
    auto next = std::chrono::steady_clock::now();
    while (!stop.stop_requested()) {
        for (ChurnedNode &node : nodes) {
            if (!node.connection && !open(node)) {
                continue;
            }
            node.owed += double(node.machines.size()) * m_percent / 100.0;
            for (; node.owed >= 1.0 && !node.machines.empty(); node.owed -= 1.0) {
                const auto &domain = node.machines.at(size_t(random.bounded(int(node.machines.size()))));
                if (change(domain.get(), random)) {
                    ++m_changes;
                } else if (virConnectIsAlive(node.connection.get()) != 1) {
                    node.connection.reset();
                    node.machines.clear();
                    node.owed = 0;
                    break;
                }
                virResetLastError();
            }
        }
        timespec used{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &used);
        m_cpuSeconds.store(double(used.tv_sec) + double(used.tv_nsec) / 1e9);
        next += std::chrono::seconds(1);
        std::unique_lock lock(mutex);
        wake.wait_until(lock, stop, next, [] { return false; });
    }
}

} // namespace Flotilla::Bench
