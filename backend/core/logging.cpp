// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "core/logging.h"

Q_LOGGING_CATEGORY(FLOTILLA_FLEET, "flotilla.fleet", QtInfoMsg)
Q_LOGGING_CATEGORY(FLOTILLA_SESSION, "flotilla.session", QtInfoMsg)
Q_LOGGING_CATEGORY(FLOTILLA_LIBVIRT, "flotilla.libvirt", QtInfoMsg)
