// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// A clone's seed, made from its parent's: what makes cloud-init take the
// clone for a new machine, changed; the rest as the parent's.
#include "provisioning/cloudinit.h"

#include "provisioning/yamltree.h"

#include <KLocalizedString>

namespace Flotilla::CloudInit
{

namespace
{

/// Replaces every MAC address value in @p node that @p macs maps; whether any was.
bool replaceMacs(YamlNode &node, const QHash<QString, QString> &macs)
{
    bool changed = false;
    for (YamlNode &item : node.items) {
        changed = replaceMacs(item, macs) || changed;
    }
    for (auto &[key, value] : node.entries) {
        const bool isMac = key == QLatin1StringView("macaddress") || key == QLatin1StringView("mac_address");
        if (isMac && value.kind == YamlNode::Kind::Scalar && macs.contains(value.value.toLower())) {
            value.value = macs.value(value.value.toLower());
            changed = true;
        } else {
            changed = replaceMacs(value, macs) || changed;
        }
    }
    return changed;
}

Result<YamlNode> parsed(const QByteArray &document, const char *name)
{
    Result<YamlNode> tree = Yaml::parse(document);
    if (!tree) {
        return Error{.message
            = i18nc("@info %1 is a file of the seed", "The parent's seed has a broken %1", QString::fromLatin1(name)),
            .details = tree.error().text()};
    }
    return tree;
}

/// The parent's user-data with the clone's host name, where it sets one.
Result<QByteArray> userData(const QByteArray &parent, const QString &hostname)
{
    if (!parent.startsWith(cloudConfigHeader)) {
        return parent; // a script, or empty: nothing in it is the machine's name
    }
    const Result<YamlNode> parsedConfig = parsed(parent, "user-data");
    if (!parsedConfig) {
        return parsedConfig.error();
    }
    YamlNode config = parsedConfig.value();
    bool changed = false;
    if (YamlNode *name = config.find(QStringLiteral("hostname"))) {
        name->value = hostname;
        changed = true;
    }
    if (YamlNode *fqdn = config.find(QStringLiteral("fqdn")); fqdn && fqdn->value.contains(QLatin1Char('.'))) {
        fqdn->value = hostname + QLatin1Char('.') + fqdn->value.section(QLatin1Char('.'), 1);
        changed = true;
    }
    return changed ? Yaml::write(config, cloudConfigHeader) : parent;
}

} // namespace

Result<Seed> forClone(
    const Seed &parent, const QString &hostname, const QString &instanceId, const QHash<QString, QString> &macs)
{
    const Result<YamlNode> parsedMeta = parsed(parent.metaData, "meta-data");
    if (!parsedMeta) {
        return parsedMeta.error();
    }
    // Empty meta-data (cloud-init's defaults) is a null: the clone's two entries overrule it.
    YamlNode meta = parsedMeta.value().kind == YamlNode::Kind::Mapping ? parsedMeta.value() : YamlNode::mapping();
    meta.set(QStringLiteral("instance-id"), YamlNode::text(instanceId));
    meta.set(QStringLiteral("local-hostname"), YamlNode::text(hostname));
    const Result<QByteArray> user = userData(parent.userData, hostname);
    if (!user) {
        return user.error();
    }
    Seed clone{.userData = user.value(), .metaData = Yaml::write(meta), .networkConfig = parent.networkConfig};
    if (!parent.networkConfig.isEmpty()) {
        const Result<YamlNode> parsedNetwork = parsed(parent.networkConfig, "network-config");
        if (!parsedNetwork) {
            return parsedNetwork.error();
        }
        YamlNode network = parsedNetwork.value();
        if (replaceMacs(network, macs)) {
            clone.networkConfig = Yaml::write(network);
        }
    }
    if (clone.size() > maxSeedBytes) {
        return Error{.message = i18nc("@info", "The clone's setup is too large")};
    }
    return clone;
}

} // namespace Flotilla::CloudInit
