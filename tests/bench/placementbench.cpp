// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "placementbench.h"

#include "workloads/placement.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

namespace Flotilla::Bench
{

namespace
{
constexpr quint64 GiB = 1ULL << 30;

QList<Placement::Node> generatedNodes(int count)
{
    const QStringList countries{
        QStringLiteral("FI"), QStringLiteral("DE"), QStringLiteral("CA"), QStringLiteral("SG"), QStringLiteral("BR")};
    QList<Placement::Node> nodes;
    for (int i = 0; i < count; ++i) {
        nodes.append(Placement::Node{.id = QStringLiteral("node-%1").arg(i),
            .name = QStringLiteral("Node %1").arg(i),
            .country = countries.at(i % countries.size()),
            .tags = i % 3 == 0 ? QStringList{QStringLiteral("ssd")} : QStringList{},
            .cpus = 4 + i % 29,
            .vcpusGiven = i % 17,
            .memoryBytes = quint64(8 + i % 121) * GiB,
            .memoryGivenBytes = quint64(i % 7) * GiB,
            .overcommit = 1.5,
            .pools = {{.name = QStringLiteral("default"), .freeBytes = quint64(50 + i % 900) * GiB},
                {.name = QStringLiteral("data"), .freeBytes = quint64(i % 400) * GiB}},
            .images = i % 2 == 0 ? QStringList{QStringLiteral("debian-12.qcow2")} : QStringList{},
            .replicas = i % 10 == 0 ? 1 : 0});
    }
    return nodes;
}

double percentile(QList<double> values, double fraction)
{
    std::ranges::sort(values);
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(fraction * double(values.size()))));
}
} // namespace

void measurePlacement()
{
    const QList<Placement::Node> nodes = generatedNodes(200);
    const Placement::Need need{
        .vcpus = 2, .memoryBytes = 2 * GiB, .diskBytes = 20 * GiB, .image = QStringLiteral("debian-12.qcow2")};
    const std::pair<const char *, Placement::Policy::Spread> policies[] = {
        {"nodes", Placement::Policy::Spread::Nodes},
        {"countries", Placement::Policy::Spread::Countries},
        {"pack", Placement::Policy::Spread::Pack},
    };
    for (const auto &[name, spread] : policies) {
        QList<double> took;
        qsizetype placed = 0;
        for (int round = 0; round < 200; ++round) {
            QElapsedTimer clock;
            clock.start();
            const Placement::Plan plan = Placement::place(need, 100, {.spread = spread}, nodes);
            took.append(double(clock.nsecsElapsed()) / 1e6);
            placed = plan.nodeIds.size();
        }
        std::printf("placement_ms_median_%s: %.2f\n", name, percentile(took, 0.5));
        std::printf("placement_ms_p99_%s: %.2f\n", name, percentile(took, 0.99));
        std::printf("placement_replicas_%s: %lld\n", name, static_cast<long long>(placed));
    }
    std::fflush(stdout);
}

} // namespace Flotilla::Bench
