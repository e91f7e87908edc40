// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/errorlog.h"

#include "core/logging.h"

#include <libvirt/virterror.h>

namespace Flotilla::Libvirt::ErrorLog
{

namespace
{

/// Runs on whichever thread made the failing call (a session's, mostly).
void toLog(void *, virErrorPtr error)
{
    if (!error) {
        return;
    }
    qCDebug(FLOTILLA_LIBVIRT).noquote()
        << QStringLiteral("libvirt error (domain %1, code %2):").arg(error->domain).arg(error->code)
        << QString::fromUtf8(error->message ? error->message : "");
}

} // namespace

void prepare()
{
    // Without any of these, libvirt prints warnings to stderr and, with an
    // output set, every error it raises. Its threshold at "error" and no
    // output: nothing is printed, and the errors come through toLog().
    if (qEnvironmentVariableIsEmpty("LIBVIRT_DEBUG") && qEnvironmentVariableIsEmpty("LIBVIRT_LOG_OUTPUTS")
        && qEnvironmentVariableIsEmpty("LIBVIRT_LOG_FILTERS")) {
        qputenv("LIBVIRT_DEBUG", "error");
    }
}

void install()
{
    virSetErrorFunc(nullptr, toLog);
}

} // namespace Flotilla::Libvirt::ErrorLog
