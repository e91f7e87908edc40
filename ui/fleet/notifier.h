// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetevents.h"

#include <KSharedConfig>

#include <QObject>
#include <QtQmlIntegration>

#include <functional>
#include <optional>

namespace Flotilla
{

/// A desktop notification, as flotilla.notifyrc names its events.
struct Notice {
    QString eventId; ///< "nodeLost", "nodeBack", "machineStopped"
    QString title;
    QString text;
    QString iconName;
};

/// Tells the person, with desktop notifications, about what they would want
/// to know while looking elsewhere: a node lost, a node back, a machine that
/// stopped without being asked to. The setting lives in flotillarc,
/// [Notifications] Enabled (on unless turned off).
class Notifier : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Reached through Fleet.notifier")
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY enabledChanged)

public:
    using Sink = std::function<void(const Notice &)>;

    /// Watches @p events; notices go to @p sink (by default: KNotifications).
    Notifier(FleetEvents *events, KSharedConfigPtr config, Sink sink = {}, QObject *parent = nullptr);

    /// The notice an event deserves, if any. Pure: the decision on its own.
    [[nodiscard]] static std::optional<Notice> noticeFor(const FleetEvent &event, bool enabled);
    /// Sends @p notice as a desktop notification of Flotilla's.
    static void sendToDesktop(const Notice &notice);

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);

Q_SIGNALS:
    void enabledChanged();

private:
    KSharedConfigPtr m_config;
    Sink m_sink;
    bool m_enabled = true;
};

} // namespace Flotilla
