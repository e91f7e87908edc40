// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQmlIntegration>

namespace Flotilla
{

/// The questions nodes ask to sign in (user name, password, passphrase),
/// for the dialog that asks the person: each comes as asked(), and gets
/// answer() or decline().
class CredentialQuestions : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    /// The fleet whose nodes ask: the FleetView singleton.
    Q_PROPERTY(Flotilla::FleetView *fleet READ fleet WRITE setFleet NOTIFY fleetChanged REQUIRED)

public:
    using QObject::QObject;

    [[nodiscard]] FleetView *fleet() const { return m_view; }
    void setFleet(FleetView *view);

    /// The person's answers to asked(@p requestId); @p remember keeps them in the keyring.
    Q_INVOKABLE void answer(quint64 requestId, const QStringList &answers, bool remember);
    Q_INVOKABLE void decline(quint64 requestId);

Q_SIGNALS:
    void fleetChanged();
    /// A node asks; @p prompts holds maps with "text", "secret", "userName"
    /// and "suggestion".
    void asked(quint64 requestId, const QString &uri, const QVariantList &prompts);

private:
    QPointer<FleetView> m_view;
    QMetaObject::Connection m_requests;
};

} // namespace Flotilla
