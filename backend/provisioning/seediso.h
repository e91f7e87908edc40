// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "provisioning/cloudinit.h"

#include <QByteArray>

/// The NoCloud seed as cloud-init looks for it on a CD-ROM: an ISO 9660
/// image labelled "cidata", holding user-data, meta-data and
/// network-config, with Rock Ridge and Joliet names (plain ISO 9660 names
/// would turn "user-data" into "USER_DAT"). Built in memory with libisofs:
/// no program is run and nothing is written to disk. The same seed always
/// makes the same bytes (fixed times, no user ids).
namespace Flotilla::SeedIso
{

inline constexpr const char *volumeLabel = "cidata";

[[nodiscard]] Result<QByteArray> build(const CloudInit::Seed &seed);

/// The seed in @p iso, a NoCloud seed image (this one's or another tool's):
/// its user-data, meta-data and network-config, each empty where missing.
/// Fails for an image that is no ISO 9660 or not labelled "cidata", and
/// for a document larger than CloudInit::maxSeedBytes.
[[nodiscard]] Result<CloudInit::Seed> read(const QByteArray &iso);

} // namespace Flotilla::SeedIso
