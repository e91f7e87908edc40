// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/libvirtauth.h"

#include "libvirt/credentialaccess.h"

#include <QDateTime>

#include <cstring>

namespace Flotilla::Libvirt
{
namespace
{
int credentialTypes[] = {VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE, VIR_CRED_ECHOPROMPT, VIR_CRED_NOECHOPROMPT};

int ask(virConnectCredentialPtr credentials, unsigned int count, void *data)
{
    const auto *asker = static_cast<const Asker *>(data);
    if (!asker->credentials) {
        return -1;
    }
    QList<CredentialPrompt> prompts;
    for (unsigned int i = 0; i < count; ++i) {
        const int type = credentials[i].type;
        prompts.append(CredentialPrompt{.text = QString::fromUtf8(credentials[i].prompt),
            .secret = type == VIR_CRED_PASSPHRASE || type == VIR_CRED_NOECHOPROMPT,
            .isUserName = type == VIR_CRED_AUTHNAME,
            .suggestion = QString::fromUtf8(credentials[i].defresult)});
    }
    if (asker->wait) {
        asker->wait->asking = true;
    }
    const std::optional<QStringList> answers = asker->credentials->ask(asker->uri, prompts);
    if (asker->wait) {
        asker->wait->answeredAtMs = QDateTime::currentMSecsSinceEpoch();
        asker->wait->asking = false;
    }
    if (!answers || answers->size() != qsizetype(count)) {
        return -1;
    }
    for (unsigned int i = 0; i < count; ++i) {
        const QByteArray text = answers->at(i).toUtf8();
        credentials[i].result = strdup(text.constData()); // libvirt frees it
        credentials[i].resultlen = unsigned(text.size());
    }
    return 0;
}
} // namespace

virConnectAuth authentication(Asker *asker)
{
    return virConnectAuth{credentialTypes, std::size(credentialTypes), &ask, asker};
}

} // namespace Flotilla::Libvirt
