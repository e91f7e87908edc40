// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/libvirthandles.h"

#include "libvirt/errorlog.h"
#include "libvirt/eventloop.h"

#include <KLocalizedString>

#include <QUuid>

#include <libvirt/virterror.h>

namespace Flotilla::Libvirt
{

void initialize()
{
    // libvirt's errors are put into words on session and helper threads.
    // ki18n sets up its process-wide state, a QObject child of the
    // application among it, on first use: that must happen here, on the
    // application's thread, or the object lives on a worker thread.
    KLocalizedString::languages();
    ErrorLog::prepare();
    virInitialize();
    ErrorLog::install();
    EventLoop::start();
}

QByteArray takeText(char *text)
{
    QByteArray bytes(text);
    free(text); // NOLINT(cppcoreguidelines-no-malloc): libvirt hands over malloc'd strings
    return bytes;
}

Error lastError(const QString &action)
{
    Error error{.message = action};
    if (const virError *last = virGetLastError()) {
        error.details = QString::fromUtf8(last->message ? last->message : "");
        error.code = last->code;
        error.domain = last->domain;
    }
    virResetLastError();
    return error;
}

QString uuidOf(virDomainPtr domain)
{
    unsigned char raw[VIR_UUID_BUFLEN];
    if (virDomainGetUUID(domain, raw) < 0) {
        virResetLastError();
        return {};
    }
    return QUuid::fromRfc4122(QByteArrayView(raw, VIR_UUID_BUFLEN)).toString(QUuid::WithoutBraces);
}

QString versionText(unsigned long packed)
{
    return QStringLiteral("%1.%2.%3").arg(packed / 1000000).arg(packed / 1000 % 1000).arg(packed % 1000);
}

} // namespace Flotilla::Libvirt
