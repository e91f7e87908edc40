// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodeform.h"

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
    m_built = NodeUri::build(m_fields);
    Q_EMIT changed();
}

void NodeForm::setTransport(Transport transport)
{
    NodeUri::Fields fields = m_fields;
    fields.transport = NodeUri::Transport(transport);
    setFields(fields);
}

void NodeForm::setHost(const QString &host)
{
    NodeUri::Fields fields = m_fields;
    fields.host = host;
    setFields(fields);
}

void NodeForm::setUser(const QString &user)
{
    NodeUri::Fields fields = m_fields;
    fields.user = user;
    setFields(fields);
}

void NodeForm::setPort(const QString &port)
{
    NodeUri::Fields fields = m_fields;
    fields.port = port;
    setFields(fields);
}

void NodeForm::setKeyFile(const QString &keyFile)
{
    NodeUri::Fields fields = m_fields;
    fields.keyFile = keyFile;
    setFields(fields);
}

void NodeForm::setPath(const QString &path)
{
    NodeUri::Fields fields = m_fields;
    fields.path = path;
    setFields(fields);
}

void NodeForm::setRawUri(const QString &uri)
{
    NodeUri::Fields fields = m_fields;
    fields.raw = uri;
    setFields(fields);
}

void NodeForm::setFromUri(const QString &uri)
{
    setFields(NodeUri::fieldsFrom(uri));
}

QString NodeForm::nameError() const
{
    const QString name = m_name.trimmed();
    if (name.isEmpty()) {
        return i18nc("@info", "Give the node a name");
    }
    for (const QString &taken : m_takenNames) {
        if (taken.compare(name, Qt::CaseInsensitive) == 0) {
            return i18nc("@info", "Another node is already called “%1”", taken);
        }
    }
    return {};
}

} // namespace Flotilla
