// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <functional>

/// libvirt's small XML documents (a volume, a snapshot) read element by
/// element with QXmlStreamReader, each known by its path from the root.
namespace Flotilla::XmlElements
{
/// Called for each element at its start, with its path ("volume/target/path");
/// returns true when it read the element's text (readElementText), which
/// ends the element.
using Visit = std::function<bool(const QString &path, QXmlStreamReader &reader)>;

/// Walks @p xml's elements in document order; the reader's error, or empty.
QString walk(QByteArrayView xml, const Visit &visit);

/// For rewriting a document token by token (a machine's definition, say):
/// writes the element start at @p reader, with its namespace declarations,
/// but with @p attributes in place of its own.
void writeStart(QXmlStreamWriter &writer, const QXmlStreamReader &reader, const QXmlStreamAttributes &attributes);
/// @p attributes with each in @p values set (added where missing), and
/// those named in @p dropped left out.
[[nodiscard]] QXmlStreamAttributes changed(
    const QXmlStreamAttributes &attributes, const QHash<QString, QString> &values, const QStringList &dropped = {});
} // namespace Flotilla::XmlElements
