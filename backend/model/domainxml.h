// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace Flotilla
{

struct Disk {
    QString target; ///< "vda"
    QString device; ///< "disk", "cdrom", "floppy", "lun"
    QString bus;
    QString source; ///< file, block device, "pool/volume" or network name
    QString format; ///< the driver's type: "qcow2", "raw", ...
    QStringList backingFiles; ///< the images under source (a shared base image, say), nearest first
    quint64 capacityBytes = 0; ///< from the node's storage pool; 0 when unknown

    bool operator==(const Disk &) const = default;
};

struct NetworkInterface {
    QString mac;
    QString type; ///< "network", "bridge", "user", "direct", ...
    QString source; ///< network or bridge name, host device
    QString model;
    QString target; ///< the host-side device, e.g. "vnet3", while running
    QStringList addresses; ///< filled from the node's leases, not from the XML

    bool operator==(const NetworkInterface &) const = default;
};

struct Graphics {
    QString type; ///< "vnc", "spice", ...
    int port = -1; ///< while running (an automatic port is -1 before)
    QString listen; ///< the address it listens on; empty: the node's default (vnc_listen)
    QString socket; ///< a Unix socket it listens on instead of a port
    /// Its password, only in a description read with VIR_DOMAIN_XML_SECURE.
    QString password;

    bool operator==(const Graphics &) const = default;
};

/// Flotilla's own element inside a machine's <metadata>: what the nodes
/// remember for us (design principle 1).
struct MachineMetadata {
    QString workload; ///< the name of the workload it is a replica of
    QStringList tags;
    QString templateName;
    int replica = -1;
    /// A replica's: its workload's id (two workloads may share a name), the
    /// template it was made from as its file holds it (no secrets) with the
    /// template's hash, the workload's policy (JSON, see workloads/), and
    /// the autoscaler's lease ("holder until", see workloads/).
    QString workloadId;
    QString templateFile;
    QString templateHash;
    QString policy;
    QString lease;
    QString note;
    QString image; ///< the base image it was made from (a volume's name), for machines Flotilla made
    QString created; ///< when, ISO 8601 in UTC
    QString creator; ///< who: "alice@desktop"
    /// While a plan is still making this machine: the volumes it makes
    /// ("pool/volume"). Empty once made; what a lost node leaves behind
    /// with it listed is removed when the node is back.
    QStringList unfinished;
    /// While unfinished: the Flotilla process making it (ProcessToken), so
    /// a second Flotilla of the same person here does not take it for a leftover.
    QString maker;

    bool operator==(const MachineMetadata &) const = default;
};

/// What Flotilla reads from a machine's domain XML.
struct DomainDescription {
    QString type; ///< "kvm", "qemu", "test", ...
    QString name;
    QString uuid;
    QString title;
    QString description;
    int vcpus = 0;
    int maxVcpus = 0;
    quint64 memoryBytes = 0;
    quint64 maxMemoryBytes = 0;
    QList<Disk> disks;
    QList<NetworkInterface> interfaces;
    QList<Graphics> graphics;
    MachineMetadata metadata;
};

/// Domain XML in and out. XML from a node is untrusted: too large, too deep,
/// malformed or nonsensical input is an error, never a crash or a hang.
namespace DomainXml
{
inline constexpr auto metadataNamespace = "urn:flotilla:machine:1";
inline constexpr auto metadataPrefix = "flotilla";
inline constexpr qsizetype maxBytes = 4 * 1024 * 1024;
inline constexpr int maxDepth = 64;

[[nodiscard]] Result<DomainDescription> parse(QByteArrayView xml);
/// Flotilla's metadata element alone, without its namespace, as
/// virDomainSetMetadata takes it (with metadataNamespace and metadataPrefix).
/// An error when it cannot be written whole: a tag that breaks the rule
/// (model/tags.h), or text XML cannot hold (control characters, say).
[[nodiscard]] Result<QString> metadataElement(const MachineMetadata &metadata);
/// Reads the metadata element on its own, with or without its namespace.
[[nodiscard]] Result<MachineMetadata> parseMetadataElement(QByteArrayView xml);
/// "2", unit "GiB" → bytes; false on a unit libvirt does not know or an overflow.
[[nodiscard]] bool toBytes(QStringView number, QStringView unit, quint64 *bytes);
} // namespace DomainXml

} // namespace Flotilla
