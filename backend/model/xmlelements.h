// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QXmlStreamReader>

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
} // namespace Flotilla::XmlElements
