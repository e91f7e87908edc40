// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QString>

#include <libvirt/libvirt.h>

namespace Flotilla
{
class CredentialBroker;
}

namespace Flotilla::Libvirt
{

/// Where libvirt's questions go while a connection to @p uri opens: to the
/// person, through @p credentials (none: libvirt gets no answers).
struct Asker {
    QString uri;
    CredentialBroker *credentials = nullptr;
};

/// The virConnectAuth for virConnectOpenAuth that asks through @p asker,
/// which must outlive the call. Its callback runs on the opening thread and
/// waits there for the person's answer; no other thread waits with it.
[[nodiscard]] virConnectAuth authentication(Asker *asker);

} // namespace Flotilla::Libvirt
