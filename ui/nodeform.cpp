// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodeform.h"

#include "nodes/nodecheck.h"

#include <KLocalizedString>

#include <QRegularExpression>

namespace Flotilla
{
namespace
{
constexpr int longestTag = 40;
} // namespace

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
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QStringList result;
    for (const QString &tag : m_tagsText.split(separators, Qt::SkipEmptyParts)) {
        if (!result.contains(tag, Qt::CaseInsensitive)) {
            result.append(tag);
        }
    }
    return result;
}

QString NodeForm::tagsError() const
{
    // Letters, digits and a few marks: what a tag: search and a file name take without quotes.
    static const QRegularExpression allowed(
        QStringLiteral("^[\\w.+-]+$"), QRegularExpression::UseUnicodePropertiesOption);
    for (const QString &tag : tags()) {
        if (tag.size() > longestTag) {
            return i18nc("@info %1 is a tag", "“%1” is too long: a tag has at most %2 characters", tag, longestTag);
        }
        if (!allowed.match(tag).hasMatch()) {
            return i18nc("@info %1 is a tag",
                "“%1” has a character a tag cannot hold: use letters, digits, “-”, “_”, “.” and “+”", tag);
        }
    }
    return {};
}

QString NodeForm::nameError() const
{
    return NodeCheck::nameProblem(m_name, m_takenNames);
}

} // namespace Flotilla
