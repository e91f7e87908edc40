// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

/// A workload's autoscaler: how many replicas it should have, from its
/// replicas' load, by the rules of Kubernetes' horizontal pod autoscaler.
/// A pure decision (the clock and the figures are given), so every scenario
/// is tested with a simulated clock and scripted load.
namespace Flotilla::Autoscaling
{

struct Policy {
    enum class Metric {
        Cpu, ///< the replicas' average CPU use, in percent of their vCPUs
        Memory, ///< their average memory use, in percent of their memory
    };
    Metric metric = Metric::Cpu;
    double target = 60; ///< percent
    int minimum = 1;
    int maximum = 10;
    double tolerance = 0.1; ///< no change while the load is within 10 % of the target
    std::chrono::seconds booting{180}; ///< a replica's first minutes are left out of the average
    std::chrono::seconds downWindow{300}; ///< scaling down takes the highest recommendation of this long

    bool operator==(const Policy &) const = default;
};

/// One replica as the autoscaler sees it.
struct Replica {
    QDateTime started; ///< when it last started; invalid if it does not run
    std::optional<double> load; ///< the metric, in percent; none when not known
};

struct Decision {
    int current = 0;
    int desired = 0;
    double average = 0; ///< of the replicas counted
    int counted = 0; ///< replicas whose load was averaged
    QString reason; ///< "CPU 83 % against a 60 % target: 3 → 5 replicas"

    [[nodiscard]] bool changes() const { return desired != current; }
};

/// Decides, one tick after another, remembering its recent recommendations.
class Autoscaler
{
public:
    explicit Autoscaler(const Policy &policy);

    [[nodiscard]] const Policy &policy() const { return m_policy; }

    /// The decision at @p now for @p replicas (every replica of the
    /// workload, running or not).
    [[nodiscard]] Decision decide(const QList<Replica> &replicas, const QDateTime &now);

private:
    Policy m_policy;
    QList<std::pair<QDateTime, int>> m_recommendations; ///< within the down window
};

} // namespace Flotilla::Autoscaling
