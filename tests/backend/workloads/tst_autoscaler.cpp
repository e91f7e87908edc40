// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/autoscaler.h"

#include <QTest>
#include <QTimeZone>

#include <algorithm>

#include <functional>

using namespace Flotilla::Autoscaling;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace
{
const QDateTime start = QDateTime(QDate(2026, 11, 30), QTime(12, 0), QTimeZone::UTC);

/// A workload under a simulated clock: its replicas, their load scripted
/// by the minute, and the decisions as they are carried out.
class Simulation
{
public:
    explicit Simulation(const Policy &policy, int replicas)
        : m_autoscaler(policy)
    {
        for (int i = 0; i < replicas; ++i) {
            m_replicas.append({.started = start.addSecs(-3600)}); // running for an hour
        }
    }

    /// Runs @p minutes ticks of 30 s, each replica's load given by @p load
    /// (the minute, the replica's index; none: not reporting); the
    /// decisions are carried out at once, new replicas booting.
    QList<int> run(int minutes, const std::function<std::optional<double>(int minute, int replica)> &load)
    {
        return ticks(minutes * 2, load);
    }

    /// As run(), @p count ticks of 30 s.
    QList<int> ticks(int count, const std::function<std::optional<double>(int minute, int replica)> &load)
    {
        QList<int> counts;
        for (int tick = 0; tick < count; ++tick) {
            m_now = m_now.addSecs(30);
            const int minute = int(start.secsTo(m_now) / 60);
            for (int i = 0; i < m_replicas.size(); ++i) {
                m_replicas[i].load = m_replicas.at(i).started.isValid() ? load(minute, i) : std::nullopt;
            }
            m_last = m_autoscaler.decide(m_replicas, m_now);
            while (m_replicas.size() < m_last.desired) {
                m_replicas.append({.started = m_now});
            }
            while (m_replicas.size() > m_last.desired) {
                m_replicas.removeLast(); // the newest first
            }
            counts.append(int(m_replicas.size()));
        }
        return counts;
    }

    [[nodiscard]] const Decision &last() const { return m_last; }
    [[nodiscard]] int replicas() const { return int(m_replicas.size()); }

private:
    Autoscaler m_autoscaler;
    QList<Replica> m_replicas;
    QDateTime m_now = start;
    Decision m_last;
};

const Policy cpu60{.target = 60, .minimum = 2, .maximum = 20};
} // namespace

// The autoscaler's decisions, by Kubernetes' rules, under a simulated clock
// and scripted load: steady load, a spike, a slow ramp, flapping around the
// target, missing figures, and a replica that never boots.
class AutoscalerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void steadyLoadAtTheTargetChangesNothing()
    {
        Simulation workload(cpu60, 4);
        const QList<int> counts = workload.run(30, [](int, int) { return 62.0; });
        QVERIFY(std::ranges::all_of(counts, [](int count) { return count == 4; }));
        QCOMPARE(workload.last().reason, u"CPU 62 % against a 60 % target, within 10 %: 4 replicas stay"_s);
    }

    // desired = ceil(current × load / target), at most +100 % or +4 a step.
    void aSpikeGrowsItAtOnce()
    {
        Simulation workload(cpu60, 3);
        (void)workload.ticks(1, [](int, int) { return 83.0; });
        QCOMPARE(workload.replicas(), 5); // ceil(3 × 83 / 60) = 5
        QCOMPARE(workload.last().reason, u"CPU 83 % against a 60 % target: 3 → 5 replicas"_s);

        Simulation surge(cpu60, 2);
        (void)surge.ticks(1, [](int, int) { return 100.0 * 10; }); // ten times the target
        QCOMPARE(surge.replicas(), 6); // 2 → at most 2 + 4 (more than +100 %)
    }

    void theMaximumAndMinimumHold()
    {
        Simulation busy(cpu60, 18);
        (void)busy.run(5, [](int, int) { return 95.0; });
        QCOMPARE(busy.replicas(), 20);
        QCOMPARE(busy.last().reason, u"CPU 95 % against a 60 % target, at its maximum: 20 replicas stay"_s);

        Simulation idle(cpu60, 3);
        (void)idle.run(10, [](int, int) { return 1.0; });
        QCOMPARE(idle.replicas(), 2);
    }

    // Going down takes the highest recommendation of the last 5 minutes:
    // a dip does not shrink it, a lasting fall does, 5 minutes on.
    void aFallShrinksItOnlyAfterFiveMinutes()
    {
        Simulation workload(cpu60, 6);
        QList<int> counts = workload.run(1, [](int, int) { return 60.0; });
        counts = workload.run(4, [](int, int) { return 20.0; }); // 4 minutes low
        QVERIFY2(std::ranges::all_of(counts, [](int count) { return count == 6; }), "held by the window");
        QVERIFY2(workload.last().reason.contains(u"the last 5 minutes asked for more"_s),
            qPrintable(workload.last().reason));
        counts = workload.run(3, [](int, int) { return 20.0; });
        QCOMPARE(workload.replicas(), 2); // ceil(6 × 20 / 60)
    }

    void aSlowRampGrowsItStepByStep()
    {
        Simulation workload(cpu60, 2);
        // 10 % more load each minute, shared by however many replicas run.
        const QList<int> counts = workload.run(30, [&workload](int minute, int) {
            const double total = 2 * 50.0 * (1 + minute / 10.0);
            return total / workload.replicas();
        });
        QVERIFY(std::ranges::is_sorted(counts)); // never shrinks on the way up
        QVERIFY2(counts.last() >= 5 && counts.last() <= 8, qPrintable(QString::number(counts.last())));
    }

    // Load flapping between 55 % and 65 % stays within the tolerance: no churn.
    void flappingAroundTheTargetChangesNothing()
    {
        Simulation workload(cpu60, 5);
        const QList<int> counts = workload.run(30, [](int minute, int) { return minute % 2 ? 55.0 : 65.0; });
        QVERIFY(std::ranges::all_of(counts, [](int count) { return count == 5; }));
    }

    void noFiguresNoChange()
    {
        Simulation workload(cpu60, 4);
        const QList<int> counts = workload.run(10, [](int, int) { return std::nullopt; });
        QVERIFY(std::ranges::all_of(counts, [](int count) { return count == 4; }));
        QVERIFY2(workload.last().reason.startsWith(u"No load known yet"_s), qPrintable(workload.last().reason));
    }

    // Replicas without a figure count against the change: as idle when it
    // would grow, so one busy replica of four does not double the workload.
    void missingFiguresAreCountedAgainstTheChange()
    {
        Simulation workload(cpu60, 4);
        (void)workload.run(2, [](int, int replica) { return replica == 0 ? std::optional(90.0) : std::nullopt; });
        QCOMPARE(workload.replicas(), 4); // 90 / 4 = 22.5 % on average: not a reason to grow
    }

    // New replicas are left out of the average while they boot: a replica
    // that never boots (no figure, ever) does not hold the others back, and
    // the workload does not grow without end because of it.
    void aReplicaThatNeverBoots()
    {
        Simulation workload(cpu60, 3);
        (void)workload.ticks(1, [](int, int replica) { return replica < 3 ? std::optional(90.0) : std::nullopt; });
        QCOMPARE(workload.replicas(), 5);
        // The new ones never report; the first three drop to the target.
        const QList<int> counts
            = workload.run(10, [](int, int replica) { return replica < 3 ? std::optional(60.0) : std::nullopt; });
        QVERIFY(std::ranges::all_of(counts, [](int count) { return count == 5; }));
        QCOMPARE(workload.last().counted, 3);
    }

    void bootingReplicasAreLeftOut()
    {
        Autoscaler autoscaler(cpu60);
        const QDateTime now = start;
        const QList<Replica> replicas{{.started = now.addSecs(-3600), .load = 60},
            {.started = now.addSecs(-60), .load = 100}}; // a minute old: booting
        const Decision decision = autoscaler.decide(replicas, now);
        QCOMPARE(decision.counted, 1);
        QCOMPARE(decision.average, 60.0);
        QVERIFY(!decision.changes());
    }
};

QTEST_GUILESS_MAIN(AutoscalerTest)
#include "tst_autoscaler.moc"
