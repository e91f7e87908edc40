// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/yamltree.h"

#include <KLocalizedString>

#include <QHash>

#include <yaml.h>

namespace Flotilla
{

const YamlNode *YamlNode::find(const QString &key) const
{
    for (const auto &[name, node] : entries) {
        if (name == key) {
            return &node;
        }
    }
    return nullptr;
}

YamlNode *YamlNode::find(const QString &key)
{
    return const_cast<YamlNode *>(std::as_const(*this).find(key));
}

void YamlNode::set(const QString &key, YamlNode node)
{
    if (YamlNode *there = find(key)) {
        *there = std::move(node);
    } else {
        entries.append({key, std::move(node)});
    }
}

namespace Yaml
{

namespace
{

constexpr int maxDepth = 64; // each level is a frame of the reader's own

struct Event {
    yaml_event_t event{};
    Event() = default;
    Event(const Event &) = delete;
    Event &operator=(const Event &) = delete;
    ~Event() { yaml_event_delete(&event); }
};

Error atMark(const yaml_mark_t &mark, const QString &problem)
{
    return Error{.message
        = i18nc("@info", "line %1, column %2: %3", qulonglong(mark.line + 1), qulonglong(mark.column + 1), problem)};
}

YamlNode::Style styleOf(yaml_scalar_style_t style)
{
    switch (style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
        return YamlNode::Style::SingleQuoted;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        return YamlNode::Style::DoubleQuoted;
    case YAML_LITERAL_SCALAR_STYLE:
        return YamlNode::Style::Literal;
    case YAML_FOLDED_SCALAR_STYLE:
        return YamlNode::Style::Folded;
    default:
        return YamlNode::Style::Plain;
    }
}

QString textOf(const yaml_char_t *text, size_t length)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(text), qsizetype(length));
}

/// Builds the tree from libyaml's events, expanding aliases into copies
/// within the limits.
class Reader
{
public:
    Reader(QByteArrayView text, Limits limits)
        : m_limits(limits)
    {
        yaml_parser_initialize(&m_parser);
        static const char nothing[] = ""; // libyaml wants a pointer, even to no text
        yaml_parser_set_input_string(&m_parser,
            reinterpret_cast<const unsigned char *>(text.data() ? text.data() : nothing), size_t(text.size()));
    }
    ~Reader() { yaml_parser_delete(&m_parser); }
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    Result<YamlNode> document();

private:
    std::optional<Error> next(Event &event);
    Result<YamlNode> node(const yaml_event_t &first, int depth);
    Result<YamlNode> children(YamlNode node, const yaml_event_t &first, int depth);
    std::optional<Error> counted(qsizetype nodes, const yaml_mark_t &mark);

    yaml_parser_t m_parser{};
    Limits m_limits;
    qsizetype m_nodes = 0;
    QHash<QByteArray, std::pair<YamlNode, qsizetype>> m_anchors; ///< the node and how many nodes it holds
};

std::optional<Error> Reader::next(Event &event)
{
    if (yaml_parser_parse(&m_parser, &event.event)) {
        return std::nullopt;
    }
    const QString problem = QString::fromUtf8(m_parser.problem ? m_parser.problem : "not YAML");
    return atMark(m_parser.problem_mark,
        m_parser.context ? QString::fromUtf8(m_parser.context) + QStringLiteral(", ") + problem : problem);
}

std::optional<Error> Reader::counted(qsizetype nodes, const yaml_mark_t &mark)
{
    m_nodes += nodes;
    if (m_nodes > m_limits.maxNodes) {
        return atMark(mark,
            i18nc("@info", "its aliases expand to more than %1 values, which Flotilla does not follow",
                m_limits.maxNodes));
    }
    return std::nullopt;
}

Result<YamlNode> Reader::node(const yaml_event_t &first, int depth)
{
    if (depth > maxDepth) {
        return atMark(first.start_mark, i18nc("@info", "it nests deeper than %1 levels", maxDepth));
    }
    const qsizetype before = m_nodes;
    const yaml_char_t *anchor = nullptr;
    Result<YamlNode> made = YamlNode{};
    switch (first.type) {
    case YAML_ALIAS_EVENT: {
        const auto found = m_anchors.constFind(QByteArray(reinterpret_cast<const char *>(first.data.alias.anchor)));
        if (found == m_anchors.cend()) {
            return atMark(first.start_mark, i18nc("@info", "an alias names no anchor before it"));
        }
        if (std::optional<Error> tooMany = counted(found->second, first.start_mark)) {
            return *tooMany;
        }
        return found->first;
    }
    case YAML_SCALAR_EVENT: {
        const auto &scalar = first.data.scalar;
        anchor = scalar.anchor;
        if (std::optional<Error> tooMany = counted(1, first.start_mark)) {
            return *tooMany;
        }
        made = YamlNode{.value = textOf(scalar.value, scalar.length),
            .style = styleOf(scalar.style),
            .tag = scalar.tag ? QString::fromUtf8(reinterpret_cast<const char *>(scalar.tag)) : QString()};
        break;
    }
    case YAML_SEQUENCE_START_EVENT:
        anchor = first.data.sequence_start.anchor;
        made = children(YamlNode::sequence(), first, depth);
        break;
    case YAML_MAPPING_START_EVENT:
        anchor = first.data.mapping_start.anchor;
        made = children(YamlNode::mapping(), first, depth);
        break;
    default:
        return atMark(first.start_mark, i18nc("@info", "a value was expected here"));
    }
    if (made && anchor) {
        m_anchors.insert(QByteArray(reinterpret_cast<const char *>(anchor)), {made.value(), m_nodes - before});
    }
    return made;
}

Result<YamlNode> Reader::children(YamlNode node, const yaml_event_t &first, int depth)
{
    if (std::optional<Error> tooMany = counted(1, first.start_mark)) {
        return *tooMany;
    }
    const yaml_event_type_t end
        = node.kind == YamlNode::Kind::Sequence ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT;
    for (;;) {
        Event event;
        if (std::optional<Error> wrong = next(event)) {
            return *wrong;
        }
        if (event.event.type == end) {
            return node;
        }
        Result<YamlNode> child = this->node(event.event, depth + 1);
        if (!child) {
            return child.error();
        }
        if (node.kind == YamlNode::Kind::Sequence) {
            node.items.append(std::move(child).value());
            continue;
        }
        if (child.value().kind != YamlNode::Kind::Scalar) {
            return atMark(event.event.start_mark, i18nc("@info", "a key must be plain text"));
        }
        const QString key = child.value().value;
        if (node.find(key)) {
            return atMark(event.event.start_mark, i18nc("@info", "the key “%1” is there twice", key));
        }
        Event valueEvent;
        if (std::optional<Error> wrong = next(valueEvent)) {
            return *wrong;
        }
        Result<YamlNode> value = this->node(valueEvent.event, depth + 1);
        if (!value) {
            return value.error();
        }
        node.entries.append({key, std::move(value).value()});
    }
}

Result<YamlNode> Reader::document()
{
    Event start;
    Event document;
    if (std::optional<Error> wrong = next(start); wrong || (wrong = next(document))) {
        return *wrong;
    }
    if (document.event.type == YAML_STREAM_END_EVENT) {
        return YamlNode::plain(QString()); // an empty text: null
    }
    Event first;
    if (std::optional<Error> wrong = next(first)) {
        return *wrong;
    }
    Result<YamlNode> root = node(first.event, 0);
    if (!root) {
        return root;
    }
    Event documentEnd;
    Event after;
    if (std::optional<Error> wrong = next(documentEnd); wrong || (wrong = next(after))) {
        return *wrong;
    }
    if (after.event.type != YAML_STREAM_END_EVENT) {
        return atMark(after.event.start_mark, i18nc("@info", "it holds more than one document"));
    }
    return root;
}

// Writing.

int appendTo(void *data, unsigned char *buffer, size_t size)
{
    static_cast<QByteArray *>(data)->append(reinterpret_cast<const char *>(buffer), qsizetype(size));
    return 1;
}

yaml_scalar_style_t libyamlStyle(YamlNode::Style style)
{
    switch (style) {
    case YamlNode::Style::Plain:
        return YAML_PLAIN_SCALAR_STYLE;
    case YamlNode::Style::SingleQuoted:
        return YAML_SINGLE_QUOTED_SCALAR_STYLE;
    case YamlNode::Style::DoubleQuoted:
        return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    case YamlNode::Style::Literal:
        return YAML_LITERAL_SCALAR_STYLE;
    case YamlNode::Style::Folded:
        return YAML_FOLDED_SCALAR_STYLE;
    }
    return YAML_ANY_SCALAR_STYLE;
}

class Writer
{
public:
    explicit Writer(QByteArray &out)
    {
        yaml_emitter_initialize(&m_emitter);
        yaml_emitter_set_output(&m_emitter, appendTo, &out);
        yaml_emitter_set_unicode(&m_emitter, 1);
        yaml_emitter_set_width(&m_emitter, -1); // a key on one line, however long
    }
    ~Writer() { yaml_emitter_delete(&m_emitter); }
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    void document(const YamlNode &root)
    {
        yaml_event_t event;
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING);
        yaml_emitter_emit(&m_emitter, &event);
        yaml_document_start_event_initialize(&event, nullptr, nullptr, nullptr, 1);
        yaml_emitter_emit(&m_emitter, &event);
        node(root);
        yaml_document_end_event_initialize(&event, 1);
        yaml_emitter_emit(&m_emitter, &event);
        yaml_stream_end_event_initialize(&event);
        yaml_emitter_emit(&m_emitter, &event);
    }

private:
    void scalar(const YamlNode &node)
    {
        const QByteArray value = node.value.toUtf8();
        const QByteArray tag = node.tag.toUtf8();
        const bool plain = node.style == YamlNode::Style::Plain;
        yaml_event_t event;
        yaml_scalar_event_initialize(&event, nullptr,
            tag.isEmpty() ? nullptr : reinterpret_cast<yaml_char_t *>(const_cast<char *>(tag.constData())),
            reinterpret_cast<yaml_char_t *>(const_cast<char *>(value.constData())), int(value.size()),
            tag.isEmpty() && plain, tag.isEmpty() && !plain, libyamlStyle(node.style));
        yaml_emitter_emit(&m_emitter, &event);
    }

    void node(const YamlNode &node)
    {
        yaml_event_t event;
        switch (node.kind) {
        case YamlNode::Kind::Scalar:
            scalar(node);
            return;
        case YamlNode::Kind::Sequence:
            yaml_sequence_start_event_initialize(&event, nullptr, nullptr, 1, YAML_BLOCK_SEQUENCE_STYLE);
            yaml_emitter_emit(&m_emitter, &event);
            for (const YamlNode &item : node.items) {
                this->node(item);
            }
            yaml_sequence_end_event_initialize(&event);
            yaml_emitter_emit(&m_emitter, &event);
            return;
        case YamlNode::Kind::Mapping:
            yaml_mapping_start_event_initialize(&event, nullptr, nullptr, 1, YAML_BLOCK_MAPPING_STYLE);
            yaml_emitter_emit(&m_emitter, &event);
            for (const auto &[key, value] : node.entries) {
                scalar(YamlNode{.value = key, .style = YamlNode::Style::Plain});
                this->node(value);
            }
            yaml_mapping_end_event_initialize(&event);
            yaml_emitter_emit(&m_emitter, &event);
            return;
        }
    }

    yaml_emitter_t m_emitter{};
};

} // namespace

Result<YamlNode> parse(QByteArrayView text, Limits limits)
{
    if (text.size() > limits.maxBytes) {
        return Error{.message = i18nc("@info", "it is larger than %1 bytes", limits.maxBytes)};
    }
    Reader reader(text, limits);
    return reader.document();
}

QByteArray write(const YamlNode &root, QByteArrayView header)
{
    QByteArray out;
    if (!header.isEmpty()) {
        out.append(header);
        out.append('\n');
    }
    Writer writer(out);
    writer.document(root);
    return out;
}

} // namespace Yaml

} // namespace Flotilla
