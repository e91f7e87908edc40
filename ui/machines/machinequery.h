// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "model/inventory.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Flotilla
{

/// What a person typed into the machine search, understood: plain words and
/// qualifiers (`node:`, `city:`, `country:`, `state:`, `tag:`, `ip:`,
/// `name:`), each optionally negated with a leading `-`, values optionally
/// "quoted". A machine matches when it matches every term; words and values
/// match parts, ignoring case. `city:` and `country:` look at where the
/// machine's node stands and ignore accents too, as the city picker does; a
/// two-letter `country:` is the country's code (`country:FI`).
/// Written here because no library parses this little language.
class MachineQuery
{
public:
    enum class Field { Anything, Name, Node, City, Country, State, Tag, Address };

    struct Term {
        Field field = Field::Anything;
        QString value;
        bool negated = false;
        bool operator==(const Term &) const = default;
    };

    /// The facts of one machine a query looks at.
    struct Subject {
        QString name;
        QString nodeName;
        QString city; ///< of the node
        QString country; ///< of the node
        QString countryCode; ///< of the node, ISO 3166-1 alpha-2
        MachineState state = MachineState::Unknown;
        QStringList tags;
        QStringList addresses;
    };

    [[nodiscard]] static MachineQuery parse(const QString &text);

    [[nodiscard]] bool matches(const Subject &machine) const;
    [[nodiscard]] bool isEmpty() const { return m_terms.isEmpty(); }
    [[nodiscard]] const QList<Term> &terms() const { return m_terms; }
    /// What in the text could not be understood ("state:" takes …); empty when all could.
    [[nodiscard]] QString problem() const { return m_problem; }

private:
    [[nodiscard]] static bool matchesTerm(const Term &term, const Subject &machine);
    [[nodiscard]] static bool countryMatches(const QString &value, const Subject &machine);
    [[nodiscard]] static bool stateMatches(const QString &word, MachineState state);

    QList<Term> m_terms;
    QString m_problem;
};

} // namespace Flotilla
