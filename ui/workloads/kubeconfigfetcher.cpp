// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "kubeconfigfetcher.h"

#include "fleet/fleet.h"
#include "workloads/k3scluster.h"

#include <KLocalizedString>

#include <QClipboard>
#include <QGuiApplication>

namespace Flotilla
{

KubeconfigFetcher::KubeconfigFetcher(QObject *parent)
    : QObject(parent)
{
}

void KubeconfigFetcher::tell(const QString &message, bool failed, const QString &command)
{
    m_request = 0;
    m_message = message;
    m_failed = failed;
    m_command = command;
    Q_EMIT changed();
}

void KubeconfigFetcher::fetch(const QString &workloadId)
{
    if (!m_workloads || !m_workloads->view() || isBusy()) {
        return;
    }
    const QList<Workload> &all = m_workloads->workloads();
    const auto asked = std::ranges::find_if(all, [&](const Workload &each) { return each.id == workloadId; });
    const QString cluster = asked == all.end() ? QString() : asked->machineTemplate.cluster.name;
    const auto servers = std::ranges::find_if(all, [&](const Workload &each) {
        return !cluster.isEmpty() && each.machineTemplate.cluster.name == cluster
            && each.machineTemplate.cluster.role == QLatin1StringView("server") && !each.replicas.isEmpty();
    });
    if (servers == all.end()) {
        tell(i18nc("@info", "The cluster has no server."), true);
        return;
    }
    const Replica &first = *std::ranges::min_element(
        servers->replicas, [](const Replica &a, const Replica &b) { return a.index < b.index; });
    Fleet *fleet = m_workloads->view()->fleet();
    const qsizetype node = fleet->indexOf(first.nodeId);
    const Machine *machine = nullptr;
    if (node >= 0) {
        const QHash<QString, Machine> &machines = fleet->nodes().at(node).machines.machines();
        const auto found = machines.constFind(first.uuid);
        machine = found == machines.cend() ? nullptr : &found.value();
    }
    m_address = machine ? K3s::addressOf(*machine, servers->machineTemplate) : QString();
    m_userName = servers->machineTemplate.setup.userName;
    if (m_address.isEmpty()) {
        tell(i18nc("@info", "%1 has no address yet: is it running?", first.name), true);
        return;
    }
    connect(fleet, &Fleet::requestFinished, this, &KubeconfigFetcher::onFinished, Qt::UniqueConnection);
    m_request = fleet->request(first.nodeId,
        MachineRequest{.kind = MachineRequest::Kind::ReadGuestFile,
            .uuid = first.uuid,
            .path = QString::fromLatin1(K3s::kubeconfigPath)});
    Q_EMIT changed(); // busy: the action waits; a message comes with the answer
}

void KubeconfigFetcher::onFinished(const QString &, const MachineRequestResult &result)
{
    if (result.requestId != m_request || m_request == 0) {
        return;
    }
    if (result.error.isEmpty() && !result.data.isEmpty()) {
        QGuiApplication::clipboard()->setText(QString::fromUtf8(K3s::kubeconfigFor(result.data, m_address)));
        tell(i18nc("@info", "The kubeconfig is on the clipboard: save it as ~/.kube/config."), false);
        return;
    }
    const QString command = K3s::kubeconfigCommand(m_userName, m_address);
    QGuiApplication::clipboard()->setText(command);
    tell(i18nc("@info",
             "The guest agent could not give it (%1). This command fetches it over SSH, and is on the clipboard:",
             result.error.isEmpty() ? i18nc("@info", "an empty file: is k3s up yet?") : result.error.text()),
        true, command);
}

} // namespace Flotilla
