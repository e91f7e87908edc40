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

} // namespace Flotilla::XmlElements
