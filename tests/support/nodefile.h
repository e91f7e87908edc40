// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "model/inventory.h"

#include <QStringList>

class QXmlStreamWriter;

/// libvirt test-driver node files made at test time, machine by machine, so
/// that a test can make a node of any size and later change it on disk (as
/// a real node keeps its machines' states across a daemon restart).
namespace Flotilla::Testing::NodeFile
{

/// What the file says of one machine.
struct MachineSpec {
    QString uuid;
    QString name;
    MachineState state = MachineState::Running; ///< Running, Paused or Off
    QStringList tags;
};

/// @p count machines, m-0000 onwards: seven in ten running, one paused, two
/// off; each with two tags. Always the same for the same @p count.
[[nodiscard]] QList<MachineSpec> sample(int count);
/// The machine of sample() with index @p index, whatever the count.
[[nodiscard]] MachineSpec sampleMachine(int index);
/// Writes the node's own hardware (2 sockets of 16 cores, 512 GiB), as a
/// node file's first elements.
void writeHost(QXmlStreamWriter &xml);
/// Writes a node with @p machines to @p path (replacing it).
[[nodiscard]] Result<bool> write(const QString &path, const QList<MachineSpec> &machines);

} // namespace Flotilla::Testing::NodeFile
