// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "deployfields.h"

#include "fleet/fleet.h"
#include "workloads/fleetworkloads.h"

#include <KLocalizedString>

#include <QRegularExpression>

namespace Flotilla::DeployFields
{

Placement::Policy::Spread spreadOf(const QString &name)
{
    if (name == QLatin1StringView("countries")) {
        return Placement::Policy::Spread::Countries;
    }
    return name == QLatin1StringView("pack") ? Placement::Policy::Spread::Pack : Placement::Policy::Spread::Nodes;
}

QStringList words(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QVariantList imageChoices(const Fleet &fleet)
{
    const QMap<QString, int> held = FleetWorkloads::images(fleet);
    QVariantList list;
    for (auto image = held.cbegin(); image != held.cend(); ++image) {
        list.append(QVariantMap{{QStringLiteral("name"), image.key()}, {QStringLiteral("nodes"), image.value()}});
    }
    return list;
}

QString countryProblem(const QString &countries)
{
    static const QRegularExpression countryCode(QStringLiteral("^[A-Z]{2}$"));
    for (const QString &code : words(countries.toUpper())) {
        if (!countryCode.match(code).hasMatch()) {
            return i18nc("@info", "“%1” is not a country code: use two letters, as FI or DE.", code);
        }
    }
    return {};
}

QString nodeNameOf(const FleetView *view, const QString &nodeId)
{
    const qsizetype index = view ? view->fleet()->indexOf(nodeId) : -1;
    return index < 0 ? nodeId : view->fleet()->nodes().at(index).entry.name;
}

void readStock(Fleet *fleet, QObject *receiver, const std::function<void()> &changed)
{
    QObject::connect(fleet, &Fleet::nodeChanged, receiver, [fleet, changed](qsizetype index) {
        fleet->readStockOnce(fleet->nodes().at(index).entry.id);
        changed();
    });
    for (const Fleet::Node &node : fleet->nodes()) {
        fleet->readStockOnce(node.entry.id);
    }
}

QVariantList progressRows(const FleetView *view, const WorkloadChange &change)
{
    QVariantList rows;
    for (const WorkloadChange::Step &step : change.steps()) {
        rows.append(QVariantMap{{QStringLiteral("name"), step.name},
            {QStringLiteral("nodeName"), nodeNameOf(view, step.nodeId)},
            {QStringLiteral("state"), WorkloadChange::stateName(step.state)}, {QStringLiteral("error"), step.error}});
    }
    return rows;
}

} // namespace Flotilla::DeployFields
