// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/k3scluster.h"

#include "workloads/workload.h"
#include "workloads/workloadsecrets.h"

#include <QHostAddress>

namespace Flotilla::K3s
{
namespace
{
/// k3s's own installer; Debian has no k3s package.
const QString installer = QStringLiteral("https://get.k3s.io");

MachineTemplate common(const ClusterOrder &order, const QString &name, const Size &size)
{
    MachineTemplate made{.name = name,
        .image = order.image,
        .vcpus = size.vcpus,
        .maxVcpus = size.vcpus,
        .memoryMiB = size.memoryMiB,
        .maxMemoryMiB = size.memoryMiB,
        .rootGiB = size.rootGiB,
        .linkedClone = true};
    made.setup.userName = order.userName;
    made.setup.sshKeys = order.sshKeys;
    made.setup.packages = {QStringLiteral("curl"), QStringLiteral("qemu-guest-agent")};
    made.setup.commands = {QStringLiteral("systemctl enable --now qemu-guest-agent")};
    return made;
}

/// The installer run with @p variables (NAME=value …) and k3s's @p arguments.
QString install(const QString &variables, const QString &arguments)
{
    return QStringLiteral("curl -sfL %1 | %2 sh -s - %3").arg(installer, variables, arguments).trimmed();
}
} // namespace

QString serverWorkloadName(const QString &cluster)
{
    return cluster + QStringLiteral("-server");
}

MachineTemplate serverTemplate(const ClusterOrder &order, const QString &firstServer)
{
    MachineTemplate made = common(order, serverWorkloadName(order.name), order.serverSize);
    made.cluster = {.name = order.name, .role = QStringLiteral("server"), .server = {}};
    const QString token = QStringLiteral("K3S_TOKEN=") + WorkloadSecrets::placeholder(order.tokenName);
    // The kubeconfig is readable by the person's user, who fetches it over SSH.
    const QString server = QStringLiteral("server --write-kubeconfig-mode 0644");
    if (order.servers <= 1) {
        made.setup.commands.append(QStringLiteral("sh -c '%1'").arg(install(token, server)));
    } else if (firstServer.isEmpty()) {
        made.setup.commands.append(
            QStringLiteral("sh -c '%1'").arg(install(token, server + QStringLiteral(" --cluster-init"))));
    } else {
        // One template for every server: the first starts the cluster's etcd, the others join it.
        made.setup.commands.append(QStringLiteral("sh -c 'if [ \"$(hostname)\" = \"%1\" ]; then JOIN=--cluster-init; "
                                                  "else JOIN=\"--server %2\"; fi; %3'")
                .arg(Workloads::replicaName(made.name, 1), serverUrl(firstServer),
                    install(token, server + QStringLiteral(" $JOIN"))));
    }
    return made;
}

MachineTemplate agentTemplate(const ClusterOrder &order, const QString &firstServer)
{
    MachineTemplate made = common(order, order.name, order.agentSize);
    made.cluster = {.name = order.name, .role = QStringLiteral("agent"), .server = firstServer};
    made.setup.commands.append(QStringLiteral("sh -c '%1'")
            .arg(install(QStringLiteral("K3S_URL=%1 K3S_TOKEN=%2")
                             .arg(serverUrl(firstServer), WorkloadSecrets::placeholder(order.tokenName)),
                QStringLiteral("agent"))));
    return made;
}

QString addressOf(const Machine &machine, const MachineTemplate &made)
{
    if (made.setup.staticAddress) {
        return made.setup.staticAddress->address.section(QLatin1Char('/'), 0, 0);
    }
    QString any;
    for (const NetworkInterface &interface : machine.interfaces) {
        for (const QString &address : interface.addresses) {
            if (QHostAddress(address).protocol() == QAbstractSocket::IPv4Protocol) {
                return address;
            }
            any = any.isEmpty() ? address : any;
        }
    }
    return any;
}

QString serverUrl(const QString &address)
{
    const bool v6 = address.contains(QLatin1Char(':'));
    return QStringLiteral("https://%1%2%3:%4")
        .arg(v6 ? QStringLiteral("[") : QString(), address, v6 ? QStringLiteral("]") : QString())
        .arg(apiPort);
}

QByteArray kubeconfigFor(QByteArray k3sYaml, const QString &address)
{
    return k3sYaml.replace(QByteArrayLiteral("https://127.0.0.1:6443"), serverUrl(address).toUtf8());
}

QString kubeconfigCommand(const QString &userName, const QString &address)
{
    return QStringLiteral("ssh %1@%2 cat %3 | sed 's|https://127.0.0.1:6443|%4|' > ~/.kube/config")
        .arg(userName.isEmpty() ? QStringLiteral("debian") : userName, address, QLatin1StringView(kubeconfigPath),
            serverUrl(address));
}

} // namespace Flotilla::K3s
