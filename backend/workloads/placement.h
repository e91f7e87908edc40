// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// Where a workload's new replicas go: a pure function of the replica's
/// needs, how many, the policy and each node's capacity and use. No libvirt
/// and no UI, so every rule is tested alone (tests/backend/workloads).
///
/// Replicas are placed one at a time. For each, hard filters rule nodes out,
/// each with its reason; the nodes left are scored by a weighted sum of
/// normalised terms (free memory, free vCPUs, pool space, the image already
/// there, spreading from the workload's replicas by node and by country, or
/// packing onto its nodes) and the best one takes the replica, its use
/// counted before the next. Ties go to the node first in the list, so the
/// same input always gives the same plan.
namespace Flotilla::Placement
{

/// What one replica takes, from the workload's template.
struct Need {
    int vcpus = 1;
    quint64 memoryBytes = 0;
    quint64 diskBytes = 0; ///< what its disks take in one pool (a linked clone's root takes nothing at first)
    QString image; ///< the base image's volume name: a node that has it needs no upload
    /// Only nodes that have the image: replicas are made from it where it
    /// is, as linked clones or copies in its pool.
    bool imageRequired = false;
    /// What is placed, as the reasons name it: "each replica needs 2 vCPUs",
    /// or, for one machine moving, "the machine needs 2 vCPUs".
    enum class Unit {
        Replica,
        Machine,
    };
    Unit unit = Unit::Replica;
};

/// How the replicas spread, and where they may go.
struct Policy {
    enum class Spread {
        Nodes, ///< as few replicas on a node as can be
        Countries, ///< as few replicas in a country as can be
        Pack, ///< onto as few nodes as can hold them
    };
    Spread spread = Spread::Nodes;
    QStringList tags; ///< only nodes with every one of these tags
    QStringList countries; ///< only nodes in these countries (ISO 3166 codes); empty: any
    int maxPerNode = 0; ///< at most this many of the workload's replicas on a node; 0: no limit

    bool operator==(const Policy &) const = default;
};

/// A node as placement sees it.
struct Node {
    QString id;
    QString name;
    QString country; ///< ISO 3166 code
    QStringList tags;
    bool up = true; ///< connected and answering
    bool maintenance = false; ///< marked in maintenance: nothing new goes here
    int cpus = 0;
    int vcpusGiven = 0; ///< to its running machines
    quint64 memoryBytes = 0;
    quint64 memoryGivenBytes = 0; ///< to its running machines
    double overcommit = 1.0; ///< how far memory may be promised beyond the node's: 1.5 is 150 %
    struct Pool {
        QString name;
        quint64 freeBytes = 0;
    };
    QList<Pool> pools; ///< its active pools
    QStringList images; ///< the base images in its library
    int replicas = 0; ///< the workload's replicas already here
};

/// One term of a node's score: its weight and its value from 0 to 1.
struct Term {
    enum class Kind {
        FreeMemory,
        FreeVcpus,
        PoolSpace,
        ImagePresent,
        SpreadNodes,
        SpreadCountries,
        Pack,
    };
    Kind kind;
    double weight = 0;
    double value = 0;
    [[nodiscard]] double points() const { return weight * value; }
};

/// What became of one node.
struct Verdict {
    QString nodeId;
    QString ruledOut; ///< why no replica may go there (the first hard filter it failed); empty if it may
    int replicas = 0; ///< new replicas placed there
    QString pool; ///< the pool its first new replica goes to (Plan::pools has each one's)
    QList<Term> terms; ///< its score's terms, when it took its first new replica (or at the end, if none)
    QList<Term::Kind> edge; ///< what set it apart from the runner-up when it took its first replica, most first
    QString explanation; ///< "Helsinki: 2 replicas — the most free memory, the image already there"
};

/// The plan: a node for each new replica, and what became of every node.
struct Plan {
    QStringList nodeIds; ///< one per new replica placed, in order
    QStringList pools; ///< the pool of each
    QList<Verdict> verdicts; ///< one per node, in the nodes' order
    QString shortfall; ///< when the fleet cannot hold them all: how many fit, and what is missing

    [[nodiscard]] bool isComplete() const { return shortfall.isEmpty(); }
};

/// Places @p count new replicas that each need @p need, under @p policy,
/// on @p nodes (which hold the workload's existing replicas already).
[[nodiscard]] Plan place(const Need &need, int count, const Policy &policy, const QList<Node> &nodes);

/// A plan changed by hand (a replica moved to another node), checked again:
/// why the first replica that no longer fits cannot go where it is, or
/// empty when every one fits; @p pools gets each replica's pool.
[[nodiscard]] QString check(
    const Need &need, const Policy &policy, const QList<Node> &nodes, const QStringList &nodeIds, QStringList *pools);

/// Counts one more of @p need on @p node, its disks in @p pool: a plan made
/// of several placements (a node drained) carries each into the next.
void take(Node &node, const Need &need, const QString &pool);

/// The weights of the score's terms under @p spread.
[[nodiscard]] QList<Term> weights(Policy::Spread spread);

/// A term's name as the explanations say it: "the most free memory".
[[nodiscard]] QString describe(Term::Kind kind);

} // namespace Flotilla::Placement
