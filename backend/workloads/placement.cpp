// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/placement.h"

#include <KLocalizedString>

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <limits>
#include <utility>

namespace Flotilla::Placement
{

namespace
{

QString bytes(quint64 value)
{
    return QLocale().formattedDataSize(qint64(value), 1, QLocale::DataSizeIecFormat);
}

quint64 freeMemory(const Node &node)
{
    const auto promised = quint64(double(node.memoryBytes) * node.overcommit);
    return promised > node.memoryGivenBytes ? promised - node.memoryGivenBytes : 0;
}

int freeVcpus(const Node &node)
{
    return std::max(0, node.cpus - node.vcpusGiven);
}

/// The pool with the most room, or none.
const Node::Pool *roomiest(const Node &node)
{
    const auto most = std::ranges::max_element(
        node.pools, [](const Node::Pool &a, const Node::Pool &b) { return a.freeBytes < b.freeBytes; });
    return most == node.pools.end() ? nullptr : &*most;
}

/// The first hard filter @p node fails for one more replica, or empty.
QString ruleOut(const Node &node, const Need &need, const Policy &policy)
{
    if (!node.up) {
        return i18nc("@info placement", "not connected, or not answering");
    }
    if (node.maintenance) {
        return i18nc("@info placement", "in maintenance");
    }
    QStringList missing;
    for (const QString &tag : policy.tags) {
        if (!node.tags.contains(tag)) {
            missing.append(tag);
        }
    }
    if (!missing.isEmpty()) {
        return i18ncp("@info placement", "without the tag %2", "without the tags %2", missing.size(),
            missing.join(QStringLiteral(", ")));
    }
    if (!policy.countries.isEmpty() && !policy.countries.contains(node.country)) {
        return i18nc("@info placement: a country, then the countries allowed", "in %1, not in %2",
            node.country.isEmpty() ? i18nc("@info placement", "no known country") : node.country,
            policy.countries.join(QStringLiteral(", ")));
    }
    if (policy.maxPerNode > 0 && node.replicas >= policy.maxPerNode) {
        return i18ncp("@info placement", "already %1 replica here, the most a node may hold",
            "already %1 replicas here, the most a node may hold", node.replicas);
    }
    const bool machine = need.unit == Need::Unit::Machine;
    if (need.vcpus > node.cpus) {
        return machine ? i18ncp("@info placement: the node's CPUs, then a machine's vCPUs",
                             "%1 CPU, and the machine needs %2 vCPUs", "%1 CPUs, and the machine needs %2 vCPUs",
                             node.cpus, need.vcpus)
                       : i18ncp("@info placement: the node's CPUs, then a replica's vCPUs",
                             "%1 CPU, and each replica needs %2 vCPUs", "%1 CPUs, and each replica needs %2 vCPUs",
                             node.cpus, need.vcpus);
    }
    if (need.memoryBytes > freeMemory(node)) {
        return machine
            ? i18nc("@info placement", "%1 of memory free under its overcommit ratio, and the machine needs %2",
                  bytes(freeMemory(node)), bytes(need.memoryBytes))
            : i18nc("@info placement", "%1 of memory free under its overcommit ratio, and each replica needs %2",
                  bytes(freeMemory(node)), bytes(need.memoryBytes));
    }
    if (need.imageRequired && !node.images.contains(need.image)) {
        return i18nc("@info placement", "the image %1 is not in its library", need.image);
    }
    const Node::Pool *pool = roomiest(node);
    if (!pool) {
        return i18nc("@info placement", "no active storage pool");
    }
    if (pool->freeBytes < need.diskBytes) {
        return machine ? i18nc("@info placement", "pool %1 has %2 free, and the machine's disks are %3", pool->name,
                             bytes(pool->freeBytes), bytes(need.diskBytes))
                       : i18nc("@info placement", "pool %1 has %2 free, and each replica needs %3", pool->name,
                             bytes(pool->freeBytes), bytes(need.diskBytes));
    }
    return {};
}

/// The range of each figure among the nodes left, to scale the terms to 0…1.
struct Largest {
    double memory = 0;
    double vcpus = 0;
    double pool = 0;
    int fewestOnANode = std::numeric_limits<int>::max(); ///< of the workload's replicas
    int mostOnANode = 0;
    int fewestInACountry = std::numeric_limits<int>::max();
    int mostInACountry = 0;

    void add(const Node &node, int inCountry)
    {
        memory = std::max(memory, double(freeMemory(node)));
        vcpus = std::max(vcpus, double(freeVcpus(node)));
        pool = std::max(pool, roomiest(node) ? double(roomiest(node)->freeBytes) : 0.0);
        fewestOnANode = std::min(fewestOnANode, node.replicas);
        mostOnANode = std::max(mostOnANode, node.replicas);
        fewestInACountry = std::min(fewestInACountry, inCountry);
        mostInACountry = std::max(mostInACountry, inCountry);
    }
};

/// 1 for the fewest, less for more: where the fewest and the most differ by
/// one, one more halves it. Spreading is a rule before a preference, so its
/// weight outweighs every other term together (see weights()).
double fewest(int count, int least, int most)
{
    return 1.0 - double(count - least) / double(most - least + 1);
}

double ratio(double value, double largest)
{
    return largest > 0 ? value / largest : 0;
}

QList<Term> termsOf(const Node &node, const Need &need, Policy::Spread spread, const Largest &largest,
    const QHash<QString, int> &perCountry)
{
    QList<Term> terms = weights(spread);
    for (Term &term : terms) {
        switch (term.kind) {
        case Term::Kind::FreeMemory:
            term.value = ratio(double(freeMemory(node)), largest.memory);
            break;
        case Term::Kind::FreeVcpus:
            term.value = ratio(freeVcpus(node), largest.vcpus);
            break;
        case Term::Kind::PoolSpace:
            term.value = ratio(roomiest(node) ? double(roomiest(node)->freeBytes) : 0, largest.pool);
            break;
        case Term::Kind::ImagePresent:
            term.value = !need.image.isEmpty() && node.images.contains(need.image) ? 1 : 0;
            break;
        case Term::Kind::SpreadNodes:
            term.value = fewest(node.replicas, largest.fewestOnANode, largest.mostOnANode);
            break;
        case Term::Kind::SpreadCountries:
            term.value = fewest(perCountry.value(node.country), largest.fewestInACountry, largest.mostInACountry);
            break;
        case Term::Kind::Pack:
            term.value = 1.0 - fewest(node.replicas, largest.fewestOnANode, largest.mostOnANode);
            break;
        }
    }
    return terms;
}

double scoreOf(const QList<Term> &terms)
{
    double score = 0;
    for (const Term &term : terms) {
        score += term.points();
    }
    return score;
}

/// "Helsinki: 2 replicas — free memory, the image already there".
QString explain(const Node &node, const Verdict &verdict)
{
    if (!verdict.ruledOut.isEmpty()) {
        return i18nc("@info placement: node, why none", "%1: none — %2", node.name, verdict.ruledOut);
    }
    if (verdict.replicas == 0) {
        return i18nc("@info placement: node", "%1: none — other nodes scored higher", node.name);
    }
    QStringList reasons;
    for (const Term::Kind kind : verdict.edge) {
        reasons.append(describe(kind));
    }
    if (reasons.isEmpty()) {
        return i18ncp("@info placement: node", "%2: %1 replica — as good as the others, and first in the list",
            "%2: %1 replicas — as good as the others, and first in the list", verdict.replicas, node.name);
    }
    return i18ncp("@info placement: node, reasons", "%2: %1 replica — %3", "%2: %1 replicas — %3", verdict.replicas,
        node.name, reasons.join(QStringLiteral(", ")));
}

QString shortfallOf(int placed, int count, const QList<Node> &nodes, const QList<QString> &reasons)
{
    QStringList why;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        why.append(i18nc("@info placement: node, why no more", "%1 — %2", nodes.at(i).name, reasons.at(i)));
    }
    return i18ncp("@info placement: placed, wanted, why the nodes take no more",
        "The fleet holds %2 of the %1 replica. No node takes more: %3",
        "The fleet holds %2 of the %1 replicas. No node takes more: %3", count, placed, why.join(QStringLiteral("; ")));
}

/// What set the node that scored @p best apart from the runner-up
/// (@p second, empty when it had none): up to two terms, most first.
QList<Term::Kind> edgeOf(const QList<Term> &best, const QList<Term> &second)
{
    QList<std::pair<double, Term::Kind>> ahead;
    for (qsizetype i = 0; i < best.size(); ++i) {
        const double by = best.at(i).points() - (second.isEmpty() ? 0.0 : second.at(i).points());
        if (by > 1e-9) {
            ahead.append({by, best.at(i).kind});
        }
    }
    std::ranges::stable_sort(ahead, [](const auto &a, const auto &b) { return a.first > b.first; });
    QList<Term::Kind> kinds;
    for (qsizetype i = 0; i < std::min<qsizetype>(ahead.size(), 2); ++i) {
        kinds.append(ahead.at(i).second);
    }
    return kinds;
}

} // namespace

void take(Node &node, const Need &need, const QString &pool)
{
    ++node.replicas;
    node.vcpusGiven += need.vcpus;
    node.memoryGivenBytes += need.memoryBytes;
    for (Node::Pool &candidate : node.pools) {
        if (candidate.name == pool) {
            candidate.freeBytes -= std::min(candidate.freeBytes, need.diskBytes);
        }
    }
}

QList<Term> weights(Policy::Spread spread)
{
    using K = Term::Kind;
    switch (spread) {
    // The spreading (or packing) term's half outweighs all the others
    // together: one replica more on a node (or in a country) halves it at
    // most, so spreading comes first and the figures decide among equals.
    case Policy::Spread::Nodes:
        return {{K::SpreadNodes, 8}, {K::FreeMemory, 1}, {K::FreeVcpus, 0.5}, {K::PoolSpace, 0.5},
            {K::ImagePresent, 0.5}, {K::SpreadCountries, 0.5}};
    case Policy::Spread::Countries:
        return {{K::SpreadCountries, 16}, {K::SpreadNodes, 4}, {K::FreeMemory, 1}, {K::FreeVcpus, 0.5},
            {K::PoolSpace, 0.5}, {K::ImagePresent, 0.5}};
    case Policy::Spread::Pack:
        return {{K::Pack, 8}, {K::FreeMemory, 0.5}, {K::ImagePresent, 0.5}, {K::FreeVcpus, 0.25}, {K::PoolSpace, 0.25}};
    }
    return {};
}

QString describe(Term::Kind kind)
{
    switch (kind) {
    case Term::Kind::FreeMemory:
        return i18nc("@info placement reason", "free memory");
    case Term::Kind::FreeVcpus:
        return i18nc("@info placement reason", "free vCPUs");
    case Term::Kind::PoolSpace:
        return i18nc("@info placement reason", "room in its pool");
    case Term::Kind::ImagePresent:
        return i18nc("@info placement reason", "the image already there");
    case Term::Kind::SpreadNodes:
        return i18nc("@info placement reason", "few of the replicas on it");
    case Term::Kind::SpreadCountries:
        return i18nc("@info placement reason", "few of the replicas in its country");
    case Term::Kind::Pack:
        return i18nc("@info placement reason", "other replicas already there");
    }
    return {};
}

Plan place(const Need &need, int count, const Policy &policy, const QList<Node> &nodes)
{
    QList<Node> state = nodes; // their use grows with each replica placed
    Plan plan;
    plan.verdicts.resize(nodes.size());
    QHash<QString, int> perCountry;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        plan.verdicts[i].nodeId = nodes.at(i).id;
        perCountry[nodes.at(i).country] += nodes.at(i).replicas;
    }
    QList<QString> reasons(nodes.size());
    for (int replica = 0; replica < count; ++replica) {
        Largest largest;
        for (qsizetype i = 0; i < state.size(); ++i) {
            reasons[i] = ruleOut(state.at(i), need, policy);
            if (reasons.at(i).isEmpty()) {
                largest.add(state.at(i), perCountry.value(state.at(i).country));
            }
        }
        qsizetype best = -1;
        double bestScore = -1;
        QList<Term> bestTerms;
        double secondScore = -1;
        QList<Term> secondTerms;
        for (qsizetype i = 0; i < state.size(); ++i) {
            if (!reasons.at(i).isEmpty()) {
                continue;
            }
            const QList<Term> terms = termsOf(state.at(i), need, policy.spread, largest, perCountry);
            const double score = scoreOf(terms);
            if (score > bestScore) { // ties: the first node keeps it
                secondScore = std::exchange(bestScore, score);
                secondTerms = std::exchange(bestTerms, terms);
                best = i;
            } else if (score > secondScore) {
                secondScore = score;
                secondTerms = terms;
            }
        }
        if (best < 0) {
            plan.shortfall = shortfallOf(replica, count, state, reasons);
            break;
        }
        Verdict &verdict = plan.verdicts[best];
        const QString pool = roomiest(state.at(best))->name;
        if (verdict.replicas == 0) {
            verdict.terms = bestTerms;
            verdict.edge = edgeOf(bestTerms, secondTerms);
            verdict.pool = pool;
        }
        ++verdict.replicas;
        plan.nodeIds.append(state.at(best).id);
        plan.pools.append(pool);
        take(state[best], need, pool);
        ++perCountry[state.at(best).country];
    }
    // What every node comes to, as it stands after the plan.
    Largest largest;
    for (const Node &node : std::as_const(state)) {
        largest.add(node, perCountry.value(node.country));
    }
    for (qsizetype i = 0; i < state.size(); ++i) {
        Verdict &verdict = plan.verdicts[i];
        if (verdict.replicas == 0) {
            verdict.ruledOut = ruleOut(state.at(i), need, policy);
            verdict.terms = termsOf(state.at(i), need, policy.spread, largest, perCountry);
        }
        verdict.explanation = explain(nodes.at(i), verdict);
    }
    return plan;
}

QString check(
    const Need &need, const Policy &policy, const QList<Node> &nodes, const QStringList &nodeIds, QStringList *pools)
{
    QList<Node> state = nodes;
    pools->clear();
    for (const QString &id : nodeIds) {
        const auto node = std::ranges::find_if(state, [&](const Node &candidate) { return candidate.id == id; });
        if (node == state.end()) {
            return i18nc("@info placement", "%1 is not in the fleet any more.", id);
        }
        if (const QString reason = ruleOut(*node, need, policy); !reason.isEmpty()) {
            return i18nc(
                "@info placement: a node, then why it cannot take one more replica", "%1: %2", node->name, reason);
        }
        pools->append(roomiest(*node)->name);
        take(*node, need, pools->last());
    }
    return {};
}

} // namespace Flotilla::Placement
