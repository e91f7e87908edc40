// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "shell/credentialquestions.h"

#include "fleet/fleet.h"
#include "fleet/fleetview.h"

namespace Flotilla
{

void CredentialQuestions::setFleet(FleetView *view)
{
    if (view == m_view) {
        return;
    }
    disconnect(m_requests);
    m_view = view;
    if (m_view) {
        m_requests = connect(m_view->fleet()->credentials(), &CredentialBroker::requested, this,
            [this](const CredentialRequest &request) {
                QVariantList prompts;
                for (const CredentialPrompt &prompt : request.prompts) {
                    prompts.append(QVariantMap{{QStringLiteral("text"), prompt.text},
                        {QStringLiteral("secret"), prompt.secret}, {QStringLiteral("userName"), prompt.isUserName},
                        {QStringLiteral("suggestion"), prompt.suggestion}});
                }
                Q_EMIT asked(request.id, request.uri, prompts);
            });
    }
    Q_EMIT fleetChanged();
}

void CredentialQuestions::answer(quint64 requestId, const QStringList &answers, bool remember)
{
    if (m_view) {
        m_view->fleet()->credentials()->answer(requestId, answers, remember);
    }
}

void CredentialQuestions::decline(quint64 requestId)
{
    if (m_view) {
        m_view->fleet()->credentials()->decline(requestId);
    }
}

} // namespace Flotilla
