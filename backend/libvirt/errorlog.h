// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

namespace Flotilla::Libvirt::ErrorLog
{

/// Sends libvirt's errors into the `flotilla.libvirt` logging category
/// instead of stderr. Call before virInitialize(), on the main thread.
///
/// Every libvirt call Flotilla makes turns a failure into an Error value
/// (lastError()), so the copies libvirt hands its error handler are logged
/// at debug level only. libvirt's own log, which would print every error
/// raised inside the library (a dozen lines per lost node), is kept to
/// errors and, as libvirt does when no output is configured, not written;
/// LIBVIRT_DEBUG, LIBVIRT_LOG_OUTPUTS or LIBVIRT_LOG_FILTERS set by the
/// person win.
void prepare();

/// Installs the error handler; after virInitialize().
void install();

} // namespace Flotilla::Libvirt::ErrorLog
