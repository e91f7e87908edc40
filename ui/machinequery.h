// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "inventory.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Flotilla
{

/// What a person typed into the machine search, understood: plain words and
/// qualifiers (`node:`, `state:`, `tag:`, `ip:`, `name:`), each optionally
/// negated with a leading `-`, values optionally "quoted". A machine matches
/// when it matches every term; words and values match parts, ignoring case.
/// Written here because no library parses this little language.
class MachineQuery
{
public:
    enum class Field { Anything, Name, Node, State, Tag, Address };

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
    [[nodiscard]] static bool stateMatches(const QString &word, MachineState state);

    QList<Term> m_terms;
    QString m_problem;
};

} // namespace Flotilla
