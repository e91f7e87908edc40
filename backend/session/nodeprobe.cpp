// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/nodeprobe.h"

#include "libvirt/credentialaccess.h"
#include "libvirt/libvirtauth.h"
#include "libvirt/libvirthandles.h"
#include "session/inventoryreader.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QPointer>

#include <thread>

namespace Flotilla
{

Result<ProbeFindings> probeNode(const QString &uri, std::shared_ptr<CredentialAccess> credentials)
{
    Libvirt::Asker asker{.uri = uri, .credentials = std::move(credentials)};
    virConnectAuth authentication = Libvirt::authentication(&asker);
    const Libvirt::Connection connection(virConnectOpenAuth(uri.toUtf8().constData(), &authentication, 0));
    if (!connection) {
        return Libvirt::lastError(i18nc("@info", "Could not connect to %1", uri));
    }
    Result<NodeFacts> facts = InventoryReader::readFacts(connection.get());
    if (!facts) {
        return facts.error();
    }
    NodeFacts found = facts.value();
    found.hostname = InventoryReader::readHostname(connection.get());
    const int running = virConnectNumOfDomains(connection.get());
    const int defined = virConnectNumOfDefinedDomains(connection.get());
    if (running < 0 || defined < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not count the machines of %1", uri));
    }
    return ProbeFindings{.facts = found, .machines = running + defined};
}

NodeProbe::NodeProbe(CredentialBroker *credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials ? credentials->access() : nullptr)
{
    m_timeLimit.setSingleShot(true);
    connect(&m_timeLimit, &QTimer::timeout, this, [this] {
        const auto seconds = qRound(m_timeLimit.interval() / 1000.0);
        finish(m_attempt,
            Error{.message = i18nc("@info", "%1 did not answer", m_uri),
                .details = i18ncp("@info",
                    "no answer within %1 second; the node may be down, or a firewall may drop the connection",
                    "no answer within %1 seconds; the node may be down, or a firewall may drop the connection",
                    seconds)});
    });
}

void NodeProbe::setCredentials(CredentialBroker *credentials)
{
    m_credentials = credentials ? credentials->access() : nullptr;
}

void NodeProbe::start(const QString &uri, std::chrono::milliseconds timeLimit)
{
    cancel();
    const quint64 attempt = m_attempt;
    m_uri = uri;
    m_running = true;
    m_timeLimit.start(timeLimit);
    // The thread may outlive this object (a node that hangs): it reports
    // through a weak pointer, on the UI thread, and only if still wanted.
    QPointer<NodeProbe> self(this);
    std::thread([self, attempt, uri, credentials = m_credentials] {
        Result<ProbeFindings> result = probeNode(uri, credentials);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, attempt, result] {
            if (self) {
                self->finish(attempt, result);
            }
        });
    }).detach();
}

void NodeProbe::cancel()
{
    ++m_attempt;
    m_running = false;
    m_timeLimit.stop();
}

void NodeProbe::finish(quint64 attempt, const Result<ProbeFindings> &result)
{
    if (attempt != m_attempt || !m_running) {
        return;
    }
    m_running = false;
    m_timeLimit.stop();
    Q_EMIT finished(result);
}

} // namespace Flotilla
