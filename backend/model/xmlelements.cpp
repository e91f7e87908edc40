// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/xmlelements.h"

#include <QStringList>

namespace Flotilla::XmlElements
{

QString walk(QByteArrayView xml, const Visit &visit)
{
    QXmlStreamReader reader(xml);
    QStringList path; // the elements open around the reader
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::EndElement && !path.isEmpty()) {
            path.removeLast();
        } else if (token == QXmlStreamReader::StartElement) {
            path.append(reader.name().toString());
            if (visit(path.join(QLatin1Char('/')), reader)) {
                path.removeLast(); // its text was read, and its end with it
            }
        }
    }
    return reader.hasError() ? reader.errorString() : QString();
}

void writeStart(QXmlStreamWriter &writer, const QXmlStreamReader &reader, const QXmlStreamAttributes &attributes)
{
    writer.writeStartElement(reader.qualifiedName().toString());
    for (const QXmlStreamNamespaceDeclaration &declaration : reader.namespaceDeclarations()) {
        writer.writeNamespace(declaration.namespaceUri().toString(), declaration.prefix().toString());
    }
    writer.writeAttributes(attributes);
}

QXmlStreamAttributes changed(
    const QXmlStreamAttributes &attributes, const QHash<QString, QString> &values, const QStringList &dropped)
{
    QXmlStreamAttributes result;
    for (const QXmlStreamAttribute &attribute : attributes) {
        const QString name = attribute.qualifiedName().toString();
        if (dropped.contains(name)) {
            continue;
        }
        result.append(name, values.value(name, attribute.value().toString()));
    }
    for (const auto &[name, value] : values.asKeyValueRange()) {
        if (!result.hasAttribute(name)) {
            result.append(name, value);
        }
    }
    return result;
}

} // namespace Flotilla::XmlElements
