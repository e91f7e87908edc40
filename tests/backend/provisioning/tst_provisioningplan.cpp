// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/provisioningplan.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;
using StepState = ProvisioningPlan::StepState;

// A plan runs its steps in order, and undoes the done ones newest first
// when one fails or it is cancelled, whatever their undo says.
class ProvisioningPlanTest : public QObject
{
    Q_OBJECT

    QStringList m_log; ///< "run root", "undo root", … in the order they happened

    /// A step that logs, and fails when @p fails; @p undoFails makes its undo fail.
    ProvisioningPlan::Step step(const QString &name, bool fails = false, bool undoFails = false)
    {
        return ProvisioningPlan::Step{
            .title = name,
            .run = [this, name, fails]() -> Result<bool> {
                m_log.append(QStringLiteral("run ") + name);
                if (fails) {
                    return Error{.message = name + QStringLiteral(" failed")};
                }
                return true;
            },
            .undo = [this, name, undoFails]() -> Result<bool> {
                m_log.append(QStringLiteral("undo ") + name);
                if (undoFails) {
                    return Error{.message = name + QStringLiteral(" is still there")};
                }
                return true;
            },
        };
    }

    ProvisioningPlan machinePlan(const QString &failing = {}, const QString &undoFailing = {})
    {
        ProvisioningPlan plan;
        for (const QString &name : {QStringLiteral("root"), QStringLiteral("data"), QStringLiteral("seed"),
                 QStringLiteral("define"), QStringLiteral("start")}) {
            plan.append(step(name, name == failing, name == undoFailing));
        }
        return plan;
    }

private Q_SLOTS:
    void init() { m_log.clear(); }

    void runsEveryStepInOrder()
    {
        const std::atomic_bool cancel = false;
        QList<std::pair<qsizetype, StepState>> states;
        const ProvisioningPlan::Outcome outcome
            = machinePlan().run(cancel, [&states](qsizetype step, StepState state) { states.append({step, state}); });
        QVERIFY(outcome.completed);
        QVERIFY(!outcome.cancelled);
        QCOMPARE(outcome.failedStep, -1);
        QVERIFY(outcome.leftovers.isEmpty());
        QCOMPARE(m_log, (QStringList{u"run root"_s, u"run data"_s, u"run seed"_s, u"run define"_s, u"run start"_s}));
        QCOMPARE(states.size(), 10);
        QCOMPARE(states.first(), (std::pair{qsizetype(0), StepState::Running}));
        QCOMPARE(states.last(), (std::pair{qsizetype(4), StepState::Done}));
    }

    void aFailureUndoesTheDoneStepsNewestFirst()
    {
        const std::atomic_bool cancel = false;
        QList<std::pair<qsizetype, StepState>> states;
        const ProvisioningPlan::Outcome outcome
            = machinePlan(QStringLiteral("define")).run(cancel, [&states](qsizetype step, StepState state) {
                  states.append({step, state});
              });
        QVERIFY(!outcome.completed);
        QCOMPARE(outcome.failedStep, 3);
        QCOMPARE(outcome.failure.message, QStringLiteral("define failed"));
        QVERIFY(outcome.leftovers.isEmpty());
        // The failed step made nothing to undo; the done ones are undone, newest first.
        QCOMPARE(m_log,
            (QStringList{u"run root"_s, u"run data"_s, u"run seed"_s, u"run define"_s, u"undo seed"_s, u"undo data"_s,
                u"undo root"_s}));
        QVERIFY(states.contains(std::pair{qsizetype(3), StepState::Failed}));
        QCOMPARE(states.last(), (std::pair{qsizetype(0), StepState::Undone}));
    }

    void aFailedUndoIsALeftoverAndTheOthersStillRun()
    {
        const std::atomic_bool cancel = false;
        QList<std::pair<qsizetype, StepState>> states;
        const ProvisioningPlan::Outcome outcome
            = machinePlan(QStringLiteral("start"), QStringLiteral("data"))
                  .run(cancel, [&states](qsizetype step, StepState state) { states.append({step, state}); });
        QCOMPARE(outcome.failedStep, 4);
        QCOMPARE(m_log.mid(5), (QStringList{u"undo define"_s, u"undo seed"_s, u"undo data"_s, u"undo root"_s}));
        QCOMPARE(outcome.leftovers.size(), 1);
        QCOMPARE(outcome.leftovers.first().message, QStringLiteral("data is still there"));
        QVERIFY(states.contains(std::pair{qsizetype(1), StepState::UndoFailed}));
    }

    void aStepWithoutUndoIsPassedOver()
    {
        const std::atomic_bool cancel = false;
        ProvisioningPlan plan;
        plan.append(step(QStringLiteral("root")));
        plan.append(ProvisioningPlan::Step{.title = QStringLiteral("check"), .run = [this]() -> Result<bool> {
                                               m_log.append(QStringLiteral("run check"));
                                               return true;
                                           }});
        plan.append(step(QStringLiteral("define"), true));
        QCOMPARE(plan.run(cancel).failedStep, 2);
        QCOMPARE(m_log, (QStringList{u"run root"_s, u"run check"_s, u"run define"_s, u"undo root"_s}));
    }

    void aCancelBetweenStepsUndoesWhatWasDone()
    {
        std::atomic_bool cancel = false;
        ProvisioningPlan plan = machinePlan();
        plan.append(
            ProvisioningPlan::Step{.title = QStringLiteral("cancelled here"), .run = [&cancel]() -> Result<bool> {
                                       cancel = true; // as the Cancel button would, from another thread
                                       return true;
                                   }});
        plan.append(step(QStringLiteral("never")));
        const ProvisioningPlan::Outcome outcome = plan.run(cancel);
        QVERIFY(outcome.cancelled);
        QVERIFY(!outcome.completed);
        QCOMPARE(outcome.failedStep, -1);
        QVERIFY(!m_log.contains(QStringLiteral("run never")));
        QCOMPARE(m_log.mid(5),
            (QStringList{u"undo start"_s, u"undo define"_s, u"undo seed"_s, u"undo data"_s, u"undo root"_s}));
    }
};

QTEST_GUILESS_MAIN(ProvisioningPlanTest)
#include "tst_provisioningplan.moc"
