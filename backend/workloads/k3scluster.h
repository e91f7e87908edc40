// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "model/inventory.h"
#include "workloads/machinetemplate.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/// A Kubernetes cluster of k3s: its servers are one workload
/// ("NAME-server"), its agents another ("NAME"), which scales like any
/// other. Every replica installs k3s with k3s's own installer on its first
/// boot (so the guests need the internet, docs/TEMPLATES.md says so), and
/// joins with the cluster's token, which only the keyring holds
/// (WorkloadSecrets).
namespace Flotilla::K3s
{

inline constexpr int apiPort = 6443;
/// Where k3s keeps the cluster's kubeconfig on a server.
inline constexpr auto kubeconfigPath = "/etc/rancher/k3s/k3s.yaml";

struct Size {
    int vcpus = 2;
    int memoryMiB = 2048;
    int rootGiB = 20;

    bool operator==(const Size &) const = default;
};

/// What the cluster wizard asks for.
struct ClusterOrder {
    QString name = QStringLiteral("k3s");
    QString image;
    int servers = 1; ///< 1, or 3 or more for high availability (embedded etcd)
    int agents = 2;
    Size serverSize{.vcpus = 2, .memoryMiB = 2048, .rootGiB = 20};
    Size agentSize{.vcpus = 2, .memoryMiB = 2048, .rootGiB = 20};
    QString userName = QStringLiteral("admin"); ///< who gets the SSH keys
    QStringList sshKeys;
    QString tokenName; ///< the keyring's name of the cluster's token

    bool operator==(const ClusterOrder &) const = default;
};

/// The servers' workload's name: "NAME-server".
[[nodiscard]] QString serverWorkloadName(const QString &cluster);

/// The servers' template. Without @p firstServer (the first server's
/// address, not yet known) it makes only the first server, which starts
/// the cluster; with it, the others join that one.
[[nodiscard]] MachineTemplate serverTemplate(const ClusterOrder &order, const QString &firstServer = {});
/// The agents' template: they join the server at @p firstServer.
[[nodiscard]] MachineTemplate agentTemplate(const ClusterOrder &order, const QString &firstServer);

/// Where @p machine, made from @p made, is reached: the setup's static
/// address, else its first IPv4 address from the node's leases, else its
/// first address; empty while it has none.
[[nodiscard]] QString addressOf(const Machine &machine, const MachineTemplate &made);
/// https://ADDRESS:6443, with an IPv6 address in brackets.
[[nodiscard]] QString serverUrl(const QString &address);

/// k3s's kubeconfig @p k3sYaml, pointed at @p address instead of the
/// server's own loopback.
[[nodiscard]] QByteArray kubeconfigFor(QByteArray k3sYaml, const QString &address);
/// The command that fetches the kubeconfig over SSH, for a guest without
/// the guest agent: "ssh admin@ADDRESS cat … | sed … > ~/.kube/config".
[[nodiscard]] QString kubeconfigCommand(const QString &userName, const QString &address);

} // namespace Flotilla::K3s
