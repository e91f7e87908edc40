// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/cloudinit.h"

#include "provisioning/sshkey.h"
#include "provisioning/yamltree.h"

#include <KLocalizedString>

#include <QHostAddress>
#include <QRegularExpression>
#include <QTimeZone>

#include <crypt.h>

namespace Flotilla::CloudInit
{

namespace
{

bool isHostname(const QString &name)
{
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    const QStringList labels = name.split(QLatin1Char('.'));
    return name.size() <= 253
        && std::ranges::all_of(labels, [](const QString &l) { return label.match(l).hasMatch(); });
}

void checkNetwork(const StaticAddress &network, QList<Problem> &problems)
{
    const auto [address, prefix] = QHostAddress::parseSubnet(network.address);
    if (address.isNull() || !network.address.contains(QLatin1Char('/'))) {
        problems.append({QStringLiteral("address"),
            i18nc("@info", "Give the address with its network prefix, as in 192.0.2.10/24 or 2001:db8::10/64")});
        return;
    }
    if (!network.gateway.isEmpty()) {
        const QHostAddress gateway(network.gateway);
        if (gateway.isNull() || gateway.protocol() != address.protocol()) {
            problems.append({QStringLiteral("gateway"),
                i18nc("@info", "“%1” is not an address of the same kind", network.gateway)});
        } else if (!gateway.isInSubnet(address, prefix)) {
            problems.append({QStringLiteral("gateway"),
                i18nc("@info", "The gateway %1 is outside the network %2", network.gateway, network.address)});
        }
    }
    for (const QString &server : network.nameservers) {
        if (QHostAddress(server).isNull()) {
            problems.append({QStringLiteral("nameservers"), i18nc("@info", "“%1” is not an address", server)});
        }
    }
}

void checkLists(const MachineSetup &setup, QList<Problem> &problems)
{
    for (const QString &key : setup.sshKeys) {
        if (const Result<SshKey::Key> parsed = SshKey::parse(key); !parsed) {
            problems.append({QStringLiteral("sshKeys"), parsed.error().text()});
        }
    }
    static const QRegularExpression package(QStringLiteral("^[a-z0-9][a-z0-9+.-]+$"));
    for (const QString &name : setup.packages) {
        if (!package.match(name).hasMatch()) {
            problems.append({QStringLiteral("packages"), i18nc("@info", "“%1” is not a package name", name)});
        }
    }
    for (const QString &command : setup.commands) {
        if (command.trimmed().isEmpty()) {
            problems.append({QStringLiteral("commands"), i18nc("@info", "A command is empty")});
        }
    }
}

/// The user's own cloud-config as a mapping; an empty text is an empty one.
Result<YamlNode> ownConfig(const QString &text)
{
    const Result<YamlNode> parsed = Yaml::parse(text.toUtf8());
    if (!parsed) {
        return parsed;
    }
    if (parsed.value().kind == YamlNode::Kind::Scalar && parsed.value().value.isEmpty()) {
        return YamlNode::mapping();
    }
    if (parsed.value().kind != YamlNode::Kind::Mapping) {
        return Error{.message = i18nc("@info", "A cloud-config is a mapping of settings, as in “packages: [htop]”")};
    }
    return parsed;
}

/// @p over merged into @p base: lists joined, mappings merged, and else @p over's value.
void mergeInto(YamlNode &base, const YamlNode &over)
{
    for (const auto &[key, value] : over.entries) {
        YamlNode *mine = base.find(key);
        if (mine && mine->kind == YamlNode::Kind::Sequence && value.kind == YamlNode::Kind::Sequence) {
            mine->items += value.items;
        } else if (mine && mine->kind == YamlNode::Kind::Mapping && value.kind == YamlNode::Kind::Mapping) {
            mergeInto(*mine, value);
        } else {
            base.set(key, value);
        }
    }
}

YamlNode texts(const QStringList &values)
{
    YamlNode list = YamlNode::sequence();
    for (const QString &value : values) {
        list.items.append(YamlNode::text(value));
    }
    return list;
}

YamlNode keyLines(const QStringList &keys)
{
    QStringList lines;
    for (const QString &key : keys) {
        lines.append(SshKey::parse(key).value().line);
    }
    return texts(lines);
}

YamlNode userData(const MachineSetup &setup)
{
    YamlNode config = YamlNode::mapping();
    config.set(QStringLiteral("hostname"), YamlNode::text(setup.hostname));
    if (!setup.userName.isEmpty()) {
        YamlNode user = YamlNode::mapping();
        user.set(QStringLiteral("name"), YamlNode::text(setup.userName));
        user.set(QStringLiteral("shell"), YamlNode::text(QStringLiteral("/bin/bash")));
        user.set(QStringLiteral("sudo"), YamlNode::text(QStringLiteral("ALL=(ALL) NOPASSWD:ALL")));
        user.set(QStringLiteral("lock_passwd"),
            YamlNode::plain(setup.passwordHash.isEmpty() ? QStringLiteral("true") : QStringLiteral("false")));
        if (!setup.passwordHash.isEmpty()) {
            user.set(QStringLiteral("hashed_passwd"), YamlNode::text(setup.passwordHash));
        }
        if (!setup.sshKeys.isEmpty()) {
            user.set(QStringLiteral("ssh_authorized_keys"), keyLines(setup.sshKeys));
        }
        config.set(QStringLiteral("users"), YamlNode::sequence({user}));
    } else if (!setup.sshKeys.isEmpty()) {
        config.set(QStringLiteral("ssh_authorized_keys"), keyLines(setup.sshKeys)); // the image's default user
    }
    if (!setup.timezone.isEmpty()) {
        config.set(QStringLiteral("timezone"), YamlNode::text(setup.timezone));
    }
    if (!setup.packages.isEmpty()) {
        config.set(QStringLiteral("package_update"), YamlNode::plain(QStringLiteral("true")));
        config.set(QStringLiteral("packages"), texts(setup.packages));
    }
    if (!setup.commands.isEmpty()) {
        config.set(QStringLiteral("runcmd"), texts(setup.commands));
    }
    return config;
}

YamlNode networkConfig(const MachineSetup &setup, const QString &mac)
{
    YamlNode match = YamlNode::mapping();
    match.set(QStringLiteral("macaddress"), YamlNode::text(mac.toLower()));
    YamlNode interface = YamlNode::mapping();
    interface.set(QStringLiteral("match"), match);
    if (!setup.staticAddress) {
        interface.set(QStringLiteral("dhcp4"), YamlNode::plain(QStringLiteral("true")));
        interface.set(QStringLiteral("dhcp6"), YamlNode::plain(QStringLiteral("true")));
    } else {
        const StaticAddress &network = *setup.staticAddress;
        interface.set(QStringLiteral("addresses"), texts({network.address}));
        if (!network.gateway.isEmpty()) {
            YamlNode route = YamlNode::mapping();
            route.set(QStringLiteral("to"), YamlNode::text(QStringLiteral("default")));
            route.set(QStringLiteral("via"), YamlNode::text(network.gateway));
            interface.set(QStringLiteral("routes"), YamlNode::sequence({route}));
        }
        if (!network.nameservers.isEmpty()) {
            YamlNode servers = YamlNode::mapping();
            servers.set(QStringLiteral("addresses"), texts(network.nameservers));
            interface.set(QStringLiteral("nameservers"), servers);
        }
    }
    YamlNode ethernets = YamlNode::mapping();
    ethernets.set(QStringLiteral("primary"), interface);
    YamlNode root = YamlNode::mapping();
    root.set(QStringLiteral("version"), YamlNode::plain(QStringLiteral("2")));
    root.set(QStringLiteral("ethernets"), ethernets);
    return root;
}

/// check(), with the user's own cloud-config @p own read already: seed() reads it once.
QList<Problem> problemsOf(const MachineSetup &setup, const Result<YamlNode> &own)
{
    QList<Problem> problems;
    if (!isHostname(setup.hostname)) {
        problems.append({QStringLiteral("hostname"),
            i18nc("@info",
                "A host name is letters, digits and hyphens, at most 63 of them between dots, and not starting or "
                "ending with a hyphen")});
    }
    static const QRegularExpression user(QStringLiteral("^[a-z_][a-z0-9_-]{0,31}$"));
    if (!setup.userName.isEmpty() && !user.match(setup.userName).hasMatch()) {
        problems.append({QStringLiteral("userName"),
            i18nc("@info", "A user name is up to 32 lower-case letters, digits, “-” and “_”, starting with a letter")});
    } else if (setup.userName == QLatin1StringView("root")) {
        problems.append(
            {QStringLiteral("userName"), i18nc("@info", "Give a user of your own; root keeps its own settings")});
    }
    if (!setup.passwordHash.isEmpty() && !setup.passwordHash.startsWith(QLatin1Char('$'))) {
        problems.append({QStringLiteral("passwordHash"), i18nc("@info", "The password was not hashed")});
    }
    checkLists(setup, problems);
    if (!setup.timezone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(setup.timezone.toUtf8())) {
        problems.append(
            {QStringLiteral("timezone"), i18nc("@info", "“%1” is no time zone this computer knows", setup.timezone)});
    }
    if (setup.staticAddress) {
        checkNetwork(*setup.staticAddress, problems);
    }
    if (!own) {
        problems.append({QStringLiteral("ownConfig"), own.error().text()});
    }
    return problems;
}

} // namespace

QList<Problem> check(const MachineSetup &setup)
{
    return problemsOf(setup, ownConfig(setup.ownConfig));
}

Result<Seed> seed(const MachineSetup &setup, const QString &instanceId, const QString &mac)
{
    const Result<YamlNode> own = ownConfig(setup.ownConfig);
    if (const QList<Problem> problems = problemsOf(setup, own); !problems.isEmpty()) {
        QStringList messages;
        for (const Problem &problem : problems) {
            messages.append(problem.message);
        }
        return Error{.message = i18nc("@info", "The machine's setup is not complete"),
            .details = messages.join(QLatin1Char('\n'))};
    }
    YamlNode config = userData(setup);
    mergeInto(config, own.value());
    YamlNode meta = YamlNode::mapping();
    meta.set(QStringLiteral("instance-id"), YamlNode::text(instanceId));
    meta.set(QStringLiteral("local-hostname"), YamlNode::text(setup.hostname));
    Seed made{.userData = Yaml::write(config, cloudConfigHeader),
        .metaData = Yaml::write(meta),
        .networkConfig = Yaml::write(networkConfig(setup, mac))};
    if (made.size() > maxSeedBytes) {
        return Error{.message = i18nc("@info", "The machine's setup is too large"),
            .details = i18nc("@info", "A seed holds at most %1 bytes; this one has %2", maxSeedBytes, made.size())};
    }
    return made;
}

Result<QString> hashPassword(const QString &password)
{
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$6$", 0, nullptr, 0, salt, sizeof salt)) { // random bytes from the system
        return Error{.message = i18nc("@info", "Could not make a salt for the password")};
    }
    crypt_data data{};
    const char *hashed = crypt_r(password.toUtf8().constData(), salt, &data);
    if (!hashed || hashed[0] == '*') {
        return Error{.message = i18nc("@info", "Could not hash the password")};
    }
    return QString::fromLatin1(hashed);
}

} // namespace Flotilla::CloudInit
