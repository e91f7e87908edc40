// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/domainxml.h"
#include "workloads/workload.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{

const QDateTime morning = QDateTime(QDate(2026, 11, 30), QTime(9, 0), QTimeZone::UTC);

MachineTemplate web(const QString &image = u"debian-12.qcow2"_s)
{
    return MachineTemplate{.name = u"web"_s, .image = image, .memoryMiB = 512, .setup = {.packages = {u"nginx"_s}}};
}

Workload workload(int replicas, const MachineTemplate &made = web())
{
    return Workload{.id = u"0a1b2c3d"_s,
        .name = u"web"_s,
        .machineTemplate = made,
        .policy
        = {.replicas = replicas, .placement = {.spread = Placement::Policy::Spread::Countries}, .changed = morning}};
}

/// Replica @p index of @p of, made @p minutes after the morning, as its node holds it.
Machine replica(const Workload &of, int index, int minutes, MachineState state = MachineState::Running)
{
    Machine machine{.uuid = u"uuid-%1-%2"_s.arg(of.id).arg(index),
        .name = Workloads::replicaName(of.name, index),
        .state = state,
        .metadata = Workloads::replicaMetadata(of, index)};
    machine.metadata.created = morning.addSecs(60 * minutes).toString(Qt::ISODate);
    // As the node gives it back: through the metadata's XML.
    const Result<QString> xml = DomainXml::metadataElement(machine.metadata);
    if (xml) {
        machine.metadata = DomainXml::parseMetadataElement(xml.value().toUtf8()).value();
    }
    return machine;
}

QList<Workloads::Seen> seen(const QList<std::pair<QString, const Machine *>> &machines)
{
    QList<Workloads::Seen> list;
    for (const auto &[node, machine] : machines) {
        list.append({node, machine});
    }
    return list;
}

} // namespace

// Workloads as the replicas on the nodes make them up: their policy, their
// template, who holds the autoscaler's lease, where replicas disagree.
class WorkloadTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policyGoesThroughItsJson()
    {
        WorkloadPolicy policy{.replicas = 12,
            .placement = {.spread = Placement::Policy::Spread::Pack,
                .tags = {u"ssd"_s},
                .countries = {u"FI"_s, u"DE"_s},
                .maxPerNode = 3},
            .onFailure = WorkloadPolicy::OnFailure::BestEffort,
            .autoscale = true,
            .dryRun = true,
            .changed = morning.addMSecs(250)};
        policy.autoscaling.metric = Autoscaling::Policy::Metric::Memory;
        policy.autoscaling.target = 70;
        policy.autoscaling.minimum = 2;
        policy.autoscaling.maximum = 30;
        const Result<WorkloadPolicy> back = Workloads::policyFromJson(Workloads::policyJson(policy));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().text()));
        QCOMPARE(back.value(), policy);
    }

    void badPolicyIsNamed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("named");
        QTest::newRow("not JSON") << "{\"replicas\": 3"_ba << u"cannot be read"_s;
        QTest::newRow("no count") << "{}"_ba << u"“replicas”"_s;
        QTest::newRow("negative") << "{\"replicas\": -2}"_ba << u"“replicas”"_s;
        QTest::newRow("fraction") << "{\"replicas\": 2.5}"_ba << u"“replicas”"_s;
        QTest::newRow("huge") << "{\"replicas\": 1e12}"_ba << u"“replicas”"_s;
        QTest::newRow("spread") << "{\"replicas\": 2, \"spread\": \"moon\"}"_ba << u"“spread”"_s;
        QTest::newRow("tags") << "{\"replicas\": 2, \"tags\": [1, 2]}"_ba << u"tags"_s;
        QTest::newRow("min above max") << "{\"replicas\": 2, \"autoscale\": {\"minimum\": 5, \"maximum\": 2}}"_ba
                                       << u"“autoscale”"_s;
        QTest::newRow("metric") << "{\"replicas\": 2, \"autoscale\": {\"metric\": \"disk\"}}"_ba
                                << u"“autoscale.metric”"_s;
    }

    void badPolicyIsNamed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, named);
        const Result<WorkloadPolicy> read = Workloads::policyFromJson(json);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().text().contains(named), qPrintable(read.error().text()));
    }

    void leaseGoesThroughItsText()
    {
        const Lease lease{.holder = u"alice@desktop#4242"_s, .until = morning.addSecs(90)};
        QCOMPARE(Lease::parse(lease.text()), lease);
        QVERIFY(lease.isHeld(morning));
        QVERIFY(!lease.isHeld(morning.addSecs(91)));
        QVERIFY(!Lease::parse(u"nobody"_s).isHeld(morning));
        QVERIFY(!Lease::parse(u"someone not-a-time"_s).isHeld(morning));
        QCOMPARE(Lease{}.text(), QString());
    }

    void replicasMakeUpTheirWorkload()
    {
        const Workload made = workload(3);
        const Machine a = replica(made, 1, 0);
        const Machine b = replica(made, 2, 1, MachineState::Off);
        const Machine c = replica(made, 3, 2);
        const Machine other{.uuid = u"plain"_s, .name = u"plain"_s, .state = MachineState::Running};
        const QList<Workload> found
            = Workloads::gather(seen({{u"helsinki"_s, &c}, {u"toronto"_s, &a}, {u"helsinki"_s, &b}, {u"x"_s, &other}}));
        QCOMPARE(found.size(), 1);
        const Workload &web = found.first();
        QCOMPARE(web.id, made.id);
        QCOMPARE(web.name, u"web"_s);
        QCOMPARE(web.machineTemplate, made.machineTemplate);
        QCOMPARE(web.templateHash, MachineTemplates::hash(made.machineTemplate));
        QCOMPARE(web.policy, made.policy);
        QCOMPARE(web.replicas.size(), 3);
        QCOMPARE(web.replicas.first().name, u"web-01"_s); // oldest first
        QCOMPARE(web.replicas.first().nodeId, u"toronto"_s);
        QCOMPARE(web.running(), 2);
        QVERIFY2(web.disagreements.isEmpty(), qPrintable(web.disagreements.join(u'\n')));
    }

    void workloadsOfOneNameStayApart()
    {
        Workload first = workload(1);
        Workload second = workload(1);
        second.id = u"ffff0000"_s;
        const Machine a = replica(first, 1, 0);
        const Machine b = replica(second, 1, 0);
        QCOMPARE(Workloads::gather(seen({{u"n"_s, &a}, {u"n"_s, &b}})).size(), 2);
    }

    void theNewestTemplateHoldsAndTheDisagreementIsSaid()
    {
        const Workload old = workload(2);
        const Workload renewed = workload(2, web(u"debian-13.qcow2"_s));
        const Machine a = replica(old, 1, 0);
        const Machine b = replica(renewed, 2, 5);
        const QList<Workload> found = Workloads::gather(seen({{u"n"_s, &a}, {u"n"_s, &b}}));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().machineTemplate.image, u"debian-13.qcow2"_s);
        QCOMPARE(found.first().disagreements.size(), 1);
        QVERIFY(found.first().disagreements.first().contains(u"1 replica was made from another template"_s));
    }

    void theLastPolicySetHolds()
    {
        Workload older = workload(3);
        Workload newer = workload(5);
        newer.policy.changed = morning.addSecs(600);
        // The newer policy sits on the older replica: what counts is when the policy was set.
        const Machine a = replica(newer, 1, 0);
        const Machine b = replica(older, 2, 5);
        const Workload found = Workloads::gather(seen({{u"n"_s, &a}, {u"n"_s, &b}})).first();
        QCOMPARE(found.policy.replicas, 5);
        QCOMPARE(found.disagreements.size(), 1);
        QVERIFY(found.disagreements.first().contains(u"different policies"_s));
    }

    void anUnreadablePolicyIsSaidNotGuessed()
    {
        Machine a = replica(workload(4), 1, 0);
        a.metadata.policy = u"{\"replicas\": \"many\"}"_s;
        const Workload found = Workloads::gather(seen({{u"n"_s, &a}})).first();
        QCOMPARE(found.policy.replicas, 1); // what there is
        QVERIFY(found.disagreements.join(u' ').contains(u"No replica holds a policy that can be read"_s));
    }

    void theLatestLeaseIsTheOne()
    {
        Workload held = workload(2);
        held.lease = {.holder = u"bob@laptop#7"_s, .until = morning.addSecs(30)};
        Machine a = replica(held, 1, 0);
        held.lease = {.holder = u"alice@desktop#9"_s, .until = morning.addSecs(60)};
        Machine b = replica(held, 2, 0);
        QCOMPARE(Workloads::gather(seen({{u"n"_s, &a}, {u"n"_s, &b}})).first().lease.holder, u"alice@desktop#9"_s);
    }

    void scalingDownTakesTheNewestFromTheMostCrowdedNode()
    {
        Workload spread = workload(4);
        const auto add = [&](const QString &node, int index, int minutes) {
            spread.replicas.append(Replica{.nodeId = node,
                .name = Workloads::replicaName(u"web"_s, index),
                .index = index,
                .created = morning.addSecs(60 * minutes)});
        };
        add(u"a"_s, 1, 0);
        add(u"a"_s, 2, 1);
        add(u"a"_s, 3, 2);
        add(u"b"_s, 4, 3); // the newest, alone on its node
        const QList<Replica> spreadOut = Workloads::toRemove(spread, 2);
        QCOMPARE(spreadOut.size(), 2);
        QCOMPARE(spreadOut.at(0).index, 3); // a holds three: its newest goes
        QCOMPARE(spreadOut.at(1).index, 2); // a still holds the most (two, b one)
        Workload packed = spread;
        packed.policy.placement.spread = Placement::Policy::Spread::Pack;
        const QList<Replica> newest = Workloads::toRemove(packed, 2);
        QCOMPARE(newest.at(0).index, 4);
        QCOMPARE(newest.at(1).index, 3);
        QCOMPARE(Workloads::toRemove(packed, 9).size(), 4);
    }
};

QTEST_GUILESS_MAIN(WorkloadTest)
#include "tst_workload.moc"
