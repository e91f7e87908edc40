// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/inventory.h"
#include "provisioning/cloudinit.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Flotilla
{

/// Which k3s cluster a template's replicas belong to, and what they are in
/// it; empty for a template of no cluster.
struct ClusterPart {
    QString name; ///< the cluster's
    QString role; ///< "server" or "agent"
    QString server; ///< the first server's address, once it is known

    [[nodiscard]] bool isEmpty() const { return name.isEmpty(); }
    bool operator==(const ClusterPart &) const = default;
};

/// What a workload's replicas are made from: an image, a size, disks and a
/// setup (cloud-init), without secrets. A person's own templates are plain
/// JSON files in ~/.local/share/flotilla/templates/ (docs/TEMPLATES.md says
/// what each field is); a replica carries its template and the template's
/// hash in its metadata on its node.
struct MachineTemplate {
    QString name; ///< letters, digits and "-": it names the file and the workload's replicas
    QString image; ///< the base image's volume name
    int vcpus = 1;
    int maxVcpus = 2;
    int memoryMiB = 1024;
    int maxMemoryMiB = 2048;
    int rootGiB = 20;
    bool linkedClone = true;
    int dataGiB = 0; ///< 0: no data disk
    /// The first boot's setup; its password hash and host name are never
    /// kept here (the host name is each replica's own).
    MachineSetup setup;
    ClusterPart cluster;

    bool operator==(const MachineTemplate &) const = default;
};

namespace MachineTemplates
{

/// The largest template file read: a template is a few KiB.
inline constexpr qsizetype maxFileBytes = 256 * 1024;

/// The template as its file holds it (indented JSON, fields in a fixed order).
[[nodiscard]] QByteArray toJson(const MachineTemplate &machineTemplate);
/// A template from @p json, checked: the first thing wrong is named (a
/// field, its type, its range), with where in the file a syntax error is.
[[nodiscard]] Result<MachineTemplate> fromJson(const QByteArray &json);
/// A short hash of the template (SHA-256 of its compact JSON, 16 hex
/// digits): replicas made from different templates have different hashes.
[[nodiscard]] QString hash(const MachineTemplate &machineTemplate);

/// A template from an existing machine, which is not touched: a replica's
/// own template with its setup; another machine's size and disks, its
/// first boot's setup being unknown. An error when no base image is known
/// (a machine Flotilla did not make from an image, with no backing file).
[[nodiscard]] Result<MachineTemplate> fromMachine(const Machine &machine);

/// The templates Flotilla brings: a Docker host (Debian's docker.io and
/// compose, the image's default user in the `docker` group, the guest
/// agent). Their image is left empty: the person picks one (a cloud image
/// with cloud-init, see docs/TEMPLATES.md).
[[nodiscard]] QList<MachineTemplate> builtIns();

/// Where a person's templates are: ~/.local/share/flotilla/templates/.
[[nodiscard]] QString folder();
/// Reads the template file at @p path.
[[nodiscard]] Result<MachineTemplate> read(const QString &path);
/// Writes @p machineTemplate as NAME.json in @p folderPath, whole or not at all.
[[nodiscard]] Result<QString> write(const MachineTemplate &machineTemplate, const QString &folderPath = folder());

} // namespace MachineTemplates

} // namespace Flotilla
