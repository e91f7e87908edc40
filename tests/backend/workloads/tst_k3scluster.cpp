// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/k3scluster.h"
#include "workloads/workload.h"
#include "workloads/workloadsecrets.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

// A k3s cluster's templates (the servers', the agents'), the token kept out
// of them, and how the cluster's address and kubeconfig are found.
class K3sClusterTest : public QObject
{
    Q_OBJECT

    static K3s::ClusterOrder order(int servers)
    {
        return K3s::ClusterOrder{
            .name = u"kube"_s, .image = u"debian.qcow2"_s, .servers = servers, .tokenName = u"k3s-7"_s};
    }

private Q_SLOTS:
    void oneServerStartsTheClusterAlone()
    {
        const MachineTemplate server = K3s::serverTemplate(order(1));
        QCOMPARE(server.name, u"kube-server"_s);
        QCOMPARE(server.cluster, (ClusterPart{.name = u"kube"_s, .role = u"server"_s, .server = {}}));
        const QString install = server.setup.commands.last();
        QVERIFY2(install.contains(u"K3S_TOKEN={{secret:k3s-7}} sh -s - server --write-kubeconfig-mode 0644"_s),
            qPrintable(install));
        QVERIFY(!install.contains(u"--cluster-init"_s));
        QVERIFY(server.setup.packages.contains(u"qemu-guest-agent"_s));
        // With its address known nothing changes: a single server joins nobody.
        QCOMPARE(K3s::serverTemplate(order(1), u"192.0.2.10"_s), server);
    }

    void moreServersJoinTheFirst()
    {
        const QString alone = K3s::serverTemplate(order(3)).setup.commands.last();
        QVERIFY2(alone.contains(u"--cluster-init"_s) && !alone.contains(u"--server"_s), qPrintable(alone));
        const QString joined = K3s::serverTemplate(order(3), u"192.0.2.10"_s).setup.commands.last();
        QVERIFY2(joined.contains(u"if [ \"$(hostname)\" = \"kube-server-01\" ]; then JOIN=--cluster-init"_s),
            qPrintable(joined));
        QVERIFY2(joined.contains(u"JOIN=\"--server https://192.0.2.10:6443\""_s), qPrintable(joined));
        QCOMPARE(Workloads::replicaName(u"kube-server"_s, 1), u"kube-server-01"_s);
    }

    void agentsJoinTheServerWithTheToken()
    {
        const MachineTemplate agent = K3s::agentTemplate(order(1), u"2001:db8::5"_s);
        QCOMPARE(agent.name, u"kube"_s);
        QCOMPARE(agent.cluster.server, u"2001:db8::5"_s);
        QVERIFY2(agent.setup.commands.last().contains(
                     u"K3S_URL=https://[2001:db8::5]:6443 K3S_TOKEN={{secret:k3s-7}} sh -s - agent"_s),
            qPrintable(agent.setup.commands.last()));
    }

    void theTokenIsFilledInOnlyWhereAsked()
    {
        MachineSetup setup = K3s::agentTemplate(order(1), u"192.0.2.10"_s).setup;
        setup.ownConfig = u"write_files:\n- path: /etc/k\n  content: {{secret:other}}\n"_s;
        QCOMPARE(WorkloadSecrets::namesIn(setup), (QStringList{u"k3s-7"_s, u"other"_s}));
        const QString token = WorkloadSecrets::newToken();
        QCOMPARE(token.size(), 64);
        QVERIFY(token != WorkloadSecrets::newToken());
        const MachineSetup filled = WorkloadSecrets::filledIn(setup, {{u"k3s-7"_s, token}});
        QVERIFY(filled.commands.last().contains(u"K3S_TOKEN="_s + token + u' '));
        QVERIFY(filled.ownConfig.contains(u"{{secret:other}}"_s)); // not given: left as it was
        QCOMPARE(WorkloadSecrets::namesIn(MachineSetup{.commands = {u"{{secret:a b}} {{secret:}}"_s}}), QStringList());
    }

    void theTemplateFileKeepsTheClusterPart()
    {
        const MachineTemplate agent = K3s::agentTemplate(order(1), u"192.0.2.10"_s);
        const Result<MachineTemplate> read = MachineTemplates::fromJson(MachineTemplates::toJson(agent));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().text()));
        QCOMPARE(read.value(), agent);
        // A template of no cluster is written as before, so its hash stays.
        MachineTemplate plain = agent;
        plain.cluster = {};
        QVERIFY(!MachineTemplates::toJson(plain).contains("cluster"));
        QVERIFY(MachineTemplates::hash(plain) != MachineTemplates::hash(agent));
        QByteArray wrongRole = MachineTemplates::toJson(agent);
        wrongRole.replace("\"agent\"", "\"boss\"");
        const Result<MachineTemplate> refused = MachineTemplates::fromJson(wrongRole);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().text().contains(u"“cluster.role”"_s), qPrintable(refused.error().text()));
    }

    void theServersAddress()
    {
        Machine machine;
        machine.interfaces
            = {NetworkInterface{.mac = u"52:54:00:00:00:01"_s, .addresses = {u"fe80::1"_s, u"192.168.122.7"_s}}};
        MachineTemplate server = K3s::serverTemplate(order(1));
        QCOMPARE(K3s::addressOf(machine, server), u"192.168.122.7"_s); // IPv4 first
        machine.interfaces.first().addresses = {u"2001:db8::7"_s};
        QCOMPARE(K3s::addressOf(machine, server), u"2001:db8::7"_s);
        server.setup.staticAddress = StaticAddress{.address = u"198.51.100.4/24"_s};
        QCOMPARE(K3s::addressOf(machine, server), u"198.51.100.4"_s); // the setup's own, before any lease
        QCOMPARE(K3s::addressOf(Machine{}, K3s::serverTemplate(order(1))), QString());
    }

    void theKubeconfigPointsAtTheServer()
    {
        const QByteArray k3s = "clusters:\n- cluster:\n    server: https://127.0.0.1:6443\n  name: default\n";
        QCOMPARE(K3s::kubeconfigFor(k3s, u"192.0.2.10"_s),
            QByteArray("clusters:\n- cluster:\n    server: https://192.0.2.10:6443\n  name: default\n"));
        QCOMPARE(K3s::kubeconfigCommand(u"admin"_s, u"192.0.2.10"_s),
            u"ssh admin@192.0.2.10 cat /etc/rancher/k3s/k3s.yaml | sed 's|https://127.0.0.1:6443|https://192.0.2.10:6443|' > ~/.kube/config"_s);
    }
};

QTEST_GUILESS_MAIN(K3sClusterTest)
#include "tst_k3scluster.moc"
