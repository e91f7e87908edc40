// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include "workloads/placement.h"
#include "workloads/workloadchange.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

/// What the deploy wizards (a workload's and a k3s cluster's) read from
/// their fields and show of a deployment.
namespace Flotilla::DeployFields
{
/// "nodes", "countries", "pack".
[[nodiscard]] Placement::Policy::Spread spreadOf(const QString &name);
/// The words of a field of tags or countries: separated by spaces or commas.
[[nodiscard]] QStringList words(const QString &text);
/// The images @p fleet's nodes hold: maps with name and nodes (how many hold it).
[[nodiscard]] QVariantList imageChoices(const Fleet &fleet);
/// What is wrong with a field of country codes, or empty.
[[nodiscard]] QString countryProblem(const QString &countries);
/// Node @p nodeId's name, or its id when it is gone.
[[nodiscard]] QString nodeNameOf(const FleetView *view, const QString &nodeId);
/// Has every node's stock (its images) read once, now and as nodes come and
/// change, and calls @p changed on @p receiver after each node changes.
void readStock(Fleet *fleet, QObject *receiver, const std::function<void()> &changed);
/// One row per replica of @p change: name, nodeName, state, error.
[[nodiscard]] QVariantList progressRows(const FleetView *view, const WorkloadChange &change);
} // namespace Flotilla::DeployFields
