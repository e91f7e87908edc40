// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace Flotilla
{

/// A YAML document as a tree: the user's own cloud-config is read into one,
/// merged with Flotilla's, and written out. libyaml reads and writes the
/// text; the tree is ours, because libyaml's own document API expands every
/// alias without a bound and keeps no scalar's style.
struct YamlNode {
    enum class Kind {
        Scalar,
        Sequence,
        Mapping,
    };
    /// How a scalar was written. Plain text takes its type from its value
    /// (42, true, null); quoted or block text is a string.
    enum class Style {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
        Folded,
    };

    Kind kind = Kind::Scalar;
    QString value; ///< a scalar's text
    Style style = Style::DoubleQuoted;
    QString tag; ///< an explicit tag ("tag:yaml.org,2002:binary"), or empty
    QList<YamlNode> items; ///< a sequence's
    QList<std::pair<QString, YamlNode>> entries; ///< a mapping's, in order; keys are scalars

    /// A string, written quoted: "yes" stays the word, not true.
    static YamlNode text(const QString &value) { return YamlNode{.value = value}; }
    /// A number, true, false or null: written plain, so it keeps its type.
    static YamlNode plain(const QString &value) { return YamlNode{.value = value, .style = Style::Plain}; }
    static YamlNode sequence(QList<YamlNode> items = {})
    {
        return YamlNode{.kind = Kind::Sequence, .items = std::move(items)};
    }
    static YamlNode mapping() { return YamlNode{.kind = Kind::Mapping}; }

    /// A mapping's value at @p key, or null.
    [[nodiscard]] const YamlNode *find(const QString &key) const;
    [[nodiscard]] YamlNode *find(const QString &key);
    /// Sets a mapping's @p key, in place if it is there, else at the end.
    void set(const QString &key, YamlNode node);

    bool operator==(const YamlNode &) const = default;
};

namespace Yaml
{

/// What a document may cost to read. Aliases are expanded into copies, so a
/// few lines can stand for billions of nodes: reading stops at maxNodes.
struct Limits {
    qsizetype maxBytes = 1024 * 1024;
    qsizetype maxNodes = 100'000;
};

/// The one document in @p text. An error names the line and the column:
/// "line 3, column 5: did not find expected key". An empty text is a null
/// scalar. More than one document is refused.
[[nodiscard]] Result<YamlNode> parse(QByteArrayView text, Limits limits = {});

/// @p root as YAML in block style, UTF-8, after @p header (a first line
/// such as "#cloud-config").
[[nodiscard]] QByteArray write(const YamlNode &root, QByteArrayView header = {});

} // namespace Yaml

} // namespace Flotilla
