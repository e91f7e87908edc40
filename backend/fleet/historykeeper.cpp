// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/historykeeper.h"

#include "core/logging.h"
#include "fleet/fleet.h"
#include "metrics/historyfile.h"

#include <QDateTime>
#include <QMap>

#include <sys/resource.h>
#include <unistd.h>

namespace Flotilla
{

HistoryKeeper::HistoryKeeper(Fleet *fleet, const QString &path, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{
    m_thread.setObjectName(QStringLiteral("history"));
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    // At 5,000 machines a write is a few hundred milliseconds of SQLite; at the
    // window's own priority it took turns with the window's thread, which then
    // stood still for up to 50 ms on two cores (flotilla-bench). Niced, it
    // yields to the window. (QThread::LowPriority does nothing on Linux, and
    // IdlePriority would leave a start waiting for the restore on a busy computer.)
    onThread([] { setpriority(PRIO_PROCESS, pid_t(gettid()), 10); });
    onThread([this, &path] {
        Result<std::unique_ptr<HistoryFile>> opened = HistoryFile::open(path);
        if (!opened) {
            m_problem = opened.error().text();
            return;
        }
        m_file = std::move(opened).value();
        m_problem = m_file->setAside();
    });
    for (qsizetype index = 0; index < fleet->nodes().size(); ++index) {
        restore(index);
    }
    if (m_file) {
        onThread([file = m_file, months = &fleet->workloadHistories()] {
            months->restore(file->read(WorkloadHistories::fileKey));
        });
    }
    // A node added later is restored at once, before its session's first tick (a second at least).
    connect(fleet, &Fleet::nodeAdded, this, &HistoryKeeper::restore);
    if (!m_problem.isEmpty()) {
        qCWarning(FLOTILLA_FLEET) << "history:" << m_problem;
    }
    // Each point is written once (MetricsStore::takeUnkept); the workloads'
    // months from a little before the last write on.
    m_written = QDateTime::currentSecsSinceEpoch();
    m_timer.setInterval(writeIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &HistoryKeeper::write);
    if (m_file) {
        m_timer.start();
    }
}

HistoryKeeper::~HistoryKeeper()
{
    write();
    onThread([this] { m_file.reset(); });
    m_thread.quit();
    m_thread.wait();
    delete m_context; // its thread has ended: deleting it here is safe
}

void HistoryKeeper::restore(qsizetype index)
{
    if (!m_file || !m_fleet || index < 0 || index >= m_fleet->nodes().size()) {
        return;
    }
    const Fleet::Node &node = m_fleet->nodes().at(index);
    onThread([file = m_file, id = node.entry.id, store = node.metrics] { store->restore(file->read(id)); });
}

namespace
{
/// A workload's replica, as the UI thread knows it: where its figures are.
struct Replica {
    std::shared_ptr<MetricsStore> store;
    QString uuid;
    QString workload;
};

/// Adds the replicas' 5-minute points that every node has closed by @p now
/// to their workloads' @p months; returns the earliest moment added (@p now
/// when none was).
qint64 recordWorkloads(const QList<Replica> &replicas, WorkloadHistories &months, qint64 now)
{
    constexpr int fiveMinutes = 2; // the tier of machineTiers
    // A node reports its replicas' step a tick or so after it ends, and nodes do not tick together:
    // a step is taken once every node has surely closed it, so that no replica is left out of it.
    constexpr qint64 settled = 2 * machineTiers[fiveMinutes].stepSeconds;
    struct Moment {
        Rates sum{};
        std::array<int, channelCount> counts{};
    };
    QHash<QString, QMap<qint64, Moment>> moments; // by workload, by moment
    for (const Replica &replica : replicas) {
        const qint64 from = months.upTo(replica.workload);
        for (const HistoryPoint &point : replica.store->machineClosedSince(replica.uuid, fiveMinutes, from)) {
            if (point.timestamp + settled > now) {
                break;
            }
            Moment &moment = moments[replica.workload][point.timestamp];
            for (int c = 0; c < channelCount; ++c) {
                if (!std::isnan(point.rates[c])) {
                    moment.sum[c] += point.rates[c];
                    ++moment.counts[c];
                }
            }
        }
    }
    qint64 earliest = now;
    for (auto workload = moments.cbegin(); workload != moments.cend(); ++workload) {
        for (auto moment = workload->cbegin(); moment != workload->cend(); ++moment) {
            Rates rates = unknownRates();
            for (int c = 0; c < channelCount; ++c) {
                if (moment->counts[c] > 0) {
                    // CPU is a share of each replica's vCPUs: the replicas' mean; the rest adds up.
                    const bool mean = c == int(Channel::CpuPercent);
                    rates[c] = mean ? moment->sum[c] / moment->counts[c] : moment->sum[c];
                }
            }
            months.record(workload.key(), moment.key(), rates);
            earliest = std::min(earliest, moment.key());
        }
    }
    return earliest;
}
} // namespace

void HistoryKeeper::onThread(const std::function<void()> &work)
{
    QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
}

void HistoryKeeper::write()
{
    if (!m_file || !m_fleet) {
        return;
    }
    // Here, on the UI thread, only what the nodes and machines are; their
    // points are gathered on the keeper's thread (the stores are guarded).
    struct NodeStore {
        QString id;
        std::shared_ptr<MetricsStore> store;
    };
    QList<NodeStore> nodes;
    QList<Replica> replicas;
    for (const Fleet::Node &node : m_fleet->nodes()) {
        nodes.append({node.entry.id, node.metrics});
        for (const Machine &machine : node.machines.machines()) {
            if (!machine.metadata.workloadId.isEmpty() && machine.metadata.replica >= 0) {
                replicas.append({node.metrics, machine.uuid, machine.metadata.workloadId});
            }
        }
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 before = std::exchange(m_written, now);
    QMetaObject::invokeMethod(m_context,
        [this, file = m_file, months = m_fleet->heldWorkloadHistories(), nodes = std::move(nodes),
            replicas = std::move(replicas), before, now] {
            QHash<QString, QList<MetricsStore::TierPoints>> batch;
            for (const NodeStore &node : nodes) {
                if (QList<MetricsStore::TierPoints> points = node.store->takeUnkept(); !points.isEmpty()) {
                    batch.insert(node.id, std::move(points));
                }
            }
            const qint64 recorded = recordWorkloads(replicas, *months, now);
            if (QList<MetricsStore::TierPoints> closed = months->closedSince(std::min(before, recorded));
                !closed.isEmpty()) {
                batch.insert(WorkloadHistories::fileKey, std::move(closed));
            }
            if (!batch.isEmpty()) {
                if (const Result<bool> done = file->write(batch, now); !done) {
                    qCWarning(FLOTILLA_FLEET) << "history not written:" << done.error().text();
                }
            }
            Q_EMIT written();
        });
}

} // namespace Flotilla
