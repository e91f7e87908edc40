// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/connectionopening.h"

#include "libvirt/credentialaccess.h"

#include <KLocalizedString>

#include <thread>

namespace Flotilla
{

std::shared_ptr<ConnectionOpening> ConnectionOpening::start(
    const QString &uri, std::shared_ptr<CredentialAccess> credentials, QObject *context, Done done)
{
    auto opening = std::make_shared<ConnectionOpening>();
    opening->m_context = context;
    opening->m_done = std::move(done);
    // The thread holds the opening (and the way to the credentials) for as
    // long as libvirt keeps it, which may be longer than the session lives.
    std::thread([opening, uri, credentials = std::move(credentials)]() mutable {
        opening->run(uri, std::move(credentials));
    }).detach();
    return opening;
}

void ConnectionOpening::run(const QString &uri, std::shared_ptr<CredentialAccess> credentials)
{
    Libvirt::Asker asker{.uri = uri, .credentials = std::move(credentials), .wait = &m_wait};
    virConnectAuth authentication = Libvirt::authentication(&asker);
    auto connection
        = std::make_shared<Libvirt::Connection>(virConnectOpenAuth(uri.toUtf8().constData(), &authentication, 0));
    Error error;
    if (!*connection) {
        // libvirt's last error belongs to this thread: read it here.
        error = Libvirt::lastError(i18nc("@info", "Could not connect to %1", uri));
    }
    const QMutexLocker lock(&m_mutex);
    m_ended = true;
    if (m_context) {
        QMetaObject::invokeMethod(
            m_context, [done = m_done, connection, error] { done(connection, error); }, Qt::QueuedConnection);
    }
    // Otherwise the connection closes here, as its last holder goes.
}

bool ConnectionOpening::adopt(QObject *context, Done done)
{
    const QMutexLocker lock(&m_mutex);
    if (m_ended) {
        return false;
    }
    m_context = context;
    m_done = std::move(done);
    return true;
}

void ConnectionOpening::abandon()
{
    const QMutexLocker lock(&m_mutex);
    m_context = nullptr;
}

} // namespace Flotilla
