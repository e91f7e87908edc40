// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <deque>
#include <functional>
#include <optional>

namespace Flotilla
{

/// Answers to libvirt's questions, kept in the desktop keyring (QtKeychain,
/// service "flotilla"), one entry per node: key "node:URI", a JSON object
/// of answer lists by the kinds of the questions asked together ("us": a
/// user name, then a secret). Forgetting a node is one deletion that takes
/// every answer kept for it.
///
/// Keyring jobs run one at a time, in the order asked: a forget is never
/// overtaken by an older keep, a find after a forget finds nothing, and a
/// keep (read, change, write back) never loses another keep's answers.
/// Lives on the UI thread.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    using Found = std::function<void(std::optional<QStringList>)>;

    explicit CredentialStore(QObject *parent = nullptr);

    /// Calls @p found with the answers kept for @p kinds at @p uri, or with nothing.
    void find(const QString &uri, const QString &kinds, Found found);
    /// Keeps @p answers for @p kinds at @p uri, beside the other kinds kept there.
    void keep(const QString &uri, const QString &kinds, const QStringList &answers);
    /// Forgets every answer kept for @p uri.
    void forget(const QString &uri);

Q_SIGNALS:
    /// The keyring failed to keep or forget something.
    void problem(const QString &message);

private:
    using Step = std::function<void()>; ///< starts one job; its end calls next()

    void enqueue(Step step);
    void next();
    /// Reads @p uri's entry, then calls @p then with it (empty when there is none or it cannot be read).
    void read(const QString &uri, const std::function<void(const QJsonObject &)> &then);

    std::deque<Step> m_steps;
    bool m_busy = false;
};

} // namespace Flotilla
