// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "historybench.h"

#include "metrics/historyfile.h"
#include "metrics/metrichistory.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>

#include <cstdio>
#include <ctime>

namespace Flotilla::Bench
{

namespace
{
constexpr int nodeCount = 10;
constexpr int machinesPerNode = 100;
constexpr qint64 tickSeconds = 2;
constexpr qint64 writeSeconds = 30;

double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

struct Fleet {
    QStringList nodes;
    QList<QStringList> machines;
    std::vector<std::unique_ptr<MetricsStore>> stores;
};

Fleet generated()
{
    Fleet fleet;
    for (int n = 0; n < nodeCount; ++n) {
        fleet.nodes.append(QStringLiteral("node-%1").arg(n));
        fleet.stores.push_back(std::make_unique<MetricsStore>());
        QStringList machines;
        for (int m = 0; m < machinesPerNode; ++m) {
            machines.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
        }
        fleet.machines.append(machines);
    }
    return fleet;
}

void tick(Fleet &fleet, qint64 at)
{
    auto *random = QRandomGenerator::global();
    for (int n = 0; n < nodeCount; ++n) {
        QList<MachineRates> machines;
        for (const QString &uuid : std::as_const(fleet.machines.at(n))) {
            MachineRates rates{.uuid = uuid};
            for (double &value : rates.rates) {
                value = random->bounded(1000.0);
            }
            machines.append(rates);
        }
        Rates node;
        for (double &value : node) {
            value = random->bounded(100000.0);
        }
        fleet.stores.at(size_t(n))->record(at, node, machines);
    }
}

/// Writes what closed since the last write; returns the CPU seconds it took (collecting included).
double write(HistoryFile &file, Fleet &fleet, qint64 now)
{
    const double before = cpuSeconds();
    QHash<QString, QList<MetricsStore::TierPoints>> batch;
    for (int n = 0; n < nodeCount; ++n) {
        batch.insert(fleet.nodes.at(n), fleet.stores.at(size_t(n))->takeUnkept());
    }
    if (const Result<bool> written = file.write(batch, now); !written) {
        std::fprintf(stderr, "flotilla-bench: %s\n", qPrintable(written.error().text()));
    }
    return cpuSeconds() - before;
}
} // namespace

void measureHistory()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("history.sqlite"));
    Result<std::unique_ptr<HistoryFile>> opened = HistoryFile::open(path);
    if (!opened) {
        std::fprintf(stderr, "flotilla-bench: %s\n", qPrintable(opened.error().text()));
        return;
    }
    HistoryFile &file = *opened.value();
    Fleet fleet = generated();
    const qint64 start = 1'700'000'000;

    // 10 minutes at the fleet's pace: a tick every 2 s, a write every 30 s.
    double writing = 0;
    for (qint64 at = start; at <= start + 600; at += tickSeconds) {
        tick(fleet, at);
        if ((at - start) % writeSeconds == 0 && at > start) {
            writing += write(file, fleet, at);
        }
    }
    std::printf("history_write_cpu_percent %.3f\n", writing / 600.0 * 100.0);

    // Then a day by 5 minutes, which fills every tier of a machine's history
    // (its longest is 24 hours), and the rest of 30 days for the nodes'
    // longest: the file's size no longer grows after.
    const qint64 day = start + 86400;
    for (qint64 at = start + 600; at <= day; at += 300) {
        tick(fleet, at);
        if ((at - start) % 3600 == 0) {
            write(file, fleet, at);
        }
    }
    for (qint64 at = day + 3600; at <= start + 30 * 86400; at += 3600) {
        for (int n = 0; n < nodeCount; ++n) {
            Rates node;
            node.fill(50);
            fleet.stores.at(size_t(n))->record(at, node, {});
        }
        if ((at - start) % 86400 == 0) {
            write(file, fleet, at);
        }
    }
    std::printf("history_mb %.1f\n", double(file.sizeBytes()) / 1e6);

    QElapsedTimer loading;
    loading.start();
    qsizetype points = 0;
    for (const QString &node : std::as_const(fleet.nodes)) {
        for (const MetricsStore::TierPoints &tier : file.read(node)) {
            points += tier.points.size();
        }
    }
    std::printf("history_load_ms %lld\n", qint64(loading.elapsed()));
    std::printf("history_points %lld\n", qint64(points));
}

} // namespace Flotilla::Bench
