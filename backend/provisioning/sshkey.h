// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QString>

/// An OpenSSH public key as a line of authorized_keys or a .pub file has it:
/// "ssh-ed25519 AAAAC3Nz… alice@laptop". Checked before it goes into a seed:
/// a key that is cut, pasted twice or private would lock the user out of a
/// machine that otherwise boots fine.
namespace Flotilla::SshKey
{

struct Key {
    QString type; ///< "ssh-ed25519"
    QString comment; ///< "alice@laptop", or empty
    QString line; ///< type, key and comment, as they go into the seed
};

/// The key on @p line, or why it is none: an unknown type, a key that is
/// not base64, a key whose own type differs from the one named (a cut or
/// mixed-up paste), or a private key.
[[nodiscard]] Result<Key> parse(const QString &line);

} // namespace Flotilla::SshKey
