// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace Flotilla::Bench
{

/// Writes a libvirt test-driver node file with @p machines machines: about
/// 80 % running, 5 % paused, the rest off; one or two disks and a network
/// interface each, and Flotilla's metadata. Deterministic for a given @p seed.
[[nodiscard]] Result<bool> writeNodeFile(const QString &path, int machines, int seed);

/// The same machines as writeNodeFile() for @p seed, each as the domain XML
/// to define through libvirt and the state to bring it to (libvirt's
/// virDomainState: 1 running, 3 paused, 5 off).
struct GeneratedMachine {
    QString xml;
    int state = 5;
};
[[nodiscard]] QList<GeneratedMachine> generateMachines(int machines, int seed);

} // namespace Flotilla::Bench
