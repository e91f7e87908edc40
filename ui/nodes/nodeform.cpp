// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodeform.h"

#include "model/tags.h"
#include "nodes/nodecheck.h"

#include <KLocalizedString>

namespace Flotilla
{
NodeForm::NodeForm(QObject *parent)
    : QObject(parent)
    , m_built(NodeUri::build(m_fields))
{
}

void NodeForm::setFields(const NodeUri::Fields &fields)
{
    if (fields == m_fields) {
        return;
    }
    m_fields = fields;
    const QString before = m_built.uri;
    m_built = NodeUri::build(m_fields);
    if (m_built.uri != before) {
        m_unverifiedAccepted = false; // a consent holds for the URI it was given for
    }
    Q_EMIT changed();
}

void NodeForm::setUnverifiedAccepted(bool accepted)
{
    if (accepted == m_unverifiedAccepted) {
        return;
    }
    m_unverifiedAccepted = accepted;
    Q_EMIT changed();
}

QString NodeForm::unverifiedError() const
{
    if (!skipsVerification() || m_unverifiedAccepted) {
        return {};
    }
    return i18nc("@info", "Confirm that Flotilla may connect without checking the node's identity");
}

void NodeForm::setTransport(Transport transport)
{
    NodeUri::Fields fields = m_fields;
    fields.transport = NodeUri::Transport(transport);
    setFields(fields);
}

void NodeForm::setField(QString NodeUri::Fields::*field, const QString &value)
{
    NodeUri::Fields fields = m_fields;
    fields.*field = value;
    setFields(fields);
}

void NodeForm::setHost(const QString &host)
{
    setField(&NodeUri::Fields::host, host);
}

void NodeForm::setUser(const QString &user)
{
    setField(&NodeUri::Fields::user, user);
}

void NodeForm::setPort(const QString &port)
{
    setField(&NodeUri::Fields::port, port);
}

void NodeForm::setKeyFile(const QString &keyFile)
{
    setField(&NodeUri::Fields::keyFile, keyFile);
}

void NodeForm::setPath(const QString &path)
{
    setField(&NodeUri::Fields::path, path);
}

void NodeForm::setRawUri(const QString &uri)
{
    setField(&NodeUri::Fields::raw, uri);
}

void NodeForm::setFromUri(const QString &uri)
{
    setFields(NodeUri::fieldsFrom(uri));
}

void NodeForm::setTagsText(const QString &text)
{
    if (text == m_tagsText) {
        return;
    }
    m_tagsText = text;
    Q_EMIT changed();
}

QStringList NodeForm::tags() const
{
    return Tags::split(m_tagsText);
}

QString NodeForm::tagsError() const
{
    return Tags::problem(tags());
}

QString NodeForm::nameError() const
{
    return NodeCheck::nameProblem(m_name, m_takenNames);
}

} // namespace Flotilla
