// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"
#include "workloads/fleetworkloads.h"
#include "workloads/k3scluster.h"
#include "workloads/machinetemplate.h"

#include <QFile>

#include <QTest>

using namespace Flotilla;
using Flotilla::Testing::AppWindow;
using namespace Qt::StringLiterals;

/// Workloads on the demo fleet, as a person who never saw Flotilla meets
/// them: the two the demo has, a web shop scaled to 10 and back, and a new
/// service of 6 replicas over three countries, seen on the map before it
/// is made.
class WorkloadsUiTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    AppWindow m_app;

    QQuickItem *item(const char *name) const { return m_app.item(name); }
    QQuickItem *item(const QString &name) const { return m_app.item(QLatin1StringView(name.toLatin1())); }

    [[nodiscard]] std::optional<Workload> workload(const QString &name) const
    {
        for (const Workload &found : FleetWorkloads::gather(m_app.fleet())) {
            if (found.name == name) {
                return found;
            }
        }
        return std::nullopt;
    }

    [[nodiscard]] bool trigger(QObject *from, const char *name) { return m_app.trigger(from, name); }

    /// Scales the shop from its page to @p replicas, through the confirmation.
    [[nodiscard]] bool scaleShop(int replicas, const QString &screenshot = {})
    {
        [&] {
            QQuickItem *spin = item("scaleReplicas");
            QVERIFY(spin);
            QVERIFY(spin->setProperty("value", replicas));
            QVERIFY(m_app.click(item("scaleApply")));
            QObject *dialog = item("workloadPage")->findChild<QObject *>(u"scaleDialog"_s);
            QVERIFY(dialog);
            QTRY_VERIFY(dialog->property("opened").toBool());
            QCOMPARE(dialog->property("problem").toString(), QString());
            if (!screenshot.isEmpty()) {
                QVERIFY(m_app.screenshot(screenshot));
            }
            QVERIFY(trigger(dialog, "confirmScale"));
            QTRY_VERIFY(!dialog->property("visible").toBool());
            QTRY_VERIFY_WITH_TIMEOUT(workload(u"shop"_s) && workload(u"shop"_s)->replicas.size() == replicas
                    && workload(u"shop"_s)->policy.replicas == replicas && workload(u"shop"_s)->running() == replicas,
                timeoutMs);
            QTRY_COMPARE_WITH_TIMEOUT(
                item("workloadRunning")->property("text").toString(), u"%1 of %1 running"_s.arg(replicas), timeoutMs);
        }();
        return !QTest::currentTestFailed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_app.openDemo());
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
    }

    void listsTheDemosWorkloads()
    {
        m_app.call("showWorkloads");
        QTRY_VERIFY_WITH_TIMEOUT(item("workloadCard:shop") && item("workloadCard:k3s"), timeoutMs);
        QQuickItem *shop = item("workloadCard:shop");
        QTRY_COMPARE(m_app.find(shop, "runningOfDesired"_L1)->property("text").toString(), u"6 / 6"_s);
        // Below the cards, every workload's replicas charted together.
        QQuickItem *memory = m_app.find(item("workloadsCharts"), "memoryChart"_L1);
        QVERIFY(memory);
        QTRY_VERIFY_WITH_TIMEOUT(memory->property("pointCount").toInt() > 2, timeoutMs);
        QVERIFY(m_app.waitUntilStill(item("workloadsMap")));
        QVERIFY(m_app.screenshot(u"workloads"_s));
    }

    void scalesTheShopToTenAndBack()
    {
        QVERIFY(m_app.click(item("workloadCard:shop")));
        QTRY_VERIFY(item("workloadPage") && item("replica:shop-06"));
        // Its replicas charted together: the lines fill from their figures.
        for (const char *chart : {"cpuChart", "memoryChart", "networkChart"}) {
            QQuickItem *drawn = m_app.find(item("workloadCharts"), QLatin1StringView(chart));
            QVERIFY2(drawn, chart);
            QTRY_VERIFY_WITH_TIMEOUT(drawn->property("pointCount").toInt() > 2, timeoutMs);
        }
        QVERIFY(m_app.waitUntilStill(item("workloadPage")));
        QVERIFY(m_app.screenshot(u"workload"_s));
        QVERIFY(scaleShop(10, u"workload-scale"_s));
        // Spread over countries: the four new ones went to the three countries it was in, or new ones.
        QVERIFY(scaleShop(6));
        QVERIFY(!item("replica:shop-10")); // the newest went first
    }

    void aReplicaBecomesATemplate()
    {
        // From the shop's page to its replica's machine page, and a template made from it.
        QFile::remove(MachineTemplates::folder() + u"/shop-01.json"_s);
        QVERIFY(m_app.click(item("replica:shop-01")));
        QTRY_VERIFY_WITH_TIMEOUT(item("machinePage")
                && item("machinePage")->property("uuid").toString() == workload(u"shop"_s)->replicas.first().uuid,
            timeoutMs);
        QVERIFY(trigger(item("machinePage"), "machineMakeTemplate"));
        const Result<MachineTemplate> kept = MachineTemplates::read(MachineTemplates::folder() + u"/shop-01.json"_s);
        QVERIFY2(kept.ok(), qPrintable(kept.ok() ? QString() : kept.error().text()));
        QCOMPARE(kept.value().setup.packages, QStringList{u"nginx"_s}); // the replica's own template, setup and all
        // Back to the shop's page, for what follows.
        m_app.call("showWorkloads");
        QTRY_VERIFY_WITH_TIMEOUT(!item("machinePage") && item("workloadCard:shop"), timeoutMs);
        QVERIFY(m_app.waitUntilStill(item("workloadCard:shop")));
        QVERIFY(m_app.click(item("workloadCard:shop")));
        QTRY_VERIFY_WITH_TIMEOUT(item("workloadPage") && item("autoscaleOn"), timeoutMs);
    }

    void theAutoscalerAnswersTheLoad()
    {
        // The demo's knob at full load, then the autoscaler on: CPU over a 50 % target.
        QObject *workloads = item("workloadPage")->property("workloads").value<QObject *>();
        QVERIFY(workloads);
        const QString shop = workload(u"shop"_s)->id;
        QVERIFY(QMetaObject::invokeMethod(workloads, "setSimulatedLoad", Q_ARG(QString, shop), Q_ARG(int, 100)));
        QVERIFY(item("autoscaleOn")->setProperty("checked", true));
        QVERIFY(item("autoscaleTarget")->setProperty("value", 50));
        QVERIFY(item("autoscaleMinimum")->setProperty("value", 2));
        QVERIFY(item("autoscaleMaximum")->setProperty("value", 9));
        QVERIFY(m_app.click(item("autoscaleApply")));
        QTRY_VERIFY_WITH_TIMEOUT(workload(u"shop"_s)->policy.autoscale, timeoutMs);
        // It takes the lease, then adds replicas, saying why.
        QTRY_VERIFY_WITH_TIMEOUT(workload(u"shop"_s)->replicas.size() > 6, 3 * timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(item("scaledBy")->property("text").toString(),
            u"This Flotilla scales the workload while it is open."_s, timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(workload(u"shop"_s)->replicas.size() == 9, 3 * timeoutMs);
        const auto said = [&](const QString &text) {
            QVariantMap shown;
            QMetaObject::invokeMethod(workloads, "get", Q_RETURN_ARG(QVariantMap, shown), Q_ARG(QString, shop));
            const QVariantList events = shown.value(u"events"_s).toList();
            return std::ranges::any_of(events,
                [&](const QVariant &event) { return event.toMap().value(u"text"_s).toString().contains(text); });
        };
        QVERIFY(said(u"This Flotilla scales the workload from now on."_s));
        QVERIFY(said(u": 6 → 9 replicas"_s));
        QVERIFY(item("autoscalerEvent")); // shown on the page
        QTRY_COMPARE_WITH_TIMEOUT(item("workloadRunning")->property("text").toString(), u"9 of 9 running"_s, timeoutMs);
        m_app.scrollIntoView(item("autoscalerEvent"));
        QVERIFY(m_app.waitUntilStill(item("autoscalerEvent")));
        QVERIFY(m_app.screenshot(u"workload-autoscaler"_s));

        // The load falls: once the new replicas have booted and the down window has passed, it shrinks again.
        QVERIFY(QMetaObject::invokeMethod(workloads, "setSimulatedLoad", Q_ARG(QString, shop), Q_ARG(int, 5)));
        QTRY_VERIFY_WITH_TIMEOUT(workload(u"shop"_s)->replicas.size() < 9, 6 * timeoutMs);
        QVERIFY(item("autoscaleOn")->setProperty("checked", false));
        QVERIFY(m_app.click(item("autoscaleApply")));
        QTRY_VERIFY_WITH_TIMEOUT(!workload(u"shop"_s)->policy.autoscale, timeoutMs);
        QVERIFY(QMetaObject::invokeMethod(workloads, "setSimulatedLoad", Q_ARG(QString, shop), Q_ARG(int, -1)));
    }

    void deploysSixOverThreeCountriesSeenFirstOnTheMap()
    {
        m_app.call("deployWorkload");
        QTRY_VERIFY(item("deployWorkloadPage") && item("workloadName"));
        QObject *deployer = item("deployWorkloadPage")->property("deployer").value<QObject *>();
        QVERIFY(deployer);
        // From the built-in Docker host: its packages and first-boot commands, the image left to pick.
        QString problem;
        QVERIFY(QMetaObject::invokeMethod(
            deployer, "loadTemplate", Q_RETURN_ARG(QString, problem), Q_ARG(QString, u"docker-host"_s)));
        QCOMPARE(problem, QString());
        QVERIFY(deployer->property("packages").toString().contains(u"docker.io"_s));
        QTRY_VERIFY(item("workloadCommands") && item("workloadCommands")->isVisible());
        QVERIFY(m_app.screenshot(u"deploy-template"_s));
        // A smaller replica than a Docker host, as a person would set it.
        QVERIFY(deployer->setProperty("vcpus", 1));
        QVERIFY(deployer->setProperty("memoryMiB", 512));
        QVERIFY(m_app.type(item("workloadName"), u"api"_s));
        QVERIFY(!deployer->property("image").toString().isEmpty()); // the first image of the fleet's
        QVERIFY(m_app.click(item("deployNext")));
        QTRY_VERIFY(item("workloadReplicas")->isVisible());
        QVERIFY(item("workloadReplicas")->setProperty("value", 6));
        QVERIFY(QMetaObject::invokeMethod(item("workloadReplicas"), "valueModified"));
        QVERIFY(m_app.click(item("spreadCountries")));
        QVERIFY(m_app.type(item("workloadCountries"), u"DE FI BR"_s));
        QVERIFY(m_app.click(item("deployNext")));
        QTRY_VERIFY(item("planMap") && item("planMap")->isVisible());
        const QVariantMap counts = deployer->property("planCounts").toMap();
        QCOMPARE(counts.value(u"berlin-home"_s).toInt(), 2);
        QCOMPARE(counts.value(u"helsinki-rack"_s).toInt(), 2);
        QCOMPARE(counts.value(u"saopaulo-mini"_s).toInt(), 2);
        QVERIFY(item("countBadge:berlin-home")); // the count on its marker
        QVERIFY(m_app.waitUntilStill(item("planMap")));
        QVERIFY(m_app.screenshot(u"deploy-preview"_s));

        // Moved by hand outside the policy's countries: refused, with why.
        QString refusal;
        QVERIFY(QMetaObject::invokeMethod(deployer, "moveReplica", Q_RETURN_ARG(QString, refusal),
            Q_ARG(QString, u"berlin-home"_s), Q_ARG(QString, u"singapore-edge"_s)));
        QVERIFY2(refusal.contains(u"not in DE, FI, BR"_s), qPrintable(refusal));
        // Within them: moved, and the plan checked again.
        QVERIFY(QMetaObject::invokeMethod(deployer, "moveReplica", Q_RETURN_ARG(QString, refusal),
            Q_ARG(QString, u"berlin-home"_s), Q_ARG(QString, u"helsinki-rack"_s)));
        QCOMPARE(refusal, QString());
        QCOMPARE(deployer->property("planCounts").toMap().value(u"helsinki-rack"_s).toInt(), 3);

        QVERIFY(m_app.click(item("deployGo")));
        QTRY_VERIFY_WITH_TIMEOUT(deployer->property("finished").toBool(), timeoutMs);
        QVERIFY2(deployer->property("succeeded").toBool(), qPrintable(deployer->property("summary").toString()));
        QTRY_VERIFY_WITH_TIMEOUT(workload(u"api"_s) && workload(u"api"_s)->replicas.size() == 6, timeoutMs);
        QVERIFY(m_app.screenshot(u"deploy-progress"_s));
    }

    void aNewTemplateReplacesTheReplicasTwoAtATime()
    {
        m_app.call("showWorkloads");
        QTRY_VERIFY_WITH_TIMEOUT(item("workloadCard:api"), timeoutMs);
        QVERIFY(m_app.waitUntilStill(item("workloadCard:api")));
        QVERIFY(m_app.click(item("workloadCard:api")));
        QTRY_VERIFY_WITH_TIMEOUT(item("workloadPage") && item("replica:api-06"), timeoutMs);
        const QString before = workload(u"api"_s)->templateHash;
        QVERIFY(trigger(item("workloadPage"), "workloadEditTemplate"));
        QObject *dialog = item("workloadPage")->findChild<QObject *>(u"replaceDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QVERIFY2(dialog->property("problem").toString().contains(u"as it was"_s),
            qPrintable(dialog->property("problem").toString()));
        QQuickItem *vcpus = item("replaceVcpus");
        QVERIFY(vcpus->setProperty("value", 2));
        QVERIFY(item("replaceAtATime")->setProperty("value", 2));
        QTRY_COMPARE(dialog->property("problem").toString(), QString());
        QVERIFY(m_app.waitUntilStill(item("replaceVcpus")));
        QVERIFY(m_app.screenshot(u"workload-replace"_s));
        QVERIFY(trigger(dialog, "confirmReplace"));
        // Every replica made anew from the new template, on its own node, and running.
        QTRY_VERIFY_WITH_TIMEOUT(workload(u"api"_s) && workload(u"api"_s)->templateHash != before
                && workload(u"api"_s)->disagreements.isEmpty() && workload(u"api"_s)->replicas.size() == 6
                && workload(u"api"_s)->running() == 6
                && std::ranges::all_of(
                    workload(u"api"_s)->replicas, [](const Replica &replica) { return replica.vcpus == 2; }),
            timeoutMs);
        QCOMPARE(workload(u"api"_s)->machineTemplate.vcpus, 2);
    }

    void deploysAK3sClusterWithTwoAgents()
    {
        m_app.call("deployCluster");
        QTRY_VERIFY(item("deployClusterPage") && item("clusterName"));
        QObject *deployer = item("deployClusterPage")->property("deployer").value<QObject *>();
        QVERIFY(deployer);
        QCOMPARE(deployer->property("agents").toInt(), 2);
        // The demo has a cluster called k3s already: the wizard says so, and stays.
        QVERIFY(m_app.click(item("clusterNext")));
        QVERIFY2(deployer->property("problems").toMap().value(u"name"_s).toString().contains(u"exists already"_s),
            qPrintable(deployer->property("problems").toMap().value(u"name"_s).toString()));
        QVERIFY(item("clusterServers")->isVisible());
        QVERIFY(m_app.type(item("clusterName"), u"kube"_s));
        QVERIFY(m_app.type(item("clusterSshKey"),
            u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHcuxWjwdsOvCFO0BvNnFbcrIeAVaKo/ZUBdUW4hFxuK alice@laptop"_s));
        QVERIFY(m_app.click(item("clusterNext")));
        QTRY_VERIFY(item("clusterSpreadCountries")->isVisible());
        QVERIFY(m_app.click(item("clusterSpreadCountries")));
        QVERIFY(m_app.click(item("clusterNext")));

        // The review: one server and two agents on the map, each node's reasons, what the servers run.
        QTRY_VERIFY(item("clusterPlanMap") && item("clusterPlanMap")->isVisible());
        QCOMPARE(deployer->property("planProblem").toString(), QString());
        int placed = 0;
        for (const QVariant &count : deployer->property("planCounts").toMap()) {
            placed += count.toInt();
        }
        QCOMPARE(placed, 3);
        const QString commands = item("clusterServerCommands")->property("text").toString();
        QVERIFY2(commands.contains(u"K3S_TOKEN={{secret:k3s-"_s), qPrintable(commands)); // never the token itself
        QVERIFY(m_app.waitUntilStill(item("clusterPlanMap")));
        QVERIFY(m_app.screenshot(u"deploy-cluster-review"_s));

        // Made: the server first, then the two agents, which join it.
        QVERIFY(m_app.click(item("clusterGo")));
        QTRY_VERIFY2_WITH_TIMEOUT(deployer->property("finished").toBool(),
            qPrintable(deployer->property("stage").toString() + u": "_s + deployer->property("summary").toString()),
            timeoutMs);
        QVERIFY2(deployer->property("succeeded").toBool(), qPrintable(deployer->property("summary").toString()));
        QTRY_VERIFY_WITH_TIMEOUT(workload(u"kube-server"_s) && workload(u"kube-server"_s)->replicas.size() == 1
                && workload(u"kube"_s) && workload(u"kube"_s)->replicas.size() == 2,
            timeoutMs);
        const Workload agents = *workload(u"kube"_s);
        QVERIFY(!agents.machineTemplate.cluster.server.isEmpty());
        QVERIFY(m_app.screenshot(u"deploy-cluster-progress"_s));

        // Copy kubeconfig: the demo's nodes have no guest agent, so the exact ssh command is given.
        QVERIFY(m_app.click(item("clusterClose")));
        QTRY_VERIFY_WITH_TIMEOUT(item("workloadCard:kube"), timeoutMs);
        QVERIFY(m_app.waitUntilStill(item("workloadCard:kube")));
        QVERIFY(m_app.click(item("workloadCard:kube")));
        QTRY_VERIFY_WITH_TIMEOUT(item("workloadPage") && item("replica:kube-02"), timeoutMs);
        QVERIFY(trigger(item("workloadPage"), "copyKubeconfig"));
        QTRY_VERIFY_WITH_TIMEOUT(item("kubeconfigCommand") && item("kubeconfigCommand")->isVisible(), timeoutMs);
        QCOMPARE(item("kubeconfigCommand")->property("text").toString(),
            K3s::kubeconfigCommand(u"admin"_s, agents.machineTemplate.cluster.server));
        QVERIFY2(item("kubeconfigMessage")->property("text").toString().contains(u"over SSH"_s),
            qPrintable(item("kubeconfigMessage")->property("text").toString()));
        QVERIFY(m_app.waitUntilStill(item("kubeconfigMessage")));
        // Kirigami fades a message's text in once it is shown.
        QQuickItem *shown = item("kubeconfigMessage")->property("contentItem").value<QQuickItem *>();
        QVERIFY(shown);
        QTRY_COMPARE(shown->opacity(), 1.0);
        QVERIFY(m_app.screenshot(u"workload-kubeconfig"_s));
    }

    void cleanupTestCase() { QVERIFY2(m_app.warnings().isEmpty(), qPrintable(m_app.warnings().join(u'\n'))); }
};

QTEST_MAIN(WorkloadsUiTest)
#include "tst_workloads.moc"
