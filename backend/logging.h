// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(FLOTILLA_FLEET)
Q_DECLARE_LOGGING_CATEGORY(FLOTILLA_SESSION)
