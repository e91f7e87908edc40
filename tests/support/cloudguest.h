// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "fleet/fleet.h"
#include "session/provisioningjob.h"

#include <QImage>

#include <functional>

/// The end-to-end tests' guest that boots from its own disk
/// (tests/e2e/make-cloud-guest, made from Debian packages at test time).
namespace Flotilla::Testing::CloudGuest
{
/// The SSH key its seed carries; the guest prints its comment, alice@laptop.
extern const QString key;
/// How much of a screen @p frame is lit, in samples (every 2nd pixel of
/// every 4th row): a line of text lights about four a letter, a blank text
/// screen none but its cursor's few.
[[nodiscard]] int litSamples(const QImage &frame);
constexpr int someText = 100; ///< more lit samples than this: text shows
constexpr int blank = 20; ///< fewer: a blank screen, but for its cursor

/// Everything the serial console of machine @p uuid on @p nodeId shows,
/// read through @p fleet, until @p expected has shown (or @p timeoutMs has
/// passed; the caller checks what showed, line by line). Once it is open,
/// @p typed is sent and @p whenOpen called. What stopped it early is told
/// at the end, "[console ended: …]".
[[nodiscard]] QString consoleUntil(Fleet &fleet, const QString &nodeId, const QString &uuid,
    const QStringList &expected, int timeoutMs, const QByteArray &typed = {},
    const std::function<void()> &whenOpen = {});

/// Makes the guest's disk, @p folder/disk.img, with the script at @p script.
[[nodiscard]] Result<bool> make(const QString &script, const QString &folder);
/// A machine @p name (1 vCPU, 256 MiB, emulated) made from @p image in
/// @p pool: a 64 MiB linked clone, a seed with its host name and the key,
/// and a new 16 MiB data disk, or the kept volume @p dataVolume.
[[nodiscard]] MachineOrder order(
    const QString &name, const QString &pool, const QString &image, const QString &dataVolume = {});
} // namespace Flotilla::Testing::CloudGuest
