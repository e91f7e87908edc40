// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>

/// A connection URI made from the fields a person fills in, and back.
namespace Flotilla::NodeUri
{

/// How Flotilla reaches a node.
enum class Transport {
    ThisComputer, ///< qemu:///system or qemu:///session
    Ssh,
    Tls,
    Tcp,
    Raw, ///< a URI typed whole
};

/// What the person typed. Unused fields of a transport are ignored.
struct Fields {
    Transport transport = Transport::ThisComputer;
    QString host;
    QString user;
    QString port; ///< as typed; empty for libvirt's default
    QString keyFile; ///< SSH only: a private key file
    QString path = QStringLiteral("system"); ///< "system" or "session"
    QString raw; ///< the whole URI, for Transport::Raw

    bool operator==(const Fields &) const = default;
};

/// The URI, and a message per field that is wrong ("host", "user", "port",
/// "keyFile", "path", "raw"). The URI is shown even while fields are wrong.
struct Built {
    QString uri;
    QHash<QString, QString> problems;
    /// The URI turns off the check of the node's identity (Parts::skipsVerification).
    bool skipsVerification = false;

    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
};

[[nodiscard]] Built build(const Fields &fields);

/// The fields that build @p uri again; a URI the form cannot show field by
/// field comes back as Transport::Raw.
[[nodiscard]] Fields fieldsFrom(const QString &uri);

} // namespace Flotilla::NodeUri
