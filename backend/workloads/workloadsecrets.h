// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "provisioning/cloudinit.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace Flotilla
{

/// Secrets a template's setup needs (a k3s cluster's token) without holding
/// them: the setup says {{secret:NAME}} where the secret goes, the replicas'
/// metadata carries only that, and the secret itself is kept in the desktop
/// keyring (QtKeychain, service "flotilla", key "secret:NAME"). It is filled
/// in only when a replica's seed is made.
namespace WorkloadSecrets
{
/// "{{secret:NAME}}"
[[nodiscard]] QString placeholder(const QString &name);
/// The names of the secrets @p setup's commands and own cloud-config ask for, each once.
[[nodiscard]] QStringList namesIn(const MachineSetup &setup);
/// @p setup with each placeholder replaced by its secret in @p secrets.
[[nodiscard]] MachineSetup filledIn(MachineSetup setup, const QHash<QString, QString> &secrets);
/// A new random secret: 32 bytes from the system's generator, as 64 hex digits.
[[nodiscard]] QString newToken();
} // namespace WorkloadSecrets

/// Finds and keeps the secrets of WorkloadSecrets in the keyring; one job
/// at a time, in the order asked. Lives on the UI thread.
class SecretKeeper : public QObject
{
    Q_OBJECT

public:
    using Found = std::function<void(const Result<QHash<QString, QString>> &)>;
    using Kept = std::function<void(const Result<bool> &)>;

    explicit SecretKeeper(QObject *parent = nullptr);

    /// Calls @p found with every secret of @p names, or with what is missing.
    void find(const QStringList &names, Found found);
    /// Keeps @p value as the secret @p name.
    void keep(const QString &name, const QString &value, Kept kept);
    /// Forgets the secret @p name.
    void forget(const QString &name);

private:
    void findFrom(QStringList names, QHash<QString, QString> found, Found then);
};

} // namespace Flotilla
