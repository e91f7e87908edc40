// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

namespace Flotilla::Testing
{

/// Makes, with openssl, in @p folder what a libvirt daemon and its client
/// need for TLS on 127.0.0.1, under the names libvirt looks for in a
/// client's `pkipath`: a CA of its own (cacert.pem), the server's
/// certificate for the address 127.0.0.1 (servercert.pem, serverkey.pem)
/// and a client's (clientcert.pem, clientkey.pem), valid for two days.
[[nodiscard]] Result<bool> makeTlsCertificates(const QString &folder);

} // namespace Flotilla::Testing
