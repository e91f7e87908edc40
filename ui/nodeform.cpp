// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodeform.h"

#include "model/tags.h"

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
