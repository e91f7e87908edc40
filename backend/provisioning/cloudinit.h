// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla
{

/// A fixed address instead of DHCP.
struct StaticAddress {
    QString address; ///< with its prefix: "192.0.2.10/24", "2001:db8::10/64"
    QString gateway; ///< in the address's network; empty for none
    QStringList nameservers;

    bool operator==(const StaticAddress &) const = default;
};

/// How a new machine sets itself up on its first boot: what the wizard's
/// setup step collects. It holds no secret: a password is hashed
/// (CloudInit::hashPassword) as soon as it is typed, and only the hash is
/// kept, to go into the seed.
struct MachineSetup {
    QString hostname;
    QString userName; ///< empty: the image's own default user gets the keys
    QString passwordHash; ///< crypt(3) form; empty: the user has no password (keys only)
    QStringList sshKeys; ///< one public key per entry, as in a .pub file
    QStringList packages;
    QStringList commands; ///< run once, in order, on the first boot
    QString timezone; ///< "Europe/Helsinki"; empty: the image's own
    std::optional<StaticAddress> staticAddress; ///< none: DHCP
    QString ownConfig; ///< the user's own cloud-config ("Advanced"), merged over the above

    bool operator==(const MachineSetup &) const = default;
};

/// The NoCloud seed of a machine (cloud-init's documents), from its setup.
/// Written with libyaml through YamlTree; the tests check every document
/// with cloud-init's own `cloud-init schema`.
namespace CloudInit
{

/// One field of the setup that is wrong, named as MachineSetup names it
/// ("hostname", "sshKeys", "ownConfig", …), with what is wrong.
struct Problem {
    QString field;
    QString message;

    bool operator==(const Problem &) const = default;
};

/// The first line of a user-data that is a cloud-config.
inline constexpr QByteArrayView cloudConfigHeader = "#cloud-config";

struct Seed {
    QByteArray userData; ///< "#cloud-config": the setup, merged with the user's own
    QByteArray metaData; ///< the instance id and the host name
    QByteArray networkConfig; ///< version 2, the machine's interface by its MAC address

    [[nodiscard]] qsizetype size() const { return userData.size() + metaData.size() + networkConfig.size(); }
};

/// The largest seed made: a NoCloud seed is a small CD-ROM; Proxmox draws
/// its line at 3 MiB.
inline constexpr qsizetype maxSeedBytes = 2 * 1024 * 1024;

/// What is wrong with @p setup, field by field; empty if nothing.
[[nodiscard]] QList<Problem> check(const MachineSetup &setup);

/// The seed of a machine with @p setup, whose first interface has @p mac;
/// @p instanceId tells cloud-init a new machine from a rebooted one (a
/// clone gets a new one). Fails with the problems of check(), joined.
/// The user's own cloud-config is merged over Flotilla's: where both set a
/// list (packages, runcmd, users, …) the user's items follow Flotilla's;
/// where both set a mapping, the two are merged the same way; otherwise
/// the user's value wins.
[[nodiscard]] Result<Seed> seed(const MachineSetup &setup, const QString &instanceId, const QString &mac);

/// A clone's seed from its parent's, so that cloud-init takes the clone for
/// a new machine: @p instanceId in place of the parent's; @p hostname in
/// meta-data's local-hostname and in user-data's hostname (and the first
/// label of its fqdn) where the parent's sets them; and in network-config,
/// each MAC address that @p macs maps (the parent's to the clone's, lower
/// case) replaced. The rest is the parent's, and a user-data that is no
/// cloud-config (a script, say) is kept byte for byte.
[[nodiscard]] Result<Seed> forClone(
    const Seed &parent, const QString &hostname, const QString &instanceId, const QHash<QString, QString> &macs);

/// @p password hashed for /etc/shadow (SHA-512 crypt, a random salt): what
/// goes into the seed instead of the password.
[[nodiscard]] Result<QString> hashPassword(const QString &password);

} // namespace CloudInit

} // namespace Flotilla
