// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/notifier.h"

#include "fleet/eventlistmodel.h"

#include <KConfigGroup>
#include <KLocalizedString>
#include <KNotification>

namespace Flotilla
{

namespace
{
constexpr auto group = "Notifications";
constexpr auto enabledKey = "Enabled";
} // namespace

Notifier::Notifier(FleetEvents *events, KSharedConfigPtr config, Sink sink, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_sink(sink ? std::move(sink) : Sink(&Notifier::sendToDesktop))
    , m_enabled(m_config->group(QLatin1StringView(group)).readEntry(enabledKey, true))
{
    connect(events, &FleetEvents::recorded, this, [this](const FleetEvent &event) {
        if (const std::optional<Notice> notice = noticeFor(event, m_enabled)) {
            m_sink(*notice);
        }
    });
}

std::optional<Notice> Notifier::noticeFor(const FleetEvent &event, bool enabled)
{
    if (!enabled) {
        return std::nullopt;
    }
    const QString text = EventListModel::text(event);
    using Kind = FleetEvent::Kind;
    switch (event.kind) {
    case Kind::NodeLost:
        return Notice{.eventId = QStringLiteral("nodeLost"),
            .title = i18nc("@title notification", "Node lost"),
            .text = event.error.isEmpty() ? text : text + QLatin1Char('\n') + event.error.message,
            .iconName = QStringLiteral("network-disconnect")};
    case Kind::NodeBack:
        if (event.expected) {
            return std::nullopt; // the person reconnected it
        }
        return Notice{.eventId = QStringLiteral("nodeBack"),
            .title = i18nc("@title notification", "Node back"),
            .text = text,
            .iconName = QStringLiteral("network-connect")};
    case Kind::MachineCrashed:
    case Kind::MachineStopped:
        if (event.expected) {
            return std::nullopt; // the person asked for it
        }
        return Notice{.eventId = QStringLiteral("machineStopped"),
            .title = i18nc("@title notification", "Machine stopped unexpectedly"),
            .text = text,
            .iconName = QStringLiteral("computer-fail")};
    default:
        return std::nullopt;
    }
}

void Notifier::sendToDesktop(const Notice &notice)
{
    auto *notification = new KNotification(notice.eventId); // deletes itself once closed
    notification->setComponentName(QStringLiteral("flotilla"));
    notification->setTitle(notice.title);
    notification->setText(notice.text);
    notification->setIconName(notice.iconName);
    notification->sendEvent();
}

void Notifier::setEnabled(bool enabled)
{
    if (enabled == m_enabled) {
        return;
    }
    m_enabled = enabled;
    KConfigGroup settings = m_config->group(QLatin1StringView(group));
    settings.writeEntry(enabledKey, enabled);
    settings.sync();
    Q_EMIT enabledChanged();
}

} // namespace Flotilla
