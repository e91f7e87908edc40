// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machines/machinequery.h"

#include "map/citylist.h"

#include <KLocalizedString>

namespace Flotilla
{
namespace
{
struct StateWord {
    QLatin1StringView word;
    QList<MachineState> states;
};

// The words state: understands, and the libvirt states each stands for.
const QList<StateWord> &stateWords()
{
    static const QList<StateWord> words = {
        {QLatin1StringView("running"), {MachineState::Running, MachineState::Blocked}},
        {QLatin1StringView("paused"), {MachineState::Paused, MachineState::Suspended}},
        {QLatin1StringView("off"), {MachineState::Off}},
        {QLatin1StringView("crashed"), {MachineState::Crashed}},
        {QLatin1StringView("stopping"), {MachineState::ShuttingDown}},
        {QLatin1StringView("active"),
            {MachineState::Running, MachineState::Blocked, MachineState::Paused, MachineState::ShuttingDown,
                MachineState::Suspended}},
        {QLatin1StringView("unknown"), {MachineState::Unknown}},
    };
    return words;
}

MachineQuery::Field fieldNamed(QStringView name, bool *known)
{
    using Field = MachineQuery::Field;
    static const QList<std::pair<QLatin1StringView, Field>> fields = {{QLatin1StringView("name"), Field::Name},
        {QLatin1StringView("node"), Field::Node}, {QLatin1StringView("city"), Field::City},
        {QLatin1StringView("country"), Field::Country}, {QLatin1StringView("state"), Field::State},
        {QLatin1StringView("tag"), Field::Tag}, {QLatin1StringView("ip"), Field::Address}};
    for (const auto &[word, field] : fields) {
        if (name.compare(word, Qt::CaseInsensitive) == 0) {
            *known = true;
            return field;
        }
    }
    *known = false;
    return Field::Anything;
}

/// Splits at spaces outside double quotes; the quotes themselves go.
QStringList words(const QString &text)
{
    QStringList result;
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c.isSpace() && !quoted) {
            if (!current.isEmpty()) {
                result.append(std::exchange(current, {}));
            }
        } else {
            current.append(c);
        }
    }
    if (!current.isEmpty()) {
        result.append(current);
    }
    return result;
}

bool anyContains(const QStringList &values, const QString &part)
{
    return std::ranges::any_of(values, [&](const QString &value) { return value.contains(part, Qt::CaseInsensitive); });
}
} // namespace

MachineQuery MachineQuery::parse(const QString &text)
{
    MachineQuery query;
    for (QString word : words(text)) {
        Term term;
        if (word.size() > 1 && word.startsWith(QLatin1Char('-'))) {
            term.negated = true;
            word.remove(0, 1);
        }
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        bool known = false;
        if (colon > 0) {
            term.field = fieldNamed(QStringView(word).left(colon), &known);
        }
        term.value = known ? word.mid(colon + 1) : word;
        if (known && term.value.isEmpty()) {
            continue; // "node:" while the person is still typing
        }
        if (term.field == Field::State
            && std::ranges::none_of(stateWords(), [&](const StateWord &s) { return s.word == term.value.toLower(); })) {
            query.m_problem = i18nc("@info %1 is what was typed",
                "“state:%1” is not a state: use running, paused, off, crashed, stopping or active", term.value);
        }
        query.m_terms.append(term);
    }
    return query;
}

bool MachineQuery::stateMatches(const QString &word, MachineState state)
{
    for (const StateWord &known : stateWords()) {
        if (known.word == word.toLower()) {
            return known.states.contains(state);
        }
    }
    return false;
}

bool MachineQuery::countryMatches(const QString &value, const Subject &machine)
{
    if (value.size() == 2) {
        return machine.countryCode.compare(value, Qt::CaseInsensitive) == 0;
    }
    return CityList::fold(machine.country).contains(CityList::fold(value));
}

bool MachineQuery::matchesTerm(const Term &term, const Subject &machine)
{
    const QString &value = term.value;
    switch (term.field) {
    case Field::Name:
        return machine.name.contains(value, Qt::CaseInsensitive);
    case Field::Node:
        return machine.nodeName.contains(value, Qt::CaseInsensitive);
    case Field::City:
        return CityList::fold(machine.city).contains(CityList::fold(value));
    case Field::Country:
        return countryMatches(value, machine);
    case Field::State:
        return stateMatches(value, machine.state);
    case Field::Tag:
        return std::ranges::any_of(
            machine.tags, [&](const QString &tag) { return tag.compare(value, Qt::CaseInsensitive) == 0; });
    case Field::Address:
        return std::ranges::any_of(machine.addresses, [&](const QString &a) { return a.startsWith(value); });
    case Field::Anything:
        return machine.name.contains(value, Qt::CaseInsensitive)
            || machine.nodeName.contains(value, Qt::CaseInsensitive) || anyContains(machine.tags, value)
            || anyContains(machine.addresses, value);
    }
    return false;
}

bool MachineQuery::matches(const Subject &machine) const
{
    return std::ranges::all_of(m_terms, [&](const Term &term) { return matchesTerm(term, machine) != term.negated; });
}

} // namespace Flotilla
