// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QString>

#include <libvirt/libvirt.h>

#include <atomic>
#include <memory>

namespace Flotilla
{
class CredentialAccess;
}

namespace Flotilla::Libvirt
{

/// Whether an opening waits for the person: a time limit on opening must not
/// run out while someone types a password.
struct PersonWait {
    std::atomic<bool> asking = false;
    std::atomic<qint64> answeredAtMs = 0; ///< QDateTime::currentMSecsSinceEpoch() of the last answer
};

/// Where libvirt's questions go while a connection to @p uri opens: to the
/// person, through @p credentials (none: libvirt gets no answers).
struct Asker {
    QString uri;
    std::shared_ptr<CredentialAccess> credentials;
    PersonWait *wait = nullptr; ///< told while the person is asked; may be null
};

/// The virConnectAuth for virConnectOpenAuth that asks through @p asker,
/// which must outlive the call. Its callback runs on the opening thread and
/// waits there for the person's answer; no other thread waits with it.
[[nodiscard]] virConnectAuth authentication(Asker *asker);

} // namespace Flotilla::Libvirt
