// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/historykeeper.h"

#include "core/logging.h"
#include "fleet/fleet.h"
#include "metrics/historyfile.h"

#include <QDateTime>
#include <QMap>

namespace Flotilla
{

HistoryKeeper::HistoryKeeper(Fleet *fleet, const QString &path, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{
    m_thread.setObjectName(QStringLiteral("history"));
    m_thread.start(QThread::LowPriority);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
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
    // The points already kept are not written again; the newest are written a step early (closedSince).
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

qint64 HistoryKeeper::recordWorkloads(qint64 now)
{
    constexpr int fiveMinutes = 2; // the tier of machineTiers
    // A node reports its replicas' step a tick or so after it ends, and nodes do not tick together:
    // a step is taken once every node has surely closed it, so that no replica is left out of it.
    constexpr qint64 settled = 2 * machineTiers[fiveMinutes].stepSeconds;
    struct Moment {
        Rates sum{};
        std::array<int, channelCount> counts{};
    };
    WorkloadHistories &months = m_fleet->workloadHistories();
    QHash<QString, QMap<qint64, Moment>> moments; // by workload, by moment
    for (const Fleet::Node &node : m_fleet->nodes()) {
        for (const Machine &machine : node.machines.machines()) {
            const QString &workload = machine.metadata.workloadId;
            if (workload.isEmpty() || machine.metadata.replica < 0) {
                continue;
            }
            const qint64 from = months.upTo(workload);
            for (const HistoryPoint &point : node.metrics->machineClosedSince(machine.uuid, fiveMinutes, from)) {
                if (point.timestamp + settled > now) {
                    break;
                }
                Moment &moment = moments[workload][point.timestamp];
                for (int c = 0; c < channelCount; ++c) {
                    if (!std::isnan(point.rates[c])) {
                        moment.sum[c] += point.rates[c];
                        ++moment.counts[c];
                    }
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

void HistoryKeeper::onThread(const std::function<void()> &work)
{
    QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
}

void HistoryKeeper::write()
{
    if (!m_file || !m_fleet) {
        return;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QHash<QString, QList<MetricsStore::TierPoints>> batch;
    for (const Fleet::Node &node : m_fleet->nodes()) {
        // The demo's simulated first day went in behind the last write.
        const qint64 since = std::min(m_written, node.metrics->takeBackfill().value_or(m_written));
        QList<MetricsStore::TierPoints> points = node.metrics->closedSince(since);
        if (!points.isEmpty()) {
            batch.insert(node.entry.id, std::move(points));
        }
    }
    const qint64 recorded = recordWorkloads(now);
    if (QList<MetricsStore::TierPoints> months
        = m_fleet->workloadHistories().closedSince(std::min(m_written, recorded));
        !months.isEmpty()) {
        batch.insert(WorkloadHistories::fileKey, std::move(months));
    }
    m_written = now;
    if (batch.isEmpty()) {
        return;
    }
    QMetaObject::invokeMethod(m_context, [file = m_file, batch = std::move(batch), now] {
        if (const Result<bool> written = file->write(batch, now); !written) {
            qCWarning(FLOTILLA_FLEET) << "history not written:" << written.error().text();
        }
    });
}

} // namespace Flotilla
